import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { hashSecret } from '../../../kernel/ids.js';
import { deleteSession } from '../passwords/password-credentials.repository.js';

/** Ends the session behind a cookie value (nothing happens for an unknown one). */
export async function signOut(db: Executor, _deps: Services, sessionToken: string): Promise<void> {
  await deleteSession(db, hashSecret(sessionToken));
}
