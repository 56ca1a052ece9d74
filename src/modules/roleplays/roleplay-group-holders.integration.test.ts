import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { refusal } from '../../../test/helpers/refusal.js';
import { buildRoleplay, ORIGIN_SECRET } from '../../../test/helpers/roleplay-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { getForum, getThread, postInForum } from '../forums/forums.port.js';
import { searchEditionPosts } from '../forums/search/search-posts.js';
import { subscribe } from '../forums/subscribe.js';
import { joinGroup } from '../groups/choose-group.js';
import { groupSetsOfEdition } from '../groups/groups.port.js';
import { createGroupSet, placeMember } from '../groups/manage-group-sets.js';
import { listNotifications } from '../notifications/list-notifications.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { getPhaseDiscussion } from './get-phase-discussion.js';
import { getRoleplay } from './get-roleplay.js';
import { assignRolesAutomatically } from './manage/assign-roles.js';
import { seededRandom } from './manage/role-assignment.js';
import { addPhase } from './manage/save-phase.js';
import { setHolders } from './manage/set-holders.js';
import { postInCharacter } from './post-in-character.js';
import { presentRoleplay } from './roleplays.api.js';

/**
 * A role given to a group is held by the group's members of the moment: someone added to the group gets the
 * private brief and posts in character, someone removed loses both (pages, API, discussion, search, notices).
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: role-plays held by groups`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let other: Awaited<ReturnType<typeof buildPerson>>;
    let newcomer: Awaited<ReturnType<typeof buildPerson>>;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      other = await buildPerson(deps);
      newcomer = await buildPerson(deps, { fullName: 'Nadia Newcomer' });
      for (const person of [other, newcomer])
        await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
          email: person.email,
          fundingKind: 'self',
        });
    });
    afterEach(async () => {
      await deps.close();
    });

    const staff = () => actorOf(world.facilitator);
    const notices = async (who: typeof newcomer) =>
      (await listNotifications(deps.db, deps, actorOf(who), { page: 1 })).items.map((n) => n.kind);

    it('follows the group: a member added holds the role, a member removed no longer does', async () => {
      const { itemId, originId } = await buildRoleplay(deps, staff(), world.edition.id, null);
      const { id: setId } = await createGroupSet(
        deps.db,
        deps,
        staff(),
        world.edition.id,
        { name: 'Delegations', formation: 'manual', groupCount: 2 },
        'Group',
      );
      const [first, second] = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups ?? [];
      if (!first || !second) throw new Error('two groups expected');
      await placeMember(deps.db, deps, staff(), setId, { userId: world.participant.id, groupId: first.id });
      await placeMember(deps.db, deps, staff(), setId, { userId: other.id, groupId: second.id });
      const { id: phaseId } = await addPhase(deps.db, deps, staff(), itemId, {
        title: { en: 'Bargaining' },
        startsAt: '2026-11-28T09:00Z',
        endsAt: '2026-11-28T18:00Z',
      });
      await assignRolesAutomatically(
        deps.db,
        deps,
        staff(),
        itemId,
        { mode: 'random', groupSetId: setId },
        seededRandom(3),
      );
      // The origin role's group (the participant's, or the other one's, as the draw gave it).
      const view = await getRoleplay(deps.db, deps, staff(), itemId);
      const origin = view.roles.find((r) => r.id === originId);
      const originGroup = origin?.holders[0]?.id === world.participant.id ? first : second;
      const insider = originGroup === first ? world.participant : other;
      expect(origin?.groups.map((g) => g.id)).toEqual([originGroup.id]);

      const holder = actorOf(insider);
      const opened = await postInCharacter(deps.db, deps, holder, itemId, phaseId, {
        subject: 'Opening',
        body: 'We ask for forty thousand places.',
      });
      // Nobody new holds the role yet.
      const outside = presentRoleplay(await getRoleplay(deps.db, deps, actorOf(newcomer), itemId), 'en');
      expect(JSON.stringify(outside)).not.toContain(ORIGIN_SECRET);
      expect(await refusal(getThread(deps.db, deps, actorOf(newcomer), opened.threadId))).toBe('not_found');

      // Added to the group: the brief, the API's holders, the discussion, posting in character.
      await placeMember(deps.db, deps, staff(), setId, { userId: newcomer.id, groupId: originGroup.id });
      // Told both: placed in the group, and that the group holds a role.
      expect(await notices(newcomer)).toEqual(
        expect.arrayContaining(['groups.placed', 'roleplay.group-role-joined']),
      );
      const added = actorOf(newcomer);
      const json = presentRoleplay(await getRoleplay(deps.db, deps, added, itemId), 'en');
      const role = json.roles.find((r) => r.id === originId);
      expect(role?.holders).toEqual([insider.id, newcomer.id]);
      expect(JSON.stringify(role)).toContain(ORIGIN_SECRET);
      const discussion = await getPhaseDiscussion(deps.db, deps, added, itemId, phaseId, 'en');
      expect(discussion.persona).toBe('Ministry of Labour, origin country');
      expect(discussion.canPost).toBe(true);
      await subscribe(deps.db, deps, added, { kind: 'thread', id: opened.threadId }, 'immediate');
      // On the forum's own thread page (no persona named), the role's name is still shown.
      const direct = await postInForum(deps.db, deps, added, { threadId: opened.threadId, body: 'Agreed.' });
      const seen = await getThread(deps.db, deps, actorOf(other), opened.threadId, { markRead: false });
      expect(seen.posts.find((p) => p.id === direct.postId)?.author).toBe(
        'Ministry of Labour, origin country',
      );
      expect(JSON.stringify(seen)).not.toContain('Nadia Newcomer');
      await postInCharacter(deps.db, deps, holder, itemId, phaseId, {
        threadId: opened.threadId,
        body: 'Then we sign.',
      });
      expect(await notices(newcomer)).toContain('forums.new-post');
      expect(
        (await searchEditionPosts(deps.db, deps, added, world.edition.id, 'forty')).hits.map((h) => h.author),
      ).toEqual(['Ministry of Labour, origin country']);

      // Removed from the group: neither the brief nor the discussion, no notice, no search hit.
      await placeMember(deps.db, deps, staff(), setId, { userId: newcomer.id, groupId: '' });
      const removed = presentRoleplay(await getRoleplay(deps.db, deps, added, itemId), 'en');
      expect(JSON.stringify(removed)).not.toContain(ORIGIN_SECRET);
      expect(removed.roles.find((r) => r.id === originId)?.holders).toEqual([insider.id]);
      expect(await refusal(getForum(deps.db, deps, added, discussion.forum.forum.id))).toBe('not_found');
      expect(
        await refusal(
          postInCharacter(deps.db, deps, added, itemId, phaseId, { threadId: opened.threadId, body: 'x' }),
        ),
      ).toBe('forbidden');
      expect(await refusal(postInForum(deps.db, deps, added, { threadId: opened.threadId, body: 'x' }))).toBe(
        'not_found',
      );
      const before = (await notices(newcomer)).length;
      await postInCharacter(deps.db, deps, holder, itemId, phaseId, {
        threadId: opened.threadId,
        body: 'Signed.',
      });
      expect((await notices(newcomer)).length).toBe(before);
      expect((await searchEditionPosts(deps.db, deps, added, world.edition.id, 'forty')).hits).toEqual([]);
    });

    it('tells someone who chooses a group holding a role, once, naming no brief', async () => {
      const { itemId } = await buildRoleplay(deps, staff(), world.edition.id, null);
      const { id: setId } = await createGroupSet(
        deps.db,
        deps,
        staff(),
        world.edition.id,
        { name: 'Delegations', formation: 'self', groupCount: 1, capacity: 5 },
        'Group',
      );
      await assignRolesAutomatically(deps.db, deps, staff(), itemId, { mode: 'random', groupSetId: setId });
      const group = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0];
      await joinGroup(deps.db, deps, actorOf(newcomer), group?.id as string);
      await joinGroup(deps.db, deps, actorOf(newcomer), group?.id as string);
      const kinds = await notices(newcomer);
      expect(kinds.filter((k) => k === 'roleplay.group-role-joined')).toHaveLength(1);
      expect(kinds).not.toContain('groups.placed');
      const listed = await listNotifications(deps.db, deps, actorOf(newcomer), { page: 1 });
      expect(JSON.stringify(listed)).not.toContain(ORIGIN_SECRET);
      expect(JSON.stringify(listed)).toContain('Negotiating a bilateral agreement');
    });

    it('lets someone holding two roles choose, per post, the role it is written as', async () => {
      const { itemId, originId, destinationId } = await buildRoleplay(deps, staff(), world.edition.id, null);
      await setHolders(deps.db, deps, staff(), itemId, {
        [originId]: [world.participant.id],
        [destinationId]: [world.participant.id, other.id],
      });
      const { id: phaseId } = await addPhase(deps.db, deps, staff(), itemId, {
        title: { en: 'Bargaining' },
        startsAt: '2026-11-28T09:00Z',
        endsAt: '2026-11-28T18:00Z',
      });
      const both = actorOf(world.participant);
      const page = await getPhaseDiscussion(deps.db, deps, both, itemId, phaseId, 'en');
      expect(page.personas.map((p) => p.roleId)).toEqual([originId, destinationId]);
      expect(page.persona).toBe('Ministry of Labour, origin country');
      const chosen = await postInCharacter(deps.db, deps, both, itemId, phaseId, {
        subject: 'Offer',
        body: 'As the destination, we offer ten thousand places.',
        roleId: destinationId,
      });
      const byDefault = await postInCharacter(deps.db, deps, both, itemId, phaseId, {
        threadId: chosen.threadId,
        body: 'As the origin, we want more.',
      });
      // The forum's own thread page writes under the same default as the phase page.
      const direct = await postInForum(deps.db, deps, both, { threadId: chosen.threadId, body: 'Noted.' });
      const seen = await getThread(deps.db, deps, actorOf(other), chosen.threadId, { markRead: false });
      const author = (id: string) => seen.posts.find((p) => p.id === id)?.author;
      expect(author(chosen.postId)).toBe('Ministry of Labour, destination country');
      expect(author(byDefault.postId)).toBe('Ministry of Labour, origin country');
      expect(author(direct.postId)).toBe('Ministry of Labour, origin country');
      // A role they do not hold: refused, nothing stored.
      expect(
        await refusal(
          postInCharacter(deps.db, deps, actorOf(other), itemId, phaseId, {
            threadId: chosen.threadId,
            body: 'Pretending.',
            roleId: originId,
          }),
        ),
      ).toBe('roleId:validation.invalidChoice');
      const after = await getThread(deps.db, deps, actorOf(other), chosen.threadId, { markRead: false });
      expect(after.posts).toHaveLength(3);
    });
  });
}
