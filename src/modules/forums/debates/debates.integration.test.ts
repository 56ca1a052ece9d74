import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDebate as buildDebateItem } from '../../../../test/helpers/debate-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { refusal } from '../../../../test/helpers/refusal.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { saveItem } from '../../spaces/save-item.js';
import { saveSection } from '../../spaces/save-section.js';
import { participationInEdition } from '../participation.js';
import { contributeToRound, voteInDebate, writeDebateSummary } from './debate-rounds.js';
import { assignTeams, chooseTeam } from './debate-teams.js';
import { getDebateView } from './get-debate-view.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: structured debates`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });

    // TEST_NOW is 2026-11-28T10:00Z: opening until the 29th, rebuttals until the 30th, closing until 1 Dec.
    const buildDebate = (teamMode: 'chosen' | 'assigned', teamCap: number | null = null) =>
      buildDebateItem(deps, world, { teamMode, teamCap: teamCap === null ? '' : String(teamCap) });

    it('refuses settings with one position or deadlines out of order', async () => {
      const staff = actorOf(world.facilitator);
      const section = await saveSection(deps.db, deps, staff, world.edition.id, null, { title: { en: 'D' } });
      const problem = await refusal(
        saveItem(deps.db, deps, staff, world.edition.id, null, {
          sectionId: section.id,
          kind: 'debate',
          title: { en: 'D' },
          settings: {
            motion: 'M',
            positions: 'Only one',
            opening: '2026-12-02T10:00',
            rebuttal: '2026-12-01T10:00',
            closing: '2026-12-03T10:00',
          },
          completionRule: 'viewed',
        }),
      );
      expect(problem).toMatch(/forums\.debate\.error\.(positions|order)/);
    });

    it('runs a debate: teams within caps, polls before and after, rounds, summary, contributions counted', async () => {
      const item = await buildDebate('chosen', 1);
      const other = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      const me = actorOf(world.participant);
      const staff = actorOf(world.facilitator);
      await chooseTeam(deps.db, deps, me, item.id, 'p1');
      expect(await refusal(chooseTeam(deps.db, deps, actorOf(other), item.id, 'p1'))).toBe(
        'positionId:forums.debate.error.full',
      );
      await chooseTeam(deps.db, deps, actorOf(other), item.id, 'p2');
      expect(await refusal(chooseTeam(deps.db, deps, staff, item.id, 'p3'))).toBe('forbidden');
      await voteInDebate(deps.db, deps, me, item.id, { phase: 'before', positionId: 'p2' });
      expect(
        await refusal(voteInDebate(deps.db, deps, me, item.id, { phase: 'after', positionId: 'p1' })),
      ).toBe('positionId:forums.debate.error.pollClosed');
      await contributeToRound(deps.db, deps, me, item.id, 'opening', { body: 'Opening **for**' });
      expect(await refusal(contributeToRound(deps.db, deps, me, item.id, 'rebuttal', { body: 'x' }))).toBe(
        'body:forums.debate.error.roundClosed',
      );
      expect(await refusal(chooseTeam(deps.db, deps, me, item.id, 'p3'))).toBe(
        'positionId:forums.debate.error.teamsClosed',
      );
      deps.clock.set('2026-11-29T12:00:00.000Z');
      await contributeToRound(deps.db, deps, actorOf(other), item.id, 'rebuttal', { body: 'Rebuttal' });
      await contributeToRound(deps.db, deps, me, item.id, 'rebuttal', { body: 'Counter' });
      expect(await refusal(writeDebateSummary(deps.db, deps, staff, item.id, { summary: 'Early' }))).toBe(
        'summary:forums.debate.error.notFinished',
      );
      deps.clock.set('2026-12-02T09:00:00.000Z');
      await voteInDebate(deps.db, deps, me, item.id, { phase: 'after', positionId: 'p1' });
      await writeDebateSummary(deps.db, deps, staff, item.id, { summary: 'Both teams argued well.' });
      const view = await getDebateView(deps.db, deps, me, item.id);
      expect(view.stage).toEqual({ stage: 'finished' });
      expect(view.rounds.map((r) => r.contributions.length)).toEqual([1, 2, 0]);
      expect(view.poll.before.map((c) => c.count)).toEqual([0, 1, 0]);
      expect(view.poll.after.map((c) => c.count)).toEqual([1, 0, 0]);
      expect(view.summary).toBe('Both teams argued well.');
      expect(
        (await participationInEdition(deps.db, world.edition.id)).get(world.participant.id)?.rounds,
      ).toBe(2);
      expect(await refusal(getDebateView(deps.db, deps, actorOf(world.outsider), item.id))).toBe('not_found');
    });

    it('lets facilitators assign teams when participants may not choose', async () => {
      const item = await buildDebate('assigned');
      const me = actorOf(world.participant);
      expect(await refusal(chooseTeam(deps.db, deps, me, item.id, 'p1'))).toBe(
        'positionId:forums.debate.error.assigned',
      );
      expect(await refusal(contributeToRound(deps.db, deps, me, item.id, 'opening', { body: 'x' }))).toBe(
        'body:forums.debate.error.noTeam',
      );
      await assignTeams(deps.db, deps, actorOf(world.facilitator), item.id, {
        [`team.${world.participant.id}`]: 'p2',
      });
      expect((await getDebateView(deps.db, deps, me, item.id)).myPosition).toBe('p2');
      expect(await refusal(assignTeams(deps.db, deps, me, item.id, {}))).toBe('forbidden');
    });
  });
}
