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
import { groupSetsOfEdition } from '../groups/groups.port.js';
import { createGroupSet, placeMember } from '../groups/manage-group-sets.js';
import { listNotifications } from '../notifications/list-notifications.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { assignRolesAutomatically } from './assign-roles.js';
import { getPhaseDiscussion } from './get-phase-discussion.js';
import { getRoleplay } from './get-roleplay.js';
import { postInCharacter } from './post-in-character.js';
import { seededRandom } from './role-assignment.js';
import { presentRoleplay } from './roleplays.api.js';
import { addPhase } from './save-phase.js';

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
  });
}
