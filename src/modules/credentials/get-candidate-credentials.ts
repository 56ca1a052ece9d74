import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { canCredentials } from './credentials.policy.js';
import { type DiplomaState, listDiplomaStates } from './list-diploma-states.js';
import { type HolderCredential, listHolderCredentials } from './list-holder-credentials.js';

/** What a candidate's page shows of their credentials to the managers who act on them. */
export interface CandidateCredentials {
  /** Every credential of the person, newest first, revoked ones included. */
  credentials: HolderCredential[];
  /** The candidacy's live (not revoked) diploma, if any. */
  diploma: DiplomaState | null;
  /** What the reader may do: award the diploma (the pathway awards it and no live diploma exists). */
  can: { award: boolean };
}

/**
 * Managers: a candidate's credentials and the live diploma of the candidacy, for the candidate page's
 * credentials panel (revoke, suspend, reinstate, supersede, award). Null for anyone who may not manage
 * credentials: the page then shows no panel.
 */
export async function getCandidateCredentials(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidate: {
    candidacyId: string;
    userId: string;
    /** Whether the pathway's evaluation awards the diploma today (the award use case checks again). */
    awardable?: boolean;
  },
): Promise<CandidateCredentials | null> {
  if (!canCredentials(actor, 'credentials.manage')) return null;
  const [credentials, diplomas] = await Promise.all([
    listHolderCredentials(db, deps, actor, { userId: candidate.userId }),
    listDiplomaStates(db, deps, actor, [candidate.candidacyId]),
  ]);
  const diploma = diplomas.get(candidate.candidacyId) ?? null;
  return { credentials, diploma, can: { award: candidate.awardable === true && diploma === null } };
}
