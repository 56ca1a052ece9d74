import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  CUTOFF,
  DUE,
  submitForMarking,
} from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { getCalendarFeed, renewCalendarFeed } from '../webinars/calendar-token.js';
import { getPersonalCalendar } from '../webinars/get-calendars.js';
import { effectiveDates } from './assignment.js';
import { calendarEntries } from './assignment-calendar.js';
import { setDateOverride } from './set-date-override.js';

/** A feed's events (ical.js throws on invalid syntax): uid → { summary, start, description }. */
function eventsOf(text: string): Map<string, { summary: string; start: string; description: string }> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return new Map(
    calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return [
        event.uid,
        {
          summary: event.summary,
          start: event.startDate.toJSDate().toISOString(),
          description: event.description,
        },
      ];
    }),
  );
}

const settings = {
  id: 'a1',
  editionId: 'e1',
  title: 'Brief',
  defaults: { opensAt: '2026-12-01T08:00:00.000Z', dueAt: DUE, cutoffAt: null },
  markingDueAt: '2026-12-20T12:00:00.000Z',
};

describe('calendarEntries', () => {
  it('gives a participant their own dates with their source, and staff the defaults and the marking due date', () => {
    const dates = effectiveDates(
      settings.defaults,
      [
        {
          scope: 'extension',
          personId: 'p1',
          groupId: null,
          opensAt: null,
          dueAt: '2026-12-15T12:00:00.000Z',
          cutoffAt: null,
        },
      ],
      'p1',
    );
    expect(calendarEntries(settings, dates).map((e) => [e.kind, e.at, e.source])).toEqual([
      ['opens', '2026-12-01T08:00:00.000Z', 'default'],
      ['due', '2026-12-15T12:00:00.000Z', 'extension'],
    ]);
    expect(calendarEntries(settings, null).map((e) => [e.kind, e.at])).toEqual([
      ['due', DUE],
      ['marking-due', '2026-12-20T12:00:00.000Z'],
    ]);
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: assignment dates in the personal calendar feed`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildAssessmentWorld(deps, {
        markingDueAt: '2026-12-20T12:00:00.000Z',
        secondMarking: true,
      });
    });
    afterEach(async () => {
      await deps.close();
    });

    async function feedOf(actor: ReturnType<typeof actorOf>) {
      await renewCalendarFeed(deps.db, deps, actor);
      const url = (await getCalendarFeed(deps.db, deps, actor)).url ?? '';
      return eventsOf(await getPersonalCalendar(deps.db, deps, url.split('/').at(-1)!.replace('.ics', '')));
    }
    const uid = (kind: string) => `assignment-${world.assignmentId}-${kind}@diploma-platform`;

    it('holds the participant’s own dates (an extension beats the personal dates) and the staff’s dates', async () => {
      const staff = actorOf(world.facilitator);
      await setDateOverride(deps.db, deps, staff, world.assignmentId, {
        scope: 'person',
        personId: world.participant.id,
        dueAt: '2026-12-09T12:00:00.000Z',
        cutoffAt: '2026-12-11T12:00:00.000Z',
      });
      await setDateOverride(deps.db, deps, staff, world.assignmentId, {
        scope: 'extension',
        personId: world.participant.id,
        dueAt: '2026-12-12T12:00:00.000Z',
        reason: 'Illness',
      });
      const mine = await feedOf(actorOf(world.participant));
      expect(mine.get(uid('due'))).toMatchObject({
        summary: 'Due: Policy brief',
        start: '2026-12-12T12:00:00.000Z',
      });
      expect(mine.get(uid('due'))?.description).toContain('Extension');
      // The extension pushed the due date past the personal cut-off: the cut-off moves with it.
      expect(mine.get(uid('cutoff'))?.start).toBe('2026-12-12T12:00:00.000Z');
      expect(mine.has(uid('marking-due'))).toBe(false);
      // The space item's generic due date is not repeated beside the person's own.
      expect([...mine.keys()].filter((k) => k.startsWith('due-'))).toEqual([]);
      const staffFeed = await feedOf(staff);
      expect(staffFeed.get(uid('due'))?.start).toBe(DUE);
      expect(staffFeed.get(uid('cutoff'))?.start).toBe(CUTOFF);
      expect(staffFeed.get(uid('marking-due'))?.summary).toBe('Marking due: Policy brief');
    });

    it('speaks the person’s language', async () => {
      await deps.db
        .updateTable('users')
        .set({ preferred_locale: 'es' })
        .where('id', '=', world.participant.id)
        .execute();
      const feed = await feedOf(actorOf(world.participant));
      expect(feed.get(uid('due'))?.summary).toBe('Entrega: Policy brief');
    });

    it('gives each marker the marking due date of the submissions allocated to them, blind, in their zone', async () => {
      const markingId = await submitForMarking(deps, world);
      const staff = actorOf(world.facilitator);
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      await deps.db
        .updateTable('users')
        .set({ time_zone: 'America/Bogota', preferred_locale: 'es' })
        .where('id', '=', world.assessor.id)
        .execute();
      const marker = await feedOf(actorOf(world.assessor));
      const event = marker.get(uid('marking-due'));
      expect(event).toMatchObject({
        summary: 'Corrección pendiente: Policy brief',
        start: '2026-12-20T12:00:00.000Z',
      });
      // The participant by number, never by name; the instant in the marker's zone (12:00 UTC is 7:00 in Bogotá).
      expect(event?.description).toContain('1 entrega asignada a usted (P-0001), 1 por corregir');
      expect(event?.description).toMatch(/20 dic 2026, 7:00.*America\/Bogota/);
      const { full_name: name } = await deps.db
        .selectFrom('users')
        .select('full_name')
        .where('id', '=', world.participant.id)
        .executeTakeFirstOrThrow();
      expect(event?.description).not.toContain(name);
      // Nothing else of the assignment: the marker neither takes nor facilitates the edition.
      expect([...marker.keys()].filter((k) => k.startsWith('assignment-'))).toEqual([uid('marking-due')]);
      // A marker with nothing allocated has no such date.
      expect((await feedOf(actorOf(world.secondAssessor))).has(uid('marking-due'))).toBe(false);
      // A facilitator who also marks it has the date once, as a marker.
      await allocateMarker(deps.db, deps, staff, markingId, {
        markerId: world.facilitator.id,
        role: 'second',
      });
      await renewCalendarFeed(deps.db, deps, staff);
      const feedUrl = (await getCalendarFeed(deps.db, deps, staff)).url ?? '';
      const facilitatorFeed = await getPersonalCalendar(
        deps.db,
        deps,
        feedUrl.split('/').at(-1)!.replace('.ics', ''),
      );
      const uids = new ICAL.Component(ICAL.parse(facilitatorFeed))
        .getAllSubcomponents('vevent')
        .map((v) => v.getFirstPropertyValue('uid'));
      expect(uids.filter((u) => u === uid('marking-due'))).toHaveLength(1);
      expect(eventsOf(facilitatorFeed).get(uid('marking-due'))?.description).toContain('(P-0001)');
      // Once released, the date leaves the marker's feed.
      await deps.db
        .updateTable('marking_submissions')
        .set({ state: 'released' })
        .where('id', '=', markingId)
        .execute();
      expect((await feedOf(actorOf(world.assessor))).has(uid('marking-due'))).toBe(false);
    });
  });
}
