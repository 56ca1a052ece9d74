import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { type CredentialStatus, formatShortCode } from './credential.js';
import { canCredentials } from './credentials.policy.js';
import { listLiveDiplomasOfCandidacies } from './credentials.repository.js';

/** The live diploma of a candidacy, as the ready list and the candidate page show it. */
export interface DiplomaState {
  credentialId: string;
  shortCode: string;
  status: Exclude<CredentialStatus, 'revoked'>;
  issuedAt: string;
}

/**
 * Managers: the live (not revoked) diplomas of some candidacies, by candidacy id (the ready list and a
 * candidate's page show "awarded" or the award button from it). Unknown ids are simply absent.
 */
export async function listDiplomaStates(
  db: Executor,
  _deps: Services,
  actor: Actor,
  candidacyIds: readonly string[],
): Promise<Map<string, DiplomaState>> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const rows = await listLiveDiplomasOfCandidacies(db, candidacyIds.filter(isId).slice(0, 1000));
  return new Map(
    rows.map((row) => [
      row.candidacy_id!,
      {
        credentialId: row.id,
        shortCode: formatShortCode(row.short_code),
        status: row.status as DiplomaState['status'],
        issuedAt: row.issued_at,
      },
    ]),
  );
}
