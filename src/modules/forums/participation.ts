/**
 * Participation figures per person in an edition's forums and debates: threads started, replies, posts
 * (hidden posts do not count) and debate rounds contributed to. `participationInEdition` is the
 * permission-free read other modules use (the results module's participation source); the CSV is for
 * the edition's staff, for marking.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { translator } from '../../i18n/i18n.js';
import { csvFile } from '../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { builderAccess } from '../spaces/space-access.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import { DEBATE_KIND } from './debates/debate.js';
import { debateRoundsByPerson, postCountsOfEdition } from './forum-activity.repository.js';

export interface Participation {
  threads: number;
  replies: number;
  posts: number;
  rounds: number;
}

const NONE: Participation = { threads: 0, replies: 0, posts: 0, rounds: 0 };

/** Every person's participation in an edition (people who did nothing are left out: all zero). */
export async function participationInEdition(
  db: Executor,
  editionId: string,
): Promise<Map<string, Participation>> {
  const out = new Map<string, Participation>();
  if (!isId(editionId)) return out;
  for (const c of await postCountsOfEdition(db, editionId))
    out.set(c.authorId, { ...NONE, threads: c.threads, replies: c.posts - c.threads, posts: c.posts });
  const debates = await itemsOfKind(db, DEBATE_KIND, [editionId]);
  for (const r of await debateRoundsByPerson(
    db,
    debates.map((d) => d.id),
  ))
    out.set(r.userId, { ...(out.get(r.userId) ?? NONE), rounds: r.rounds });
  return out;
}

/** The participation of every confirmed participant, as CSV (staff of the edition). */
export async function participationCsv(
  db: Executor,
  _deps: Services,
  actor: Actor,
  editionId: string,
): Promise<{ fileName: string; text: string }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(editionId)) throw new AppError('not_found');
  const access = await builderAccess(db, actor, editionId);
  const figures = await participationInEdition(db, editionId);
  const t = translator('en');
  const rows = (await confirmedParticipants(db, editionId)).map((p) => {
    const f = figures.get(p.id) ?? NONE;
    return [p.fullName, p.email, f.threads, f.replies, f.posts, f.rounds];
  });
  const header = ['name', 'email', 'threads', 'replies', 'posts', 'rounds'].map((h) =>
    t.t(`forums.participation.${h}`),
  );
  return { fileName: `participation-${access.edition.code}.csv`, text: csvFile(header, rows) };
}
