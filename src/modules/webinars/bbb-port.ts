/** The BigBlueButton client of this platform, from its configuration (null when BBB_URL is not set). */
import type { Services } from '../../deps.js';
import { type BbbClient, bbbClient } from '../../integrations/bbb/bbb-client.js';

export function configuredBbb(deps: Pick<Services, 'config'>): BbbClient | null {
  const settings = deps.config.bbb;
  return settings ? bbbClient(settings) : null;
}
