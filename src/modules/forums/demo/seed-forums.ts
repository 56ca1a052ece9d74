import type { Deps } from '../../../deps.js';

/** The demo Academy edition's forum and debate. */
export async function seedDemoForums(_deps: Deps): Promise<void> {}
