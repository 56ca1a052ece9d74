/**
 * Who may read a forum, for messages sent without a request (notifications, digests): the edition's staff
 * (its facilitators, managers) and the participants with a confirmed place (members only, for a
 * members-only forum). Read in sets, so that a digest for thousands costs a few queries.
 */
import type { Executor } from '../../db/database.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { activePeopleWithRole } from '../identity/identity.queries.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { listForumMembers } from './forums.repository.js';
import type { ForumRow } from './forums.tables.js';

export interface EditionReaders {
  staff: ReadonlySet<string>;
  participants: ReadonlySet<string>;
}

/** The edition's staff and confirmed participants. */
export async function editionReaders(db: Executor, editionId: string): Promise<EditionReaders> {
  const found = await findEditionWithCourse(db, editionId);
  const managers = await activePeopleWithRole(db, 'manager');
  const staff = new Set([
    ...(found?.edition.facilitators ?? []).map((f) => f.id),
    ...managers.map((m) => m.id),
  ]);
  const participants = new Set((await confirmedParticipants(db, editionId)).map((p) => p.id));
  return { staff, participants };
}

/** The people among `candidates` who may read the forum (posting rules aside). */
export async function forumReadersAmong(
  db: Executor,
  forum: ForumRow,
  readers: EditionReaders,
  candidates: readonly string[],
): Promise<{ id: string; staff: boolean }[]> {
  const members = forum.audience === 'members' ? new Set(await listForumMembers(db, forum.id)) : null;
  return candidates.flatMap((id): { id: string; staff: boolean }[] => {
    if (readers.staff.has(id)) return [{ id, staff: true }];
    if (readers.participants.has(id) && (members === null || members.has(id))) return [{ id, staff: false }];
    return [];
  });
}
