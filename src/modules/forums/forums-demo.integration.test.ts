import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import type { Actor } from '../../kernel/actor.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import { DEBATE_KIND } from './debates/debate.js';
import { getDebateView } from './debates/get-debate-view.js';
import { DEMO_FORUM_EDITION } from './demo/seed-forums.js';
import { getForum, getThread, listEditionForums } from './read-forums.js';

describe('sqlite: the demo Academy forum and debate', () => {
  let deps: TestDeps;
  let participant: Actor;
  let facilitator: Actor;
  let editionId: string;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
    editionId = (await findEditionIdByCode(deps.db, deps, DEMO_FORUM_EDITION))!;
    const as = async (email: string, role: 'participant' | 'facilitator'): Promise<Actor> => ({
      kind: 'user',
      id: (await findPersonIdByEmail(deps.db, deps, email))!,
      roles: [role],
      via: 'session',
    });
    participant = await as('participant@example.org', 'participant');
    facilitator = await as('facilitator@example.org', 'facilitator');
  }, 240_000);
  afterAll(async () => {
    await deps.close();
  });

  it('has a forum with a real discussion in three languages, by several participants', async () => {
    // The course's forum; the participant also sees the forums of their group and role-play (other demos).
    const forums = await listEditionForums(deps.db, participant, editionId);
    const spaceForums = forums.filter((f) => f.scope.kind === 'space');
    expect(spaceForums).toHaveLength(1);
    const forum = spaceForums[0];
    const page = await getForum(deps.db, deps, participant, forum!.id);
    expect(page.threads.length).toBeGreaterThanOrEqual(4);
    expect(page.threads[0]?.pinned).toBe(true);
    const authors = new Set<string>();
    let text = '';
    for (const thread of page.threads) {
      const posts = (await getThread(deps.db, deps, facilitator, thread.id, { markRead: false })).posts;
      expect(posts.length).toBeGreaterThan(2);
      for (const p of posts) {
        authors.add(p.author);
        text += p.body;
      }
    }
    expect(authors.size).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/Hola a todos/);
    expect(text).toMatch(/Bonjour/);
    expect(text).toMatch(/Hello everyone/);
  });

  it('has a finished debate with teams, three rounds, polls and the summary', async () => {
    const [debate] = await itemsOfKind(deps.db, DEBATE_KIND, [editionId]);
    const view = await getDebateView(deps.db, deps, participant, debate!.id);
    expect(view.stage).toEqual({ stage: 'finished' });
    expect(view.rounds.map((r) => r.contributions.length)).toEqual([2, 2, 2]);
    expect(view.poll.after.map((c) => c.count)).toEqual([3, 1]);
    expect(view.summary).toMatch(/workers should not start migration in debt/);
    expect(view.myPosition).toBe('p2');
  });
});
