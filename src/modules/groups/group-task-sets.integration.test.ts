import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { refusal } from '../../../test/helpers/refusal.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { up } from '../spaces/migrations/2026-12-08T0110-group-task-set-ids.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { getGroupPage } from './get-groups.js';
import { getGroupTaskPage } from './group-task.js';
import { groupTaskKind } from './group-task-kind.js';
import { groupSetsOfEdition } from './groups.port.js';
import { updateGroupSet } from './groups.repository.js';
import { createGroupSet } from './manage-group-sets.js';

/** A group task references its group set by id: renaming the set keeps the task; older tasks (by name) too. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the group set of a group task`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let setId: string;
    let sectionId: string;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      ({ id: setId } = await createGroupSet(
        deps.db,
        deps,
        staff(),
        world.edition.id,
        { name: 'Working groups', formation: 'balanced', groupCount: 2 },
        'Group',
      ));
      ({ id: sectionId } = await saveSection(deps.db, deps, staff(), world.edition.id, null, {
        title: { en: 'Group work' },
      }));
    });
    afterEach(async () => {
      await deps.close();
    });
    const staff = () => actorOf(world.facilitator);
    const task = (settings: Record<string, unknown>) =>
      saveItem(deps.db, deps, staff(), world.edition.id, null, {
        sectionId,
        kind: 'group-task',
        title: { en: 'Policy brief' },
        settings: { instructions: 'Write.', ...settings },
        completionRule: 'submitted',
      });
    const settingsOf = async (itemId: string) =>
      JSON.parse(
        (
          await deps.db
            .selectFrom('space_items')
            .select('settings_json')
            .where('id', '=', itemId)
            .executeTakeFirstOrThrow()
        ).settings_json,
      ) as Record<string, unknown>;

    it('keeps the task when its set is renamed, on the task page and the group page', async () => {
      const { id: itemId } = await task({ groupSetId: setId });
      await updateGroupSet(deps.db, setId, { name: 'Delegations' });
      const page = await getGroupTaskPage(deps.db, deps, staff(), itemId);
      expect(page.set?.id).toBe(setId);
      expect(page.groups).toHaveLength(2);
      const mine = await getGroupTaskPage(deps.db, deps, actorOf(world.participant), itemId);
      expect(mine.groups).toHaveLength(1);
      const groupId = mine.groups[0]?.group.id as string;
      expect(
        (await getGroupPage(deps.db, deps, actorOf(world.participant), groupId)).tasks.map((t) => t.id),
      ).toEqual([itemId]);
      // The builder offers the edition's sets by id, named as they are now.
      expect(await groupTaskKind.settingsChoices?.(deps.db, deps, world.edition.id)).toEqual({
        'settings.groupSetId': [{ value: setId, label: 'Delegations' }],
      });
      expect(await refusal(task({}))).toBe('settings.groupSetId:validation.required');
    });

    it('moves older tasks from the set’s name to its id, and leaves a name that matches no set', async () => {
      const { id: named } = await task({ groupSet: 'Working groups' });
      const { id: unknown } = await task({ groupSet: 'Nobody knows' });
      await up(deps.db);
      expect(await settingsOf(named)).toEqual({ instructions: 'Write.', groupSetId: setId });
      expect(await settingsOf(unknown)).toEqual({ instructions: 'Write.', groupSet: 'Nobody knows' });
      await up(deps.db);
      expect(await settingsOf(named)).toEqual({ instructions: 'Write.', groupSetId: setId });
      await updateGroupSet(deps.db, setId, { name: 'Delegations' });
      expect((await getGroupTaskPage(deps.db, deps, staff(), named)).set?.id).toBe(setId);
      // A name still finds a set of that name (as before).
      expect((await getGroupTaskPage(deps.db, deps, staff(), unknown)).set).toBeNull();
    });
  });
}
