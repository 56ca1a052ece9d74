import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import {
  buildSpaceContent,
  buildSpaceWorld,
  type SpaceWorld,
} from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { copySpace } from './copy-space.js';
import { markItemDone } from './mark-item-done.js';
import { moveInSpace } from './move-in-space.js';
import { recordItemOutcome } from './record-item-outcome.js';
import { removeFromSpace } from './remove-from-space.js';
import { saveItem } from './save-item.js';
import { saveSection } from './save-section.js';
import { spaceAccess } from './space-access.js';
import { allRequiredComplete, allRequiredItemsComplete, progressInEditions } from './spaces.queries.js';

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
  describe(`${dialect}: course spaces`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('opens to confirmed participants, facilitators and managers only; others are told it does not exist', async () => {
      const { edition } = world;
      expect((await spaceAccess(deps.db, actorOf(world.participant), edition.id)).can).toEqual({
        learn: true,
        build: false,
        seeEveryone: false,
      });
      expect((await spaceAccess(deps.db, actorOf(world.facilitator), edition.id)).can.build).toBe(true);
      expect((await spaceAccess(deps.db, actorOf(world.manager), edition.id)).can.seeEveryone).toBe(true);
      const otherFacilitator = await buildPerson(deps, { roles: ['facilitator'] });
      const admin = await buildPerson(deps, { roles: ['administrator'] });
      for (const person of [world.outsider, otherFacilitator, admin])
        expect(await refusal(spaceAccess(deps.db, actorOf(person), edition.id))).toBe('not_found');
      expect(await refusal(spaceAccess(deps.db, { kind: 'anonymous' }, edition.id))).toBe('unauthenticated');
      expect(await refusal(spaceAccess(deps.db, actorOf(world.manager), 'nope'))).toBe('not_found');
    });

    it('is built by staff: a participant may not, bad input changes nothing', async () => {
      const { edition } = world;
      expect(
        await refusal(
          saveSection(deps.db, deps, actorOf(world.participant), edition.id, null, { title: { en: 'X' } }),
        ),
      ).toBe('forbidden');
      expect(
        await refusal(
          saveSection(deps.db, deps, actorOf(world.facilitator), edition.id, null, { title: {} }),
        ),
      ).toBe('title.en:validation.requiredOneLanguage');
      expect(await deps.db.selectFrom('spaces').selectAll().execute()).toEqual([]);
      const content = await buildSpaceContent(deps, world);
      const staff = actorOf(world.facilitator);
      const base = { sectionId: content.sectionId, title: { en: 'T' } };
      expect(
        await refusal(saveItem(deps.db, deps, staff, edition.id, null, { ...base, kind: 'nothing' })),
      ).toBe('kind:validation.invalidChoice');
      expect(
        await refusal(
          saveItem(deps.db, deps, staff, edition.id, null, {
            ...base,
            kind: 'link',
            settings: { url: 'javascript:alert(1)' },
          }),
        ),
      ).toBe('settings.url:spaces.error.invalidUrl');
      expect(
        await refusal(
          saveItem(deps.db, deps, staff, edition.id, null, {
            ...base,
            kind: 'page',
            completionRule: 'attended',
          }),
        ),
      ).toBe('completionRule:validation.invalidChoice');
      // A page that waits for the link, which waits for the page: refused.
      expect(
        await refusal(
          saveItem(deps.db, deps, staff, edition.id, content.pageId, {
            ...base,
            kind: 'page',
            afterItemId: content.linkId,
          }),
        ),
      ).toBe('afterItemId:spaces.error.afterCycle');
      expect(
        await refusal(removeFromSpace(deps.db, deps, staff, edition.id, { section: content.sectionId })),
      ).toBe('section:spaces.error.sectionNotEmpty');
      const items = await deps.db
        .selectFrom('space_items')
        .select(['id', 'kind'])
        .orderBy('position')
        .execute();
      expect(items.map((i) => i.kind)).toEqual(['page', 'link']);
      await moveInSpace(deps.db, deps, staff, edition.id, { item: content.linkId }, { direction: 'up' });
      const after = await deps.db.selectFrom('space_items').select('kind').orderBy('position').execute();
      expect(after.map((i) => i.kind)).toEqual(['link', 'page']);
      await removeFromSpace(deps.db, deps, staff, edition.id, { item: content.pageId });
      const link = await deps.db.selectFrom('space_items').selectAll().executeTakeFirstOrThrow();
      expect(link.after_item_id).toBeNull();
    });

    it('answers "all required items complete" for a whole class list at once (the assessment gate)', async () => {
      const { edition } = world;
      const other = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      const stranger = newId();
      // No space yet: nothing is required, so everyone (who is an id) passes the gate.
      const before = await allRequiredItemsComplete(deps.db, edition.id, [world.participant.id, 'not-an-id']);
      expect([...before]).toEqual([
        [world.participant.id, true],
        ['not-an-id', false],
      ]);
      const content = await buildSpaceContent(deps, world);
      const ids = [world.participant.id, other.id, stranger];
      expect([...(await allRequiredItemsComplete(deps.db, edition.id, ids)).values()]).toEqual([
        false,
        false,
        false,
      ]);
      await markItemDone(deps.db, deps, actorOf(world.participant), edition.id, content.pageId);
      // The optional link does not count; the other participant has done nothing.
      const after = await allRequiredItemsComplete(deps.db, edition.id, ids);
      expect(Object.fromEntries(after)).toEqual({
        [world.participant.id]: true,
        [other.id]: false,
        [stranger]: false,
      });
      // The same as the one-person query, for each.
      for (const id of ids) expect(await allRequiredComplete(deps.db, id, edition.id)).toBe(after.get(id));
      // Another edition's gate is its own.
      const course = await buildCourse(deps);
      const elsewhere = await buildEdition(deps, course.code);
      expect((await allRequiredItemsComplete(deps.db, elsewhere.id, ids)).get(other.id)).toBe(true);
    });

    it('keeps progress: marking done completes required items and opens what waits for them', async () => {
      const { edition } = world;
      const content = await buildSpaceContent(deps, world);
      const learner = actorOf(world.participant);
      expect(await allRequiredComplete(deps.db, world.participant.id, edition.id)).toBe(false);
      // The link waits for the page.
      expect(await refusal(markItemDone(deps.db, deps, learner, edition.id, content.linkId))).toBe(
        'item:spaces.error.locked',
      );
      expect(
        await refusal(markItemDone(deps.db, deps, actorOf(world.facilitator), edition.id, content.pageId)),
      ).toBe('forbidden');
      expect(await markItemDone(deps.db, deps, learner, edition.id, content.pageId)).toEqual({
        complete: true,
        newlyComplete: true,
      });
      expect(await allRequiredComplete(deps.db, world.participant.id, edition.id)).toBe(true);
      expect(await markItemDone(deps.db, deps, learner, edition.id, content.linkId)).toMatchObject({
        complete: true,
      });
      expect(await progressInEditions(deps.db, world.participant.id, [edition.id])).toEqual([
        {
          editionId: edition.id,
          percent: 100,
          tally: { requiredDone: 1, requiredTotal: 1, done: 2, total: 2 },
        },
      ]);
      const audits = await deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'space.item-completed')
        .execute();
      expect(audits).toHaveLength(2);
    });

    it('applies the completion rule to what a kind reports; completion is kept once reached', async () => {
      const content = await buildSpaceContent(deps, world);
      const staff = actorOf(world.facilitator);
      await saveItem(deps.db, deps, staff, world.edition.id, content.pageId, {
        sectionId: content.sectionId,
        kind: 'page',
        title: { en: 'Welcome' },
        completionRule: 'viewed',
        required: true,
      });
      const report = (kind: 'viewed' | 'failed') =>
        recordItemOutcome(deps.db, deps, {
          itemId: content.pageId,
          personId: world.participant.id,
          outcome: { kind },
        });
      expect(await report('failed')).toEqual({ complete: false, newlyComplete: false });
      expect(await report('viewed')).toEqual({ complete: true, newlyComplete: true });
      expect(await report('failed')).toEqual({ complete: true, newlyComplete: false });
      expect(await allRequiredComplete(deps.db, world.participant.id, world.edition.id)).toBe(true);
    });

    it('copies a whole space to a later edition with every date shifted by the difference in start dates', async () => {
      const content = await buildSpaceContent(deps, world);
      const staff = actorOf(world.facilitator);
      await saveItem(deps.db, deps, staff, world.edition.id, content.pageId, {
        sectionId: content.sectionId,
        kind: 'page',
        title: { en: 'Welcome' },
        availableFrom: '2027-03-01T08:00:00Z',
        dueAt: '2027-03-10T17:00:00Z',
        completionRule: 'marked-done',
        required: true,
      });
      const course = await deps.db
        .selectFrom('editions')
        .select('course_id')
        .where('id', '=', world.edition.id)
        .executeTakeFirstOrThrow();
      const code = (
        await deps.db
          .selectFrom('courses')
          .select('code')
          .where('id', '=', course.course_id)
          .executeTakeFirstOrThrow()
      ).code;
      const later = await buildEdition(deps, code, {
        selfPacedStart: '2027-09-06',
        selfPacedEnd: '2027-09-19',
        liveStart: '2027-09-20',
        liveEnd: '2027-10-15',
        assignmentDue: '2027-10-22',
        registrationDeadline: '2027-08-20',
        facilitatorIds: [world.facilitator.id],
      });
      const other = await buildEdition(deps, (await buildCourse(deps)).code);
      expect(
        await refusal(copySpace(deps.db, deps, staff, other.id, { fromEditionId: world.edition.id })),
      ).toBe('not_found');
      expect(await copySpace(deps.db, deps, staff, later.id, { fromEditionId: world.edition.id })).toEqual({
        days: 189,
        sections: 1,
        items: 2,
      });
      const copied = await deps.db
        .selectFrom('space_items')
        .innerJoin('spaces', 'spaces.id', 'space_items.space_id')
        .select([
          'space_items.id',
          'space_items.kind',
          'space_items.available_from',
          'space_items.due_at',
          'space_items.after_item_id',
          'space_items.settings_json',
        ])
        .where('spaces.edition_id', '=', later.id)
        .orderBy('space_items.position')
        .execute();
      expect(copied.map((i) => [i.kind, i.available_from, i.due_at])).toEqual([
        ['page', '2027-09-06T08:00:00.000Z', '2027-09-15T17:00:00.000Z'],
        ['link', null, null],
      ]);
      expect(copied[1]?.after_item_id).toBe(copied[0]?.id);
      expect(JSON.parse(copied[1]?.settings_json ?? '{}')).toEqual({ url: 'https://www.ilo.org/' });
      expect(
        await refusal(copySpace(deps.db, deps, staff, later.id, { fromEditionId: world.edition.id })),
      ).toBe('fromEditionId:spaces.error.notEmpty');
    });
  });
}
