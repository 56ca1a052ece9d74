/**
 * The demo Academy's forum and debate (edition A9012027, facilitated by facilitator@example.org): a
 * "Discussions" section with a discussion (threads and replies by several participants, in English, French
 * and Spanish) and a finished structured debate (teams, three rounds, polls, the facilitator's summary).
 * The edition's demo places hold only Carlos; the seed gives participant@example.org and two other demo
 * participants a confirmed place there (through the places module's direct enrolment) so that a real
 * discussion is possible. Idempotent: an edition that has a discussion is left as it is.
 */
import type { Deps } from '../../../deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import { findEditionWithCourse } from '../../catalogue/catalogue.queries.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { isConfirmedParticipant } from '../../places/places.queries.js';
import { saveItem } from '../../spaces/save-item.js';
import { saveSection } from '../../spaces/save-section.js';
import { itemsOfKind } from '../../spaces/spaces.queries.js';
import { createForum } from '../create-forum.js';
import { DEBATE_KIND, ROUND_KINDS } from '../debates/debate.js';
import { insertContribution, saveSummary, saveVote, setTeam } from '../debates/debates.repository.js';
import { DISCUSSION_KIND } from '../discussion-kind.js';
import { postInForum } from '../post-in-forum.js';
import { setThreadFlags } from '../threads/set-thread-flags.js';
import { DEMO_DEBATE, DEMO_DEBATE_TITLE, DEMO_FORUM_TITLE, DEMO_THREADS } from './demo-forum-content.js';

/** The edition whose space holds the demo's forum and debate. */
export const DEMO_FORUM_EDITION = 'A9012027';
/** Demo participants given a place in it (besides Carlos, who has one). */
const JOINING = ['participant@example.org', 'koffi.yao@example.org', 'sunita.gurung@example.org'];

export async function seedDemoForums(deps: Deps): Promise<{ items: number }> {
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_FORUM_EDITION);
  const found = editionId ? await findEditionWithCourse(deps.db, editionId) : null;
  const facilitatorId = found?.edition.facilitators[0]?.id;
  if (!editionId || !found || !facilitatorId) return { items: 0 };
  if ((await itemsOfKind(deps.db, DISCUSSION_KIND, [editionId])).length) return { items: 0 };
  const system = systemActor('seed');
  for (const email of JOINING) {
    const id = await findPersonIdByEmail(deps.db, deps, email);
    if (id && !(await isConfirmedParticipant(deps.db, editionId, id)))
      await enrolDirectly(deps.db, deps, system, editionId, { email, fundingKind: 'self' });
  }
  const staff: Actor = { kind: 'user', id: facilitatorId, roles: ['facilitator'], via: 'session' };
  const people = new Map<string, Actor>([['staff', staff]]);
  for (const email of [...JOINING, 'carlos.nunez@example.org']) {
    const id = await findPersonIdByEmail(deps.db, deps, email);
    if (id) people.set(email, { kind: 'user', id, roles: ['participant'], via: 'session' });
  }
  const { id: sectionId } = await saveSection(deps.db, deps, system, editionId, null, {
    title: { en: 'Discussions and debate', fr: 'Discussions et débat', es: 'Discusiones y debate' },
  });
  const discussion = await saveItem(deps.db, deps, system, editionId, null, {
    sectionId,
    kind: DISCUSSION_KIND,
    title: DEMO_FORUM_TITLE,
    settings: { postingRule: 'open' },
    completionRule: 'viewed',
  });
  const forum = await createForum(deps.db, deps, {
    editionId,
    scope: { kind: 'space', id: discussion.id },
    title: DEMO_FORUM_TITLE.en,
  });
  for (const thread of DEMO_THREADS) {
    const author = people.get(thread.by);
    if (!author) continue;
    const opened = await postInForum(deps.db, deps, author, {
      forumId: forum.id,
      subject: thread.subject,
      body: thread.body,
    });
    if (thread.pinned) await setThreadFlags(deps.db, deps, staff, opened.threadId, { pinned: true });
    for (const reply of thread.replies) {
      const by = people.get(reply.by);
      if (by)
        await postInForum(deps.db, deps, by, {
          threadId: opened.threadId,
          body: reply.body,
          replyTo: reply.quoteFirst ? opened.postId : null,
        });
    }
  }
  await seedDebate(deps, editionId, sectionId, people);
  return { items: 2 };
}

/** A debate that finished two days ago, its record written directly (its rounds are in the past). */
async function seedDebate(deps: Deps, editionId: string, sectionId: string, people: Map<string, Actor>) {
  const now = deps.clock.now().getTime();
  const day = 86_400_000;
  const deadline = (i: number) => new Date(now - (6 - 2 * i) * day).toISOString();
  const item = await saveItem(deps.db, deps, systemActor('seed'), editionId, null, {
    sectionId,
    kind: DEBATE_KIND,
    title: DEMO_DEBATE_TITLE,
    settings: {
      motion: DEMO_DEBATE.motion,
      positions: DEMO_DEBATE.positions.join('\n'),
      rounds: ROUND_KINDS.map((id, i) => ({ id, deadline: deadline(i) })),
      teamMode: 'chosen',
      teamCap: 3,
    },
    completionRule: 'viewed',
  });
  const idOf = (email: string) => {
    const actor = people.get(email);
    return actor?.kind === 'user' ? actor.id : null;
  };
  for (const [email, position] of Object.entries(DEMO_DEBATE.teams)) {
    const userId = idOf(email);
    if (userId)
      await setTeam(deps.db, {
        item_id: item.id,
        user_id: userId,
        position_id: position,
        chosen_by: 'participant',
      });
  }
  for (const phase of ['before', 'after'] as const)
    for (const [email, position] of Object.entries(DEMO_DEBATE.votes[phase])) {
      const userId = idOf(email);
      const votedAt = new Date(now - (phase === 'before' ? 7 : 1) * day).toISOString();
      if (userId)
        await saveVote(deps.db, {
          item_id: item.id,
          user_id: userId,
          phase,
          position_id: position,
          voted_at: votedAt,
        });
    }
  for (const c of DEMO_DEBATE.contributions) {
    const userId = idOf(c.by);
    const round = ROUND_KINDS.indexOf(c.round as (typeof ROUND_KINDS)[number]);
    if (!userId || round < 0) continue;
    await insertContribution(deps.db, {
      id: newId(),
      item_id: item.id,
      round_id: c.round,
      user_id: userId,
      position_id: DEMO_DEBATE.teams[c.by] ?? 'p1',
      body: c.body,
      created_at: new Date(Date.parse(deadline(round)) - day / 2).toISOString(),
    });
  }
  const staff = people.get('staff');
  await saveSummary(deps.db, {
    item_id: item.id,
    summary: DEMO_DEBATE.summary,
    written_by: staff?.kind === 'user' ? staff.id : 'seed',
    written_at: new Date(now - day).toISOString(),
  });
}
