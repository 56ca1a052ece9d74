import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildRoleplay, ORIGIN_SECRET } from '../../../test/helpers/roleplay-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { groupSetsOfEdition } from '../groups/groups.port.js';
import { createGroupSet, placeMember } from '../groups/manage-group-sets.js';
import { updateProfile } from '../identity/account/update-account.js';
import { getRoleplay } from './get-roleplay.js';
import { assignRolesAutomatically } from './manage/assign-roles.js';
import { editOutcome } from './manage/edit-outcome.js';
import { revealBriefs } from './manage/reveal-briefs.js';
import { addPhase } from './manage/save-phase.js';
import { setHolders } from './manage/set-holders.js';
import { ROLEPLAY_CONTENT_TABLES, readRoleplayContent, roleplayContent } from './roleplay-content.js';

/**
 * A role-play's content (roles, briefs, holders, phases, outcome) is kept until one of its tables is
 * written; what a reader may see of it is decided per request. Changes must show at once, on both engines.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept content of a role-play`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());
    const staff = () => actorOf(world.facilitator);

    it('names every table the content is read from', async () => {
      const { itemId } = await buildRoleplay(deps, staff(), world.edition.id, world.participant.id);
      await editOutcome(deps.db, deps, staff(), itemId, { body: 'Draft', baseVersion: 0 });
      // Roles given to groups: their holders are read through the groups' members.
      const { id: setId } = await createGroupSet(
        deps.db,
        deps,
        staff(),
        world.edition.id,
        { name: 'Delegations', formation: 'manual', groupCount: 1 },
        'Group',
      );
      const group = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0];
      await placeMember(deps.db, deps, staff(), setId, { userId: world.participant.id, groupId: group?.id });
      await assignRolesAutomatically(deps.db, deps, staff(), itemId, { mode: 'random', groupSetId: setId });
      const { db, read } = recordingTables(deps.db);
      await readRoleplayContent(db, itemId);
      const tables = [...read()].sort();
      expect(tables.filter((t) => !(ROLEPLAY_CONTENT_TABLES as readonly string[]).includes(t))).toEqual([]);
      expect(tables).toEqual([...ROLEPLAY_CONTENT_TABLES].sort());
    });

    it('is kept between requests, and every change shows at once', async () => {
      const { itemId, originId, destinationId } = await buildRoleplay(
        deps,
        staff(),
        world.edition.id,
        world.participant.id,
      );
      const first = await roleplayContent(deps.db, itemId);
      expect(await roleplayContent(deps.db, itemId)).toBe(first);
      expect(Object.isFrozen(first.roles[0]!.holders)).toBe(true);
      const participant = actorOf(world.participant);
      const mine = async () =>
        (await getRoleplay(deps.db, deps, participant, itemId)).roles.filter((r) => r.mine);
      expect((await mine()).map((r) => r.id)).toEqual([originId]);
      expect((await mine())[0]!.privateBrief?.en).toContain(ORIGIN_SECRET);

      // New holders: the participant now plays the destination (and no longer reads the origin's brief).
      await setHolders(deps.db, deps, staff(), itemId, { [destinationId]: [world.participant.id] });
      const view = await getRoleplay(deps.db, deps, participant, itemId);
      expect(view.roles.filter((r) => r.mine).map((r) => r.id)).toEqual([destinationId]);
      expect(view.roles.find((r) => r.id === originId)!.privateBrief).toBeNull();

      // A phase, an outcome version, a reveal, a holder's new name.
      await addPhase(deps.db, deps, staff(), itemId, {
        title: { en: 'Bargaining' },
        startsAt: '2026-11-28T09:00Z',
        endsAt: '2026-11-28T18:00Z',
      });
      await editOutcome(deps.db, deps, participant, itemId, { body: 'Quota: 500', baseVersion: 0 });
      await revealBriefs(deps.db, deps, staff(), itemId);
      await updateProfile(deps.db, deps, participant, { fullName: 'Renamed Holder', preferredLocale: 'en' });
      const after = await getRoleplay(deps.db, deps, participant, itemId);
      expect(after.phases.map((p) => p.title.en)).toEqual(['Bargaining']);
      expect(after.outcome).toMatchObject({ body: 'Quota: 500', version: 1, by: 'Renamed Holder' });
      expect(after.revealedAt).not.toBeNull();
      expect(after.roles.find((r) => r.id === originId)!.privateBrief?.en).toContain(ORIGIN_SECRET);
      expect(after.roles.find((r) => r.id === destinationId)!.holders).toEqual([
        { id: world.participant.id, fullName: 'Renamed Holder' },
      ]);
      // Inside a transaction it is read, never kept from there.
      const kept = await roleplayContent(deps.db, itemId);
      await deps.db.transaction().execute(async (trx) => {
        expect(await roleplayContent(trx, itemId)).not.toBe(kept);
      });
    });
  });
}
