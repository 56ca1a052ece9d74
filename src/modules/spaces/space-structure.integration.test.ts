import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import {
  buildSpaceContent,
  buildSpaceWorld,
  type SpaceWorld,
} from '../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { updateEdition } from '../catalogue/save-edition.js';
import { setTimeZone } from '../identity/account/update-account.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { getItemPage } from './get-item-page.js';
import { getSpaceHome } from './get-space-home.js';
import { markItemDone } from './mark-item-done.js';
import { moveInSpace } from './move-in-space.js';
import { removeFromSpace } from './remove-from-space.js';
import { saveItem } from './save-item.js';
import { saveSection } from './save-section.js';
import { spaceAccess } from './space-access.js';
import { readSpaceStructure, SPACE_STRUCTURE_TABLES, spaceStructure } from './space-structure.js';
import { currentPhase, type ItemFacts, nextToDo, phaseSpans } from './spaces.js';
import { isItemOpenTo } from './spaces.queries.js';

const DAY = 86_400_000;

/**
 * The space's structure (sections, items, availability rules) is kept until a space table is written; a
 * person's progress is read on every request. Changes must show at once, on both engines.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept structure of a space`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let content: Awaited<ReturnType<typeof buildSpaceContent>>;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      content = await buildSpaceContent(deps, world);
    });
    afterEach(async () => deps.close());

    const titles = async (who = world.participant) =>
      (await getSpaceHome(deps.db, deps, actorOf(who), world.edition.id)).sections.map((s) => ({
        section: s.title.en,
        items: s.items.map(
          (i) => `${i.title.en}${i.complete ? ' (done)' : ''}${i.locked ? ' (locked)' : ''}`,
        ),
      }));

    it('names every table the structure is read from', async () => {
      const { db, read: tablesRead } = recordingTables(deps.db);
      const { space } = await spaceAccess(deps.db, actorOf(world.facilitator), world.edition.id);
      await readSpaceStructure(db, space!.id, world.edition.id);
      const read = [...tablesRead()];
      expect(read.filter((t) => !(SPACE_STRUCTURE_TABLES as readonly string[]).includes(t))).toEqual([]);
      expect(read.sort()).toEqual(['space_items', 'space_sections']);
    });

    it('is kept between requests and made again after a write to a space table', async () => {
      const { space } = await spaceAccess(deps.db, actorOf(world.facilitator), world.edition.id);
      const first = await spaceStructure(deps.db, space!.id, world.edition.id);
      expect(await spaceStructure(deps.db, space!.id, world.edition.id)).toBe(first);
      expect(Object.isFrozen(first.sections[0]!.items[0]!.settings)).toBe(true);
      // A participant's progress is not part of it.
      await markItemDone(deps.db, deps, actorOf(world.participant), world.edition.id, content.pageId);
      expect(await spaceStructure(deps.db, space!.id, world.edition.id)).toBe(first);
      await moveInSpace(
        deps.db,
        deps,
        actorOf(world.facilitator),
        world.edition.id,
        { item: content.linkId },
        {
          direction: 'up',
        },
      );
      const moved = await spaceStructure(deps.db, space!.id, world.edition.id);
      expect(moved).not.toBe(first);
      expect(moved.sections[0]!.items.map((i) => i.id)).toEqual([content.linkId, content.pageId]);
      // Inside a transaction it is read, never kept from there.
      await deps.db.transaction().execute(async (trx) => {
        expect(await spaceStructure(trx, space!.id, world.edition.id)).not.toBe(moved);
      });
    });

    it('shows a new item, a completion, a renamed section, a move and a removal at once', async () => {
      expect(await titles()).toEqual([{ section: 'Start here', items: ['Welcome', 'ILO report (locked)'] }]);
      const staff = actorOf(world.facilitator);
      const added = await saveItem(deps.db, deps, staff, world.edition.id, null, {
        sectionId: content.sectionId,
        kind: 'link',
        title: { en: 'Added later' },
        settings: { url: 'https://example.org/' },
      });
      expect((await titles())[0]!.items).toEqual(['Welcome', 'ILO report (locked)', 'Added later']);
      await markItemDone(deps.db, deps, actorOf(world.participant), world.edition.id, content.pageId);
      expect((await titles())[0]!.items).toEqual(['Welcome (done)', 'ILO report', 'Added later']);
      // Someone else's view is their own (the facilitator has completed nothing).
      expect((await titles(world.facilitator))[0]!.items).toEqual([
        'Welcome',
        'ILO report (locked)',
        'Added later',
      ]);
      await saveSection(deps.db, deps, staff, world.edition.id, content.sectionId, {
        title: { en: 'Begin here' },
        phase: 'self-paced',
      });
      await moveInSpace(deps.db, deps, staff, world.edition.id, { item: added.id }, { direction: 'up' });
      expect(await titles()).toEqual([
        { section: 'Begin here', items: ['Welcome (done)', 'Added later', 'ILO report'] },
      ]);
      await removeFromSpace(deps.db, deps, staff, world.edition.id, { item: added.id });
      expect((await titles())[0]!.items).toEqual(['Welcome (done)', 'ILO report']);
      await expect(
        getItemPage(deps.db, deps, actorOf(world.participant), world.edition.id, added.id, 'en'),
      ).rejects.toMatchObject({ code: 'not_found' });
      const second = await saveSection(deps.db, deps, staff, world.edition.id, null, {
        title: { en: 'More' },
      });
      expect((await titles()).map((s) => s.section)).toEqual(['Begin here', 'More']);
      expect(second.id).toBeTruthy();
    });

    it('says whether an item is open to a person (date, prerequisite) as the space home does', async () => {
      const participant = actorOf(world.participant);
      const access = await spaceAccess(deps.db, participant, world.edition.id);
      const now = deps.clock.now().toISOString();
      const open = (itemId: string) => isItemOpenTo(deps.db, access, itemId, world.participant.id, now);
      const later = await saveItem(deps.db, deps, actorOf(world.facilitator), world.edition.id, null, {
        sectionId: content.sectionId,
        kind: 'link',
        title: { en: 'Next month' },
        settings: { url: 'https://example.org/' },
        availableFrom: new Date(Date.parse(now) + 30 * 86_400_000).toISOString(),
      });
      expect([await open(content.pageId), await open(content.linkId), await open(later.id)]).toEqual([
        true,
        false,
        false,
      ]);
      expect(await open('01a2500b-0000-7000-8000-000000000000')).toBe(false);
      await markItemDone(deps.db, deps, participant, world.edition.id, content.pageId);
      expect(await open(content.linkId)).toBe(true);
      // Someone else's completions are their own.
      expect(await isItemOpenTo(deps.db, access, content.linkId, world.facilitator.id, now)).toBe(false);
    });

    // The home kept per reader state (structure, completions and locks at now, day, zone, rights, the
    // edition's dates): readers in the same state share it; a change to any of these shows at once.
    const home = (who = world.participant) =>
      getSpaceHome(deps.db, deps, actorOf(who), world.edition.id, 'en');
    const states = async (who = world.participant) =>
      (await home(who)).items.map(
        (i) => `${i.title.en}${i.complete ? ' (done)' : ''}${i.locked ? ` (${i.locked.reason})` : ''}`,
      );

    it('is shared by readers in the same state and made again when one of them completes an item', async () => {
      const first = await home();
      expect((await home()).kept).toBe(first.kept);
      const other = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      expect((await home(other)).kept).toBe(first.kept);
      expect(first.next?.id).toBe(content.pageId);
      await markItemDone(deps.db, deps, actorOf(world.participant), world.edition.id, content.pageId);
      const after = await home();
      expect(after.kept).not.toBe(first.kept);
      expect(after.next?.id).toBe(content.linkId);
      expect(after.overall.tally.requiredDone).toBe(1);
      expect(await states()).toEqual(['Welcome (done)', 'ILO report']);
      // The other reader's home is still their own.
      expect((await home(other)).kept).toBe(first.kept);
      // Staff in the same space do not share a learner's home.
      expect((await home(world.facilitator)).kept).not.toBe(first.kept);
    });

    it('opens an item at its date and moves the phase and the due list with the clock', async () => {
      const now = Date.parse(deps.clock.now().toISOString());
      const opens = new Date(now + 2 * DAY).toISOString();
      await saveItem(deps.db, deps, actorOf(world.facilitator), world.edition.id, null, {
        sectionId: content.sectionId,
        kind: 'link',
        title: { en: 'In two days' },
        settings: { url: 'https://example.org/' },
        availableFrom: opens,
        dueAt: new Date(now + 5 * DAY).toISOString(),
        required: true,
      });
      await markItemDone(deps.db, deps, actorOf(world.participant), world.edition.id, content.pageId);
      const before = await home();
      expect(await states()).toEqual(['Welcome (done)', 'ILO report', 'In two days (date)']);
      expect(before.next?.title.en).toBe('ILO report');
      expect(before.phaseNow).toBe('before');
      // Later the same day: nothing changed, the same home.
      deps.clock.advance(60_000);
      expect((await home()).kept).toBe(before.kept);
      // Past the date: the item opens and, being required, is next.
      deps.clock.set(new Date(now + 3 * DAY).toISOString());
      const opened = await home();
      expect(opened.kept).not.toBe(before.kept);
      expect(await states()).toEqual(['Welcome (done)', 'ILO report', 'In two days']);
      expect(opened.next?.title.en).toBe('In two days');
      expect(opened.due.map((i) => i.title.en)).toEqual(['In two days']);
      // Into the edition's self-paced phase (its first day, 2027-03-01).
      deps.clock.set('2027-03-02T09:00:00.000Z');
      const started = await home();
      expect(started.phaseNow).toBe('self-paced');
      expect(started.phases.find((p) => p.current)?.phase).toBe('self-paced');
    });

    it("follows the reader's zone and the edition's dates", async () => {
      const first = await home();
      expect(first.timeZoneSet).toBe(false);
      await setTimeZone(deps.db, deps, actorOf(world.participant), 'Asia/Kathmandu');
      const zoned = await home();
      expect([zoned.timeZone, zoned.timeZoneSet]).toEqual(['Asia/Kathmandu', true]);
      await updateEdition(deps.db, deps, systemActor('test'), world.edition.id, {
        language: 'en',
        mode: 'online',
        selfPacedStart: '2026-11-20',
        selfPacedEnd: '2026-12-14',
        liveStart: '2027-03-15',
        liveEnd: '2027-04-09',
        assignmentDue: '2027-04-16',
        capacity: 30,
        registrationOpen: true,
        registrationDeadline: '2026-11-15',
        facilitatorIds: [world.facilitator.id],
      });
      const moved = await home();
      expect(moved.kept).not.toBe(zoned.kept);
      expect(moved.phaseNow).toBe('self-paced');
      expect(moved.phases[0]).toMatchObject({ phase: 'self-paced', start: '2026-11-20', current: true });
    });
  });
}

describe("the home's pure rules (written without per-request arrays)", () => {
  const item = (id: string, required: boolean, more: Partial<ItemFacts> = {}): ItemFacts => ({
    id,
    required,
    availableFrom: null,
    afterItemId: null,
    dueAt: null,
    ...more,
  });
  const now = '2027-01-10T00:00:00.000Z';

  it('next to do: the first open required item, else the first open one, else none', () => {
    const items = [
      item('a', false),
      item('b', true, { availableFrom: '2027-02-01T00:00:00.000Z' }),
      item('c', true, { afterItemId: 'a' }),
      item('d', true),
    ];
    expect(nextToDo(items, now, new Set())?.id).toBe('d');
    expect(nextToDo(items, now, new Set(['a']))?.id).toBe('c');
    expect(nextToDo(items, now, new Set(['a', 'c', 'd']))).toBeNull();
    expect(nextToDo([item('a', false), item('e', false)], now, new Set(['a']))?.id).toBe('e');
  });

  it('the phases end on the latest of their days (the assignment after them)', () => {
    const edition = {
      startsOn: '2027-01-01',
      endsOn: '2027-03-01',
      selfPacedStart: '2027-01-01',
      selfPacedEnd: '2027-01-31',
      liveStart: '2027-02-10',
      liveEnd: '2027-02-20',
      residentialStart: null,
      residentialEnd: null,
      assignmentDue: '2027-03-15',
    };
    expect(phaseSpans(edition).at(-1)).toEqual({
      phase: 'assignment',
      start: '2027-02-21',
      end: '2027-03-15',
    });
    expect(currentPhase(edition, '2027-03-10')).toBe('assignment');
    expect(currentPhase(edition, '2027-03-16')).toBe('ended');
  });
});
