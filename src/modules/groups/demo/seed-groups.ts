import type { Deps } from '../../../deps.js';

/** The demo's groups (see demo-groups.ts). */
export async function seedDemoGroups(_deps: Deps): Promise<void> {}
