import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import {
  groupById,
  groupOfPerson,
  groupSetsOfEdition,
  groupsOfPerson,
  peerAdjustmentFactors,
} from './groups.port.js';
import { insertGroupSet, insertGroups, upsertMember } from './groups.repository.js';
import { upsertRating } from './peer-ratings.repository.js';

const AT = '2026-11-28T10:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`${dialect}: the groups port`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('reads group sets, a person’s groups and the peer adjustment factors', async () => {
      const other = await buildPerson(deps);
      const third = await buildPerson(deps);
      await insertGroupSet(deps.db, {
        id: 'set1',
        edition_id: world.edition.id,
        name: 'Working groups',
        formation: 'manual',
        capacity: null,
        closes_at: null,
        created_by: null,
        created_at: AT,
      });
      await insertGroups(deps.db, [
        { id: 'g1', group_set_id: 'set1', name: 'Group 1', position: 1, created_at: AT },
        { id: 'g2', group_set_id: 'set1', name: 'Group 2', position: 2, created_at: AT },
      ]);
      for (const [user, group] of [
        [world.participant.id, 'g1'],
        [other.id, 'g1'],
        [third.id, 'g1'],
      ] as const) {
        await upsertMember(deps.db, {
          group_set_id: 'set1',
          group_id: group,
          user_id: user,
          source: 'manual',
          added_at: AT,
        });
      }
      const sets = await groupSetsOfEdition(deps.db, world.edition.id);
      expect(sets).toHaveLength(1);
      expect(sets[0]?.groups.map((g) => [g.name, g.memberIds.length])).toEqual([
        ['Group 1', 3],
        ['Group 2', 0],
      ]);
      expect((await groupOfPerson(deps.db, 'set1', world.participant.id))?.id).toBe('g1');
      expect(await groupOfPerson(deps.db, 'set1', world.outsider.id)).toBeNull();
      expect((await groupsOfPerson(deps.db, world.edition.id, other.id)).map((g) => g.id)).toEqual(['g1']);
      expect((await groupById(deps.db, 'g2'))?.memberIds).toEqual([]);
      expect(await groupById(deps.db, 'nope')).toBeNull();

      const rate = (rater: string, ratee: string, score: number) =>
        upsertRating(deps.db, {
          group_set_id: 'set1',
          rater_id: rater,
          ratee_id: ratee,
          score,
          comment: '',
          rated_at: AT,
        });
      await rate(world.participant.id, other.id, 4);
      await rate(third.id, other.id, 4);
      await rate(other.id, world.participant.id, 2);
      await rate(third.id, world.participant.id, 2);
      const factors = await peerAdjustmentFactors(deps.db, 'set1');
      // received: participant 2, other 4, third none → group mean 3.
      expect(factors.get(other.id)).toBeCloseTo(4 / 3);
      expect(factors.get(world.participant.id)).toBeCloseTo(2 / 3);
      expect(factors.get(third.id)).toBe(1);
    });
  });
}
