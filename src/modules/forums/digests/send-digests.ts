/**
 * The daily digest: every person following forums or threads with `digest` gets, once their local morning
 * has come (DIGEST_HOUR in their time zone), one notice (and so one email in their language) counting the
 * new posts since their last digest. Claimed first in `forum_digests` (primary key person + local day), so
 * however many processes run the tick, one digest per person per day is sent. Hidden posts, posts in
 * forums the person may no longer read, posts of discussions still locked for them (availability date,
 * prerequisite) and, under "post first", others' posts in threads they have not
 * posted in are never counted.
 */
import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../i18n/time-zones.js';
import { type DailyJob, defineJob } from '../../../jobs/job.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { findPerson } from '../../identity/identity.queries.js';
import { notify } from '../../notifications/notify.js';
import { peopleWithItemOpen } from '../../spaces/spaces.queries.js';
import { DIGEST_HOUR, localDayAndHour } from '../forum.js';
import {
  claimDigest,
  digestSubscriptions,
  lastDigests,
  newPostsByThread,
} from '../forum-activity.repository.js';
import type { ForumDigest } from '../forum-notices.js';
import { type EditionReaders, editionReaders, forumReadersAmong } from '../forum-readers.js';
import { findForum, postersAmong } from '../forums.repository.js';
import type { ForumRow } from '../forums.tables.js';

interface Follows {
  forums: Set<string>;
  threads: Set<string>;
  allForums: Set<string>;
}

/** Sends the digests due at `now`; returns how many were sent and how many people were looked at. */
export async function sendDigests(
  db: Executor,
  deps: Services,
  now: Date,
): Promise<{ sent: number; people: number }> {
  const follows = new Map<string, Follows>();
  for (const s of await digestSubscriptions(db)) {
    const f = follows.get(s.user_id) ?? { forums: new Set(), threads: new Set(), allForums: new Set() };
    (s.target_kind === 'forum' ? f.forums : f.threads).add(s.target_id);
    f.allForums.add(s.forum_id);
    follows.set(s.user_id, f);
  }
  const people = [...follows.keys()];
  const last = await lastDigests(db, people);
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  // ISO instants sort as text: the oldest "since" bounds the one query of new posts.
  const oldest = [dayAgo, ...people.map((id) => last.get(id) ?? dayAgo)].sort()[0] as string;
  const forumIds = [...new Set(people.flatMap((id) => [...(follows.get(id)?.allForums ?? [])]))];
  const posts = await newPostsByThread(db, forumIds, oldest);
  const forums = new Map<string, ForumRow>();
  const readers = new Map<string, EditionReaders>();
  for (const id of new Set(posts.map((p) => p.forum_id))) {
    const forum = await findForum(db, id);
    if (!forum) continue;
    forums.set(id, forum);
    if (!readers.has(forum.edition_id))
      readers.set(forum.edition_id, await editionReaders(db, forum.edition_id));
  }
  // A discussion item still locked for a person (its date, its prerequisite) is not theirs to hear about:
  // its posts are not counted, as its page is not found (one reading per discussion, for all its followers).
  const openPeople = new Map<string, Promise<Set<string>>>();
  const openTo = (forum: ForumRow) => {
    let found = openPeople.get(forum.id);
    if (!found) {
      found = peopleWithItemOpen(db, forum.scope_id, people, now.toISOString());
      openPeople.set(forum.id, found);
    }
    return found;
  };
  let sent = 0;
  for (const userId of people) {
    const person = await findPerson(db, userId);
    if (!person || person.disabled) continue;
    const zone = person.timeZone && isTimeZone(person.timeZone) ? person.timeZone : DEFAULT_TIME_ZONE;
    const { day, hour } = localDayAndHour(now, zone);
    if (hour < DIGEST_HOUR) continue;
    const since = last.get(userId) ?? dayAgo;
    const f = follows.get(userId) as Follows;
    const mine = posts.filter(
      (p) =>
        p.author_id !== userId &&
        p.created_at > since &&
        (f.forums.has(p.forum_id) || f.threads.has(p.thread_id)),
    );
    const visible = await readable(db, userId, mine, forums, readers, (forum) => openTo(forum));
    sent += await inTransaction(db, async (trx) => {
      const at = now.toISOString();
      if (!(await claimDigest(trx, { user_id: userId, day, since, sent_at: at }))) return 0;
      if (visible.length === 0) return 0;
      const threads = [...new Set(visible.map((p) => p.thread_id))];
      await notify<ForumDigest>(trx, deps.clock, {
        recipientId: userId,
        key: `forums.digest:${userId}:${day}`,
        event: {
          kind: 'forums.digest',
          day,
          threadId: threads[0] as string,
          posts: visible.length,
          threads: threads.length,
        },
      });
      return 1;
    });
  }
  return { sent, people: people.length };
}

type NewPost = Awaited<ReturnType<typeof newPostsByThread>>[number];

async function readable(
  db: Executor,
  userId: string,
  posts: NewPost[],
  forums: Map<string, ForumRow>,
  readers: Map<string, EditionReaders>,
  openTo: (forum: ForumRow) => Promise<Set<string>>,
): Promise<NewPost[]> {
  const out: NewPost[] = [];
  const verdicts = new Map<string, boolean>();
  for (const p of posts) {
    let ok = verdicts.get(p.thread_id);
    if (ok === undefined) {
      const forum = forums.get(p.forum_id);
      const edition = forum ? readers.get(forum.edition_id) : undefined;
      const [reader] = forum && edition ? await forumReadersAmong(db, forum, edition, [userId]) : [];
      ok = reader !== undefined;
      if (ok && forum?.scope_kind === 'space' && !reader?.staff) ok = (await openTo(forum)).has(userId);
      if (ok && forum?.posting_rule === 'post-first' && !reader?.staff)
        ok = (await postersAmong(db, p.thread_id, [userId])).has(userId);
      verdicts.set(p.thread_id, ok);
    }
    if (ok) out.push(p);
  }
  return out;
}

export const FORUM_DIGEST_JOB_KIND = 'forums.digest-tick';

/** Pure: the next hourly slot after `now` (aligned, so every process computes the same one). */
export function nextDigestSlot(now: Date): string {
  const hour = 3_600_000;
  return new Date((Math.floor(now.getTime() / hour) + 1) * hour).toISOString();
}

/** Hourly: the digests due (people reach their local morning at different hours), then the next hour. */
export const forumDigestJob = defineJob(
  FORUM_DIGEST_JOB_KIND,
  z.object({}).passthrough(),
  async (context) => {
    const { deps } = context;
    const now = deps.clock.now();
    const result = await sendDigests(deps.db, deps, now);
    const slot = nextDigestSlot(now);
    await enqueueJob(deps.db, deps.clock, {
      kind: FORUM_DIGEST_JOB_KIND,
      payload: { slot },
      idempotencyKey: `forums-digest:${slot}`,
      runAt: new Date(slot),
    });
    return result;
  },
);

/** Starts (or restarts, after a stop) the hourly chain once a day. */
export const forumDigestDaily: DailyJob = {
  kind: FORUM_DIGEST_JOB_KIND,
  key: (day) => `forums-digest:${day}`,
  payload: (day) => ({ day }),
};
