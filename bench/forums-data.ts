/**
 * The forums suite's data: the demo (its Academy A9012027 has a forum and a debate), then, in that edition:
 * a thread of 500 posts and 225 threads of 20 posts in the demo forum (its index over 5,000 posts), an
 * archive forum of 1,900 threads × 50 posts (about 100,000 posts in the edition to search), and 10,000
 * synthetic participants with a confirmed place who follow the demo forum by daily digest. Written in
 * batches through the modules' bulk repositories (synthetic data: no notifications, no audit). Seed 42.
 */

import { inTransaction } from '../src/db/transaction.js';
import type { Deps } from '../src/deps.js';
import { newId } from '../src/kernel/ids.js';
import { findEditionIdByCode } from '../src/modules/catalogue/find-ids.js';
import { createForum } from '../src/modules/forums/create-forum.js';
import { DEMO_FORUM_EDITION } from '../src/modules/forums/demo/seed-forums.js';
import { forumForScope } from '../src/modules/forums/forums.port.js';
import type { PostRow, ThreadRow } from '../src/modules/forums/forums.tables.js';
import {
  insertPostsBulk,
  insertSubscriptionsBulk,
  insertThreadsBulk,
} from '../src/modules/forums/forums-bulk.repository.js';
import { findPersonIdByEmail } from '../src/modules/identity/create-person.js';
import type { NewUserRow } from '../src/modules/identity/identity.tables.js';
import { itemsOfKind } from '../src/modules/spaces/spaces.queries.js';
import { insertEnrolmentsBulk, insertUsersBulk } from '../src/seed/scale.repository.js';
import { seedDemo } from '../src/seed/seed-demo.js';

const WORDS = (
  'migration labour recruitment fees employers workers rights skills recognition remittances development ' +
  'bilateral agreement social protection portability wages contract inspection agency union dialogue ' +
  'migración trabajo contratación empleadores trabajadores derechos competencias remesas desarrollo acuerdo ' +
  'migration travail recrutement employeurs travailleurs droits compétences transferts développement accord ' +
  'policy data gender youth return reintegration diaspora corridor visa quota seasonal domestic care ' +
  'construction agriculture health pension insurance equality discrimination integration language training'
).split(' ');

export interface ForumsData {
  editionId: string;
  forumId: string;
  longThreadId: string;
  posts: number;
  subscribers: number;
  /** A query of two common words (the search scenario). */
  query: string;
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function generateForumsData(deps: Deps, say: (line: string) => void): Promise<ForumsData> {
  await seedDemo(deps);
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_FORUM_EDITION);
  const [item] = editionId ? await itemsOfKind(deps.db, 'discussion', [editionId]) : [];
  const forum = item ? await forumForScope(deps.db, { kind: 'space', id: item.id }) : null;
  if (!editionId || !forum) throw new Error('forums bench: the demo has no forum in A9012027');
  const carlos = (await findPersonIdByEmail(deps.db, deps, 'carlos.nunez@example.org')) as string;
  const next = random(42);
  const now = deps.clock.now().getTime();
  const body = () => Array.from({ length: 30 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const authors: string[] = [carlos];
  let posts = 0;

  /** `threads` threads of `perThread` posts in `forumId`, posted within the last 20 hours. */
  const write = async (
    forumId: string,
    threads: number,
    perThread: number,
    subject: (i: number) => string,
  ) => {
    const ids: string[] = [];
    for (let start = 0; start < threads; start += 100) {
      const threadRows: ThreadRow[] = [];
      const postRows: PostRow[] = [];
      const subjects = new Map<string, string>();
      for (let t = start; t < Math.min(threads, start + 100); t++) {
        const id = newId();
        ids.push(id);
        const opened = new Date(now - 20 * 3_600_000 + t * 1000).toISOString();
        subjects.set(id, subject(t));
        threadRows.push({
          id,
          forum_id: forumId,
          edition_id: editionId,
          subject: subject(t),
          author_id: carlos,
          persona: null,
          pinned: 0,
          locked: 0,
          created_at: opened,
          last_post_at: new Date(Date.parse(opened) + (perThread - 1) * 1000).toISOString(),
        });
        for (let p = 0; p < perThread; p++)
          postRows.push({
            id: p === 0 ? id : newId(),
            thread_id: id,
            forum_id: forumId,
            edition_id: editionId,
            author_id: authors[Math.floor(next() * authors.length)] as string,
            persona: null,
            body: body(),
            reply_to: null,
            hidden: 0,
            hidden_note: null,
            hidden_by: null,
            created_at: new Date(Date.parse(opened) + p * 1000).toISOString(),
            edited_at: null,
          });
      }
      await inTransaction(deps.db, async (trx) => {
        await insertThreadsBulk(trx, threadRows);
        await insertPostsBulk(trx, postRows, subjects);
      });
      posts += postRows.length;
    }
    return ids;
  };

  // 10,000 participants with a confirmed place, following the demo forum by daily digest.
  const subscribers = 10_000;
  const at = new Date(now).toISOString();
  for (let start = 0; start < subscribers; start += 1000) {
    const users: NewUserRow[] = [];
    for (let i = start; i < start + 1000; i++)
      users.push({
        id: newId(),
        email: `forums-${i}@example.net`,
        password_hash: 'x',
        full_name: `Participant ${i}`,
        preferred_locale: ['en', 'fr', 'es'][i % 3] as string,
        email_verified_at: at,
        country: null,
        constituency: null,
        organisation: null,
        job_title: null,
        disabled_at: null,
        created_at: at,
        updated_at: at,
      });
    await inTransaction(deps.db, async (trx) => {
      await insertUsersBulk(trx, users);
      await insertEnrolmentsBulk(
        trx,
        users.map((u) => ({
          id: newId(),
          edition_id: editionId,
          user_id: u.id,
          status: 'enrolled',
          created_at: at,
          updated_at: at,
        })),
      );
      await insertSubscriptionsBulk(
        trx,
        users.map((u) => ({
          user_id: u.id,
          target_kind: 'forum',
          target_id: forum.id,
          forum_id: forum.id,
          mode: 'digest',
          created_at: at,
        })),
      );
    });
    if (start < 20) authors.push(...users.slice(0, 20).map((u) => u.id));
  }
  say(`forums bench: ${subscribers} digest subscribers`);
  const [longThreadId] = await write(forum.id, 1, 500, () => 'A long thread: 500 posts on fair recruitment');
  await write(forum.id, 225, 20, (i) => `Index thread ${i}: ${WORDS[i % WORDS.length]}`);
  const archive = await createForum(deps.db, deps, {
    editionId,
    scope: { kind: 'group', id: 'bench-archive' },
    title: 'Archive',
    audience: 'edition',
  });
  for (let batch = 0; batch < 19; batch++) {
    await write(archive.id, 100, 50, (i) => `Archive ${batch}-${i}`);
    say(`forums bench: ${posts} posts`);
  }
  return {
    editionId,
    forumId: forum.id,
    longThreadId: longThreadId as string,
    posts,
    subscribers,
    query: 'recruitment fees',
  };
}
