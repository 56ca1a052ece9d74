import type { Deps } from '../deps.js';
import { demoAccounts } from '../modules/identity/demo/seed-identity.js';
import type { SeedCounts } from '../modules/module.js';

export interface SeedReport {
  created: { themes: number; courses: number; editions: number; people: number; candidates: number };
  /** One demo account per role, with the interface language it signs in to. */
  accounts: { role: string; email: string; locale: string }[];
  password: string;
}

/**
 * Loads the demo programme: each module's seed in the order of the module list, through the same use
 * cases managers use (so it is validated and audited). Idempotent: whatever exists already (by slug,
 * course code, edition code, email) is left as it is.
 */
export async function seedDemo(deps: Deps): Promise<SeedReport> {
  const report: SeedReport = {
    created: { themes: 0, courses: 0, editions: 0, people: 0, candidates: 0 },
    ...demoAccounts(),
  };
  for (const module of deps.modules) {
    const counts: SeedCounts | undefined = await module.seed?.(deps);
    for (const [key, value] of Object.entries(counts ?? {}) as [keyof SeedCounts, number][])
      report.created[key] += value;
  }
  return report;
}

/** The first start loads the demo programme only into an empty database. */
export { isDatabaseEmpty } from '../modules/programmes/is-empty.js';
export { demoAccounts };
