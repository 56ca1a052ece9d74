/**
 * Runs the fake BigBlueButton server for local demos: `npm run fake-bbb` (PORT 8090 unless FAKE_BBB_PORT),
 * then start the platform with the BBB_URL and BBB_SECRET it prints (docs/webinars.md).
 */
import { startFakeBbbServer } from '../src/integrations/bbb/fake-bbb-server.js';

const server = await startFakeBbbServer({
  port: Number(process.env.FAKE_BBB_PORT ?? 8090),
  secret: process.env.FAKE_BBB_SECRET ?? 'fake-bbb-shared-secret',
});
process.stdout.write(`BBB_URL=${server.url}\nBBB_SECRET=${server.secret}\n`);
