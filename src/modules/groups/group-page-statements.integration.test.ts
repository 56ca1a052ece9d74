import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { getGroupPage } from './get-groups.js';
import { groupSetsOfEdition } from './groups.port.js';
import { createGroupSet } from './manage-group-sets.js';

/**
 * A group's page reads the group with its set in one statement and its members once (they decide the
 * reader's standing and are the page's list), then its people, tasks, files, shared page, peer evaluation
 * and forum: nothing twice.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the statements of a group's page`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());

    it('reads the group, its set and its members once each', async () => {
      await createGroupSet(
        deps.db,
        deps,
        actorOf(world.facilitator),
        world.edition.id,
        { name: 'Working groups', formation: 'random', groupCount: 1 },
        'Group',
      );
      const group = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0];
      const statements: string[] = [];
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          statements.push(args.node.kind);
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const page = await getGroupPage(
        deps.db.withPlugin(counter),
        deps,
        actorOf(world.participant),
        group?.id as string,
      );
      expect(page.members.map((m) => m.id)).toEqual([world.participant.id]);
      // The group with its set, the space's context, the members, the people, the tasks, the files, the shared
      // page, the peer evaluation, the forum.
      expect(statements.length).toBeLessThanOrEqual(9);
    });
  });
}
