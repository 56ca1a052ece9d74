import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { updateProfile } from '../identity/account/update-account.js';
import {
  EDITION_GROUPS_TABLES,
  GROUP_PAGE_TABLES,
  getEditionGroups,
  getGroupPage,
  readEditionGroups,
  readGroupPage,
} from './get-groups.js';
import { groupSetsOfEdition } from './groups.port.js';
import { createGroupSet, placeMember } from './manage-group-sets.js';
import { saveSharedPage } from './shared-page.js';

/**
 * A group's page reads the group with its set in one statement and its members once (they decide the
 * reader's standing and are the page's list), then its people, tasks, files, shared page, peer evaluation
 * and forum: nothing twice. Both the group's page and the edition's groups are kept (ADR 0009) until one of
 * their tables is written: changes show at once.
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

    /** A manual set "Working groups" of one group in the world's edition. */
    const oneWorkingGroup = async (staff: ReturnType<typeof actorOf>) => {
      const { id: setId } = await createGroupSet(
        deps.db,
        deps,
        staff,
        world.edition.id,
        { name: 'Working groups', formation: 'manual', groupCount: 1 },
        'Group',
      );
      const groupId = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0]?.id as string;
      return { setId, groupId };
    };

    it('names every table the kept pages are read from', async () => {
      const staff = actorOf(world.facilitator);
      const { setId, groupId } = await oneWorkingGroup(staff);
      await placeMember(deps.db, deps, staff, setId, { userId: world.participant.id, groupId });
      // `person` is the alias of the people's read model (its tree names `users`).
      const read = (tables: Set<string>) => [...tables].filter((t) => t !== 'person').sort();
      const onPage = recordingTables(deps.db);
      await readGroupPage(onPage.db, groupId);
      expect(read(onPage.read())).toEqual([...GROUP_PAGE_TABLES].sort());
      const onIndex = recordingTables(deps.db);
      await readEditionGroups(onIndex.db, world.edition.id);
      expect(read(onIndex.read())).toEqual([...EDITION_GROUPS_TABLES].sort());
    });

    it('keeps both pages between requests and shows every change at once', async () => {
      const staff = actorOf(world.facilitator);
      const participant = actorOf(world.participant);
      const { setId, groupId } = await oneWorkingGroup(staff);
      const index = async () =>
        (await getEditionGroups(deps.db, participant, world.edition.id)).sets[0]?.myGroupId ?? null;
      expect(await index()).toBeNull();
      await expect(getGroupPage(deps.db, deps, participant, groupId)).rejects.toMatchObject({
        code: 'not_found',
      });
      await placeMember(deps.db, deps, staff, setId, { userId: world.participant.id, groupId });
      expect(await index()).toBe(groupId);
      const page = await getGroupPage(deps.db, deps, participant, groupId);
      expect(page.members.map((m) => m.id)).toEqual([world.participant.id]);
      await saveSharedPage(deps.db, deps, participant, groupId, { body: 'Our plan', version: 0 });
      expect((await getGroupPage(deps.db, deps, participant, groupId)).page?.body).toBe('Our plan');
      await updateProfile(deps.db, deps, participant, { fullName: 'Renamed Member', preferredLocale: 'en' });
      expect((await getGroupPage(deps.db, deps, participant, groupId)).members[0]?.fullName).toBe(
        'Renamed Member',
      );
      const names = (await getEditionGroups(deps.db, participant, world.edition.id)).names;
      expect(names.get(world.participant.id)?.fullName).toBe('Renamed Member');
      await placeMember(deps.db, deps, staff, setId, { userId: world.participant.id, groupId: '' });
      expect(await index()).toBeNull();
      await expect(getGroupPage(deps.db, deps, participant, groupId)).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
}
