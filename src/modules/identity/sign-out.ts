import type { Deps } from '../../deps.js';
import { hashSecret } from '../../kernel/ids.js';
import { deleteSession } from './password-credentials.repository.js';

/** Ends the session behind a cookie value (nothing happens for an unknown one). */
export async function signOut(deps: Deps, sessionToken: string): Promise<void> {
  await deleteSession(deps.db, hashSecret(sessionToken));
}
