/**
 * The actor's standing towards a capstone, and the row mapped to the domain. Anyone with no standing is
 * told the capstone does not exist (404). Assessors have no standing here: they reach the final document
 * only through the marking engine's blind page.
 */
import type { Executor } from '../../db/database.js';
import { type Actor, hasRole } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { findProgrammeById } from '../programmes/programmes.queries.js';
import type {
  Abstracts,
  Approach,
  CapstoneLanguage,
  CapstoneState,
  LibraryLicence,
  Milestone,
  Proposal,
} from './capstone.js';
import { canCapstone } from './capstones.policy.js';
import { findCapstone, listCommittee } from './capstones.repository.js';
import type { CapstoneRow } from './capstones.tables.js';

export interface CapstoneAccess {
  row: CapstoneRow;
  can: { own: boolean; decide: boolean; supervise: boolean; manage: boolean };
}

/** A capstone as the actor may reach it: its candidate, its supervisor, the committee; else 404. */
export async function capstoneAccess(
  db: Executor,
  actor: Actor,
  capstoneId: string,
  options: { lock?: boolean } = {},
): Promise<CapstoneAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(capstoneId)) throw new AppError('not_found');
  const row = await findCapstone(db, capstoneId, options);
  if (!row) throw new AppError('not_found');
  const standing = {
    owner: actor.kind === 'user' && actor.id === row.user_id,
    supervisor: actor.kind === 'user' && actor.id === row.supervisor_id,
    committee: await sitsOnCommittee(db, actor, row.programme_id),
  };
  const can = {
    own: canCapstone(actor, 'capstones.own', standing),
    decide: canCapstone(actor, 'capstones.decide', standing),
    supervise: canCapstone(actor, 'capstones.supervise', standing),
    manage: canCapstone(actor, 'capstones.manage', standing),
  };
  if (!can.own && !can.supervise && !can.decide) throw new AppError('not_found');
  return { row, can };
}

/**
 * Whether the actor decides the programme's proposals: a member of its committee, or any manager when it
 * names none (undefined for anyone who is not a manager: the policy refuses them anyway).
 */
export async function sitsOnCommittee(
  db: Executor,
  actor: Actor,
  programmeId: string,
): Promise<boolean | undefined> {
  if (actor.kind !== 'user' || !hasRole(actor, 'manager')) return undefined;
  const members = await listCommittee(db, programmeId);
  return members.length === 0 || members.includes(actor.id);
}

/** A programme chosen in a form: a field problem ("not a valid choice") when there is no such programme. */
export async function ensureProgrammeChosen(db: Executor, programmeId: string, path: string): Promise<void> {
  if (!(await findProgrammeById(db, programmeId)))
    throw new AppError('validation_failed', {}, [{ path, key: 'validation.invalidChoice' }]);
}

/** Throws 403 unless allowed (the actor already knows the capstone). */
export function ensureCapstone(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}

/** The proposal a row holds. */
export function proposalOf(row: CapstoneRow): Proposal {
  return {
    title: row.title,
    country: row.country,
    policyQuestion: row.policy_question,
    themes: JSON.parse(row.themes_json) as string[],
    approaches: JSON.parse(row.approaches_json) as Approach[],
    language: row.language as CapstoneLanguage,
    timeline: { outline: row.outline_due, draft: row.draft_due, final: row.final_due } satisfies Record<
      Milestone,
      string | null
    >,
  };
}

export const stateOf = (row: CapstoneRow) => row.state as CapstoneState;
export const licenceOf = (row: CapstoneRow) => row.library_licence as LibraryLicence | null;
export const abstractsOf = (json: string) => JSON.parse(json) as Abstracts;

/** Throws `invalid_state` (409) with a field message. */
export function stateError(key = 'capstones.error.state'): AppError {
  return new AppError('invalid_state', {}, [{ path: 'state', key }]);
}
