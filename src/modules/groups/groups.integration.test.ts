import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { listNotifications } from '../notifications/list-notifications.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { joinGroup, leaveGroup } from './choose-group.js';
import { getEditionGroups, getGroupPage, listEditionGroups } from './get-groups.js';
import { addGroupFile, getGroupFile, removeGroupFile } from './group-files.js';
import { getGroupTaskPage, saveGroupTaskWork } from './group-task.js';
import { groupSetsOfEdition, peerAdjustmentFactors } from './groups.port.js';
import { createGroupSet, deleteGroupSet, formGroupSetAgain, placeMember } from './manage-group-sets.js';
import {
  getPeerRatingForm,
  getPeerResults,
  givePeerRatings,
  openPeerEvaluation,
  peerResultsCsv,
} from './peer-evaluations.js';
import { EditConflict, saveSharedPage, sharedPageHistory } from './shared-page.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error))
      return error.fields[0] ? `${error.fields[0].path}:${error.fields[0].key}` : error.code;
    throw error;
  }
  return undefined;
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: groups`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let people: TestPerson[];
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      people = [world.participant];
      for (let i = 0; i < 5; i++) {
        const p = await buildPerson(deps);
        await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
          email: p.email,
          fundingKind: 'self',
        });
        people.push(p);
      }
    });
    afterEach(async () => {
      await deps.close();
    });

    const staff = () => actorOf(world.facilitator);
    const create = (input: Record<string, unknown>) =>
      createGroupSet(
        deps.db,
        deps,
        staff(),
        world.edition.id,
        { name: 'Working groups', groupCount: 2, ...input },
        'Group',
      );

    it('forms a balanced set of every confirmed participant, each in one group of even size', async () => {
      const { id } = await create({ formation: 'balanced' });
      const [set] = await groupSetsOfEdition(deps.db, world.edition.id);
      expect(set?.id).toBe(id);
      const sizes = set?.groups.map((g) => g.memberIds.length);
      expect(sizes).toEqual([3, 3]);
      expect(set?.groups.flatMap((g) => g.memberIds).sort()).toEqual(people.map((p) => p.id).sort());
      // Each group has its members-only forum (forums module), linked from its page.
      const forumHref = (await getGroupPage(deps.db, deps, staff(), set?.groups[0]?.id as string)).forumHref;
      expect(forumHref).toMatch(/^\/forums\//);
      await formGroupSetAgain(deps.db, deps, staff(), id);
      const again = await groupSetsOfEdition(deps.db, world.edition.id);
      expect(again[0]?.groups.flatMap((g) => g.memberIds)).toHaveLength(6);
      // A participant sees only their own group, through the page's read and the API's.
      const mine = await listEditionGroups(deps.db, actorOf(world.participant), world.edition.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.members).toContain(world.participant.id);
      expect(await listEditionGroups(deps.db, staff(), world.edition.id)).toHaveLength(2);
      expect(await refusal(listEditionGroups(deps.db, actorOf(world.outsider), world.edition.id))).toBe(
        'not_found',
      );
      const index = await getEditionGroups(deps.db, actorOf(world.participant), world.edition.id);
      expect(index.sets[0]?.groups).toHaveLength(1);
      expect(index.people).toEqual([]);
    });

    it('refuses bad input and participants, changing nothing', async () => {
      expect(await refusal(create({ formation: 'nope' }))).toBe('formation:validation.invalidChoice');
      expect(await refusal(create({ formation: 'manual', name: '  ' }))).toBe('name:validation.required');
      expect(await refusal(create({ formation: 'self' }))).toBe('capacity:groups.error.capacityNeeded');
      expect(await refusal(create({ formation: 'manual', groupCount: 0 }))).toBe(
        'groupCount:validation.tooSmall',
      );
      expect(
        await refusal(
          createGroupSet(
            deps.db,
            deps,
            actorOf(world.participant),
            world.edition.id,
            { name: 'x', formation: 'manual', groupCount: 2 },
            'G',
          ),
        ),
      ).toBe('forbidden');
      expect(await groupSetsOfEdition(deps.db, world.edition.id)).toEqual([]);
    });

    it('places people by hand, and lets them choose within caps until the closing date', async () => {
      const manual = await create({ formation: 'manual' });
      const [set] = await groupSetsOfEdition(deps.db, world.edition.id);
      const g1 = set?.groups[0]?.id as string;
      await placeMember(deps.db, deps, staff(), manual.id, { userId: world.participant.id, groupId: g1 });
      expect((await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0]?.memberIds).toEqual([
        world.participant.id,
      ]);
      // Placed by the facilitator: told, with a link to the group (named, nothing else).
      const notices = async (who: { id: string }) =>
        (await listNotifications(deps.db, deps, actorOf(who as TestPerson), { page: 1 })).items;
      const placed = (await notices(world.participant)).find((n) => n.kind === 'groups.placed');
      expect(placed).toBeDefined();
      expect(JSON.stringify(placed)).toContain(set?.groups[0]?.name as string);
      expect(
        await refusal(
          placeMember(deps.db, deps, staff(), manual.id, { userId: world.outsider.id, groupId: g1 }),
        ),
      ).toBe('userId:groups.error.notParticipant');

      const self = await create({
        name: 'Choose',
        formation: 'self',
        capacity: 1,
        closesAt: '2026-11-30T12:00:00.000Z',
      });
      const chosen = (await groupSetsOfEdition(deps.db, world.edition.id)).find((s) => s.id === self.id);
      const [a, b] = chosen?.groups.map((g) => g.id) ?? [];
      await joinGroup(deps.db, deps, actorOf(people[1] as TestPerson), a as string);
      expect(await refusal(joinGroup(deps.db, deps, actorOf(people[2] as TestPerson), a as string))).toBe(
        'group:groups.error.groupFull',
      );
      await joinGroup(deps.db, deps, actorOf(people[1] as TestPerson), b as string);
      await joinGroup(deps.db, deps, actorOf(people[2] as TestPerson), a as string);
      await leaveGroup(deps.db, deps, actorOf(people[2] as TestPerson), a as string);
      // Chosen by oneself: no notice.
      expect((await notices(people[1] as TestPerson)).map((n) => n.kind)).not.toContain('groups.placed');
      expect(await refusal(joinGroup(deps.db, deps, actorOf(world.outsider), a as string))).toBe('not_found');
      deps.clock.set('2026-11-30T12:00:00.000Z');
      expect(await refusal(joinGroup(deps.db, deps, actorOf(people[3] as TestPerson), a as string))).toBe(
        'group:groups.error.choiceClosed',
      );
    });

    it('keeps the shared page’s history and refuses a stale save with both texts', async () => {
      await create({ formation: 'balanced' });
      const group = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups.find((g) =>
        g.memberIds.includes(world.participant.id),
      );
      const gid = group?.id as string;
      const other = people.find(
        (p) => p.id !== world.participant.id && group?.memberIds.includes(p.id),
      ) as TestPerson;
      const me = actorOf(world.participant);
      expect(await saveSharedPage(deps.db, deps, me, gid, { version: 0, body: '# Plan' })).toEqual({
        version: 1,
      });
      expect(
        await saveSharedPage(deps.db, deps, actorOf(other), gid, { version: 1, body: '# Plan\n\nTheirs' }),
      ).toEqual({ version: 2 });
      try {
        await saveSharedPage(deps.db, deps, me, gid, { version: 1, body: '# Plan\n\nMine' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EditConflict);
        expect((error as EditConflict).current).toEqual({ version: 2, body: '# Plan\n\nTheirs' });
        expect((error as EditConflict).yours).toBe('# Plan\n\nMine');
      }
      const { revisions } = await sharedPageHistory(deps.db, staff(), gid);
      expect(revisions.map((r) => r.version)).toEqual([2, 1]);
      // Another participant of the edition is not in the group: it does not exist for them.
      const outsiderInEdition = people.find((p) => !group?.memberIds.includes(p.id)) as TestPerson;
      expect(await refusal(getGroupPage(deps.db, deps, actorOf(outsiderInEdition), gid))).toBe('not_found');
      expect(
        await refusal(
          saveSharedPage(deps.db, deps, actorOf(outsiderInEdition), gid, { version: 2, body: 'x' }),
        ),
      ).toBe('not_found');
      expect(await refusal(saveSharedPage(deps.db, deps, me, gid, { version: 2, body: 'a\u0000b' }))).toBe(
        'body:validation.invalidCharacters',
      );

      const file = await addGroupFile(deps.db, deps, me, gid, {
        fileName: 'notes.txt',
        bytes: new TextEncoder().encode('hello'),
      });
      expect(new TextDecoder().decode((await getGroupFile(deps.db, deps, staff(), gid, file.id)).bytes)).toBe(
        'hello',
      );
      expect(await refusal(addGroupFile(deps.db, deps, me, gid, null))).toBe('file:groups.error.noFile');
      expect((await getGroupPage(deps.db, deps, me, gid)).files).toHaveLength(1);
      await removeGroupFile(deps.db, deps, me, gid, file.id);
      expect(await refusal(getGroupFile(deps.db, deps, me, gid, file.id))).toBe('not_found');
    });

    it('gives each group a work area on a group task; submitting completes the item for its members', async () => {
      await create({ formation: 'balanced' });
      const { id: sectionId } = await saveSection(deps.db, deps, staff(), world.edition.id, null, {
        title: { en: 'Group work' },
      });
      const { id: itemId } = await saveItem(deps.db, deps, staff(), world.edition.id, null, {
        sectionId,
        kind: 'group-task',
        title: { en: 'Policy brief' },
        settings: { groupSet: 'Working groups', instructions: 'Write a **brief**.' },
        completionRule: 'submitted',
      });
      const me = actorOf(world.participant);
      const page = await getGroupTaskPage(deps.db, deps, me, itemId);
      expect(page.groups).toHaveLength(1);
      expect((await getGroupTaskPage(deps.db, deps, staff(), itemId)).groups).toHaveLength(2);
      await saveGroupTaskWork(deps.db, deps, me, itemId, { version: 0, body: 'Draft' });
      expect(await refusal(saveGroupTaskWork(deps.db, deps, me, itemId, { version: 0, body: 'Other' }))).toBe(
        'body:groups.error.editConflict',
      );
      expect(
        await saveGroupTaskWork(deps.db, deps, me, itemId, { version: 1, body: 'Final', submit: '1' }),
      ).toEqual({ version: 2, submitted: true });
      const groupPage = await getGroupPage(deps.db, deps, me, page.groups[0]?.group.id as string);
      expect(groupPage.tasks.map((t) => t.id)).toEqual([itemId]);
      const progress = await deps.db
        .selectFrom('space_item_progress')
        .select(['user_id', 'completed_at'])
        .where('item_id', '=', itemId)
        .execute();
      expect(progress.map((p) => p.user_id).sort()).toEqual(
        [...(page.groups[0]?.group.memberIds ?? [])].sort(),
      );
      expect(progress.every((p) => p.completed_at !== null)).toBe(true);
      expect(
        await refusal(saveGroupTaskWork(deps.db, deps, staff(), itemId, { version: 0, body: 'x' })),
      ).toBe('forbidden');
    });

    it('keeps peer ratings anonymous to peers, shows staff the flags and gives the factors', async () => {
      const { id } = await create({ formation: 'balanced' });
      await openPeerEvaluation(deps.db, deps, staff(), id, {
        criteria: 'Contribution',
        closesAt: '2026-12-01T00:00:00.000Z',
      });
      const group = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0];
      const members = group?.memberIds ?? [];
      const [a, b, c] = members as [string, string, string];
      const personOf = (pid: string) => actorOf(people.find((p) => p.id === pid) as TestPerson);
      const scores: Record<string, Record<string, number>> = {
        [a]: { [a]: 5, [b]: 4, [c]: 1 },
        [b]: { [a]: 3, [b]: 4, [c]: 2 },
        [c]: { [a]: 3, [b]: 4, [c]: 5 },
      };
      for (const rater of members)
        await givePeerRatings(
          deps.db,
          deps,
          personOf(rater),
          id,
          Object.fromEntries(
            members.map((m) => [m, { score: scores[rater]?.[m], comment: `from ${rater} on ${m}` }]),
          ),
        );
      expect(await refusal(givePeerRatings(deps.db, deps, personOf(a), id, { [a]: { score: 9 } }))).toMatch(
        /validation/,
      );
      // A member sees only the ratings they gave.
      const form = await getPeerRatingForm(deps.db, deps, personOf(a), id);
      expect(form.members.map((m) => m.score)).toEqual(members.map((m) => scores[a]?.[m]));
      // Their own comments, and nothing the others wrote (about anyone, about them included): anonymous to peers.
      const shown = JSON.stringify(form);
      expect(shown).toContain(`from ${a} on ${b}`);
      for (const other of [b, c]) expect(shown).not.toContain(`from ${other} on`);
      expect(await refusal(getPeerResults(deps.db, deps, personOf(a), id))).toBe('forbidden');
      const results = await getPeerResults(deps.db, deps, staff(), id);
      const byId = new Map(results.groups[0]?.members.map((m) => [m.memberId, m]));
      expect(byId.get(c)?.received).toBe(1.5);
      expect(byId.get(c)?.flags).toEqual(['far-from-group', 'self-above-peers']);
      const factors = await peerAdjustmentFactors(deps.db, id);
      expect(factors.get(b)).toBeGreaterThan(1);
      expect(factors.get(c)).toBeLessThan(1);
      expect(await peerResultsCsv(deps.db, deps, staff(), id)).toContain('far-from-group self-above-peers');
      deps.clock.set('2026-12-01T00:00:00.000Z');
      expect(await refusal(givePeerRatings(deps.db, deps, personOf(a), id, {}))).toBe(
        'ratings:groups.error.peer.closed',
      );
      await deleteGroupSet(deps.db, deps, staff(), id);
      expect(await groupSetsOfEdition(deps.db, world.edition.id)).toEqual([]);
    });
  });
}
