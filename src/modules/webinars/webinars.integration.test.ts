import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { buildWebinar } from '../../../test/helpers/webinar-factories.js';
import { type FakeBbbServer, startFakeBbbServer } from '../../integrations/bbb/fake-bbb-server.js';
import { isAppError } from '../../kernel/errors.js';
import { setTimeZone } from '../identity/account/update-account.js';
import { copySpace } from '../spaces/copy-space.js';
import { getSpaceHome } from '../spaces/get-space-home.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { allRequiredComplete } from '../spaces/spaces.queries.js';
import { addMaterial } from './add-material.js';
import { getCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from './calendar-token.js';
import { fetchFromBbb } from './fetch-from-bbb.js';
import { getEditionCalendar, getPersonalCalendar, getSessionCalendar } from './get-calendars.js';
import { importAttendance, previewAttendanceImport } from './import-attendance.js';
import { joinWebinar } from './join-webinar.js';
import { saveAttendance } from './save-attendance.js';
import { pollRunningMeetings, sendWebinarReminders } from './send-webinar-reminders.js';
import { meetingIdOf } from './webinar.js';
import { webinarAttendanceOf } from './webinars.queries.js';
import { countReminders } from './webinars.repository.js';

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

/** Parses a calendar strictly (ical.js throws on invalid syntax) and returns its events. */
function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  expect(component.name).toBe('vcalendar');
  expect(component.getFirstPropertyValue('version')).toBe('2.0');
  expect(component.getFirstPropertyValue('prodid')).toBeTruthy();
  return component.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    expect(v.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: v.hasProperty('dtend') ? event.endDate.toJSDate().toISOString() : null,
    };
  });
}

// TEST_NOW is 2026-11-28T10:00Z.
const SOON = { startsAt: '2026-11-28T10:10:00.000Z', endsAt: '2026-11-28T11:00:00.000Z' };
const LATER = { startsAt: '2026-12-02T14:00:00.000Z', endsAt: '2026-12-02T15:30:00.000Z' };

let bbb: FakeBbbServer;
beforeAll(async () => {
  bbb = await startFakeBbbServer({ secret: 'integration-secret' });
});
afterAll(async () => {
  await bbb.close();
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: webinars`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('opens an external link 15 minutes before the start, to the edition only', async () => {
      const webinar = await buildWebinar(deps, world, LATER);
      const participant = actorOf(world.participant);
      expect(await refusal(joinWebinar(deps.db, deps, participant, webinar.id))).toBe(
        'join:webinars.error.notOpenYet',
      );
      deps.clock.set('2026-12-02T13:45:00.000Z');
      expect(await joinWebinar(deps.db, deps, participant, webinar.id)).toEqual({
        url: 'https://zoom.us/j/123456',
      });
      expect(await refusal(joinWebinar(deps.db, deps, actorOf(world.outsider), webinar.id))).toBe(
        'not_found',
      );
      expect(await refusal(joinWebinar(deps.db, deps, { kind: 'anonymous' }, webinar.id))).toBe(
        'unauthenticated',
      );
      deps.clock.set('2026-12-02T15:30:00.000Z');
      expect(await refusal(joinWebinar(deps.db, deps, participant, webinar.id))).toBe(
        'join:webinars.error.ended',
      );
    });

    it('stays hidden from a participant while the item is locked in the space', async () => {
      const staff = actorOf(world.facilitator);
      const { id: sectionId } = await saveSection(deps.db, deps, staff, world.edition.id, null, {
        title: { en: 'Later' },
      });
      const { id } = await saveItem(deps.db, deps, staff, world.edition.id, null, {
        sectionId,
        kind: 'webinar',
        title: { en: 'Locked webinar' },
        settings: { ...SOON, provider: 'external', url: 'https://zoom.us/j/9' },
        availableFrom: '2026-11-28T12:00:00.000Z',
      });
      expect(await refusal(joinWebinar(deps.db, deps, actorOf(world.participant), id))).toBe('not_found');
      expect(await refusal(getSessionCalendar(deps.db, deps, actorOf(world.participant), id, 'en'))).toBe(
        'not_found',
      );
      expect(await joinWebinar(deps.db, deps, staff, id)).toEqual({ url: 'https://zoom.us/j/9' });
    });

    it('says plainly when BigBlueButton is not configured', async () => {
      const webinar = await buildWebinar(deps, world, { ...SOON, provider: 'bbb' });
      expect(await refusal(joinWebinar(deps.db, deps, actorOf(world.participant), webinar.id))).toBe(
        'join:webinars.error.bbbNotConfigured',
      );
    });

    it('joins BigBlueButton with signed calls, and takes attendance and recordings from it', async () => {
      deps.config.bbb = { url: bbb.url, secret: bbb.secret };
      const webinar = await buildWebinar(deps, world, { ...SOON, provider: 'bbb' });
      const { url } = await joinWebinar(deps.db, deps, actorOf(world.participant), webinar.id);
      const joined = await fetch(url);
      expect(await joined.text()).toContain('joined');
      const meeting = bbb.meetings.get(meetingIdOf(webinar.id));
      expect(meeting?.attendees.map((a) => [a.userId, a.role])).toEqual([[world.participant.id, 'VIEWER']]);
      const staffJoin = await joinWebinar(deps.db, deps, actorOf(world.facilitator), webinar.id);
      expect(new URL(staffJoin.url).searchParams.get('role')).toBe('MODERATOR');
      // A tampered URL is refused by the server's checksum check.
      const tampered = url.replace('VIEWER', 'MODERATOR');
      expect(await (await fetch(tampered)).text()).toContain('checksumError');
      bbb.addRecording(meetingIdOf(webinar.id), 'https://bbb.example.org/playback/1');
      const staff = actorOf(world.facilitator);
      expect(await fetchFromBbb(deps.db, deps, staff, webinar.id)).toEqual({ present: 1, recordings: 1 });
      // Again: nothing new.
      expect(await fetchFromBbb(deps.db, deps, staff, webinar.id)).toEqual({ present: 1, recordings: 0 });
      expect(await allRequiredComplete(deps.db, world.participant.id, world.edition.id)).toBe(true);
      expect(await refusal(fetchFromBbb(deps.db, deps, actorOf(world.participant), webinar.id))).toBe(
        'forbidden',
      );
      deps.config.bbb = { url: bbb.url, secret: 'wrong-secret' };
      expect(await refusal(fetchFromBbb(deps.db, deps, staff, webinar.id))).toBe('service_unavailable');
    });

    it('polls running BigBlueButton meetings for attendance (the periodic job)', async () => {
      deps.config.bbb = { url: bbb.url, secret: bbb.secret };
      const webinar = await buildWebinar(deps, world, { ...SOON, provider: 'bbb' });
      expect(await pollRunningMeetings(deps.db, deps, '2026-11-28T10:20:00.000Z')).toEqual({ polled: 0 });
      bbb.addAttendee(meetingIdOf(webinar.id), { userId: world.participant.id, fullName: 'P' });
      bbb.addAttendee(meetingIdOf(webinar.id), { userId: world.outsider.id, fullName: 'O' });
      expect(await pollRunningMeetings(deps.db, deps, '2026-11-28T10:20:00.000Z')).toEqual({ polled: 1 });
      const rows = await deps.db.selectFrom('webinar_attendance').selectAll().execute();
      expect(rows.map((r) => [r.user_id, r.attended, r.source])).toEqual([[world.participant.id, 1, 'bbb']]);
      // Outside the session's time it is not polled.
      expect(await pollRunningMeetings(deps.db, deps, '2026-11-28T11:20:00.000Z')).toEqual({ polled: 0 });
    });

    it('imports attendance from CSV all or nothing, completes the item, and counts the percentage', async () => {
      const webinar = await buildWebinar(deps, world, SOON);
      const staff = actorOf(world.facilitator);
      const bad = `email,attended\n${world.participant.email},yes\n${world.outsider.email},yes\n`;
      const preview = await previewAttendanceImport(deps.db, staff, webinar.id, bad);
      expect(preview.ready).toBe(false);
      expect(preview.rows.map((r) => r.problem)).toEqual([null, 'webinars.csv.notParticipant']);
      expect(await refusal(importAttendance(deps.db, deps, staff, webinar.id, bad))).toBe(
        'file:webinars.csv.notReady',
      );
      expect(await deps.db.selectFrom('webinar_attendance').selectAll().execute()).toEqual([]);
      expect(
        await refusal(importAttendance(deps.db, deps, actorOf(world.participant), webinar.id, bad)),
      ).toBe('forbidden');
      const good = `E-mail;Présent\n${world.participant.email.toUpperCase()};oui\n`;
      expect(await importAttendance(deps.db, deps, staff, webinar.id, good)).toEqual({
        rows: 1,
        attended: 1,
      });
      expect(await allRequiredComplete(deps.db, world.participant.id, world.edition.id)).toBe(true);
      // Not held yet at 10:00: no percentage; after the end: 100 %.
      expect(
        await webinarAttendanceOf(
          deps.db,
          world.participant.id,
          world.edition.id,
          '2026-11-28T10:00:00.000Z',
        ),
      ).toEqual({
        held: 0,
        attended: 0,
        percent: null,
      });
      const second = await buildWebinar(deps, world, {
        startsAt: '2026-11-29T10:00:00Z',
        endsAt: '2026-11-29T11:00:00Z',
      });
      expect(second.id).toBeTruthy();
      expect(
        await webinarAttendanceOf(
          deps.db,
          world.participant.id,
          world.edition.id,
          '2026-12-01T00:00:00.000Z',
        ),
      ).toEqual({
        held: 2,
        attended: 1,
        percent: 50,
      });
    });

    it('marks attendance by hand and shows the participant their own', async () => {
      const webinar = await buildWebinar(deps, world, SOON);
      const staff = actorOf(world.facilitator);
      expect(
        await refusal(saveAttendance(deps.db, deps, staff, webinar.id, { attended: [world.outsider.id] })),
      ).toBe('attended:validation.invalidChoice');
      expect(
        await saveAttendance(deps.db, deps, staff, webinar.id, { attended: world.participant.id }),
      ).toEqual({
        changed: 1,
      });
      const rows = await deps.db.selectFrom('webinar_attendance').selectAll().execute();
      expect(rows.map((r) => [r.user_id, r.attended, r.source])).toEqual([
        [world.participant.id, 1, 'manual'],
      ]);
    });

    it('attaches materials through the storage port, refusing bad input', async () => {
      const webinar = await buildWebinar(deps, world, SOON);
      const staff = actorOf(world.facilitator);
      expect(
        await refusal(
          addMaterial(deps.db, deps, staff, webinar.id, { kind: 'slides', title: 'Slides' }, null),
        ),
      ).toBe('file:webinars.error.fileNeeded');
      expect(
        await refusal(
          addMaterial(
            deps.db,
            deps,
            staff,
            webinar.id,
            { kind: 'slides', title: 'S' },
            {
              fileName: 'run.exe',
              bytes: Buffer.from('MZ'),
            },
          ),
        ),
      ).toBe('file:webinars.error.fileType');
      expect(
        await refusal(
          addMaterial(
            deps.db,
            deps,
            staff,
            webinar.id,
            { kind: 'recording', title: 'R', url: 'http://x.org' },
            null,
          ),
        ),
      ).toBe('url:webinars.error.httpsLink');
      expect(await deps.db.selectFrom('webinar_materials').selectAll().execute()).toEqual([]);
      const { id } = await addMaterial(
        deps.db,
        deps,
        staff,
        webinar.id,
        { kind: 'slides', title: 'Slides' },
        {
          fileName: 'slides.pdf',
          bytes: Buffer.from('%PDF-1.4'),
        },
      );
      const row = await deps.db
        .selectFrom('webinar_materials')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Buffer.from((await deps.storage.get(row.storage_key ?? ''))!).toString()).toBe('%PDF-1.4');
    });

    it('reminds each participant once per kind, in their zone, however often it runs', async () => {
      const webinar = await buildWebinar(deps, world, {
        startsAt: '2026-11-29T09:00:00.000Z',
        endsAt: '2026-11-29T10:00:00.000Z',
      });
      await setTimeZone(deps.db, deps, actorOf(world.participant), 'America/Bogota');
      const now = '2026-11-28T10:00:00.000Z';
      const runs = await Promise.all([
        sendWebinarReminders(deps.db, deps, now),
        sendWebinarReminders(deps.db, deps, now),
      ]);
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(await countReminders(deps.db, webinar.id)).toBe(1);
      const notice = await deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', world.participant.id)
        .where('kind', '=', 'webinar.reminder')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(notice.event_json)).toMatchObject({
        kind: 'webinar.reminder',
        reminder: '24h',
        timeZone: 'America/Bogota',
      });
      expect((await sendWebinarReminders(deps.db, deps, '2026-11-29T08:30:00.000Z')).sent).toBe(1);
      expect((await sendWebinarReminders(deps.db, deps, '2026-11-29T08:40:00.000Z')).sent).toBe(0);
    });

    it('writes valid calendars: the edition’s public one, a private feed by token, and one session', async () => {
      const webinar = await buildWebinar(deps, world, LATER);
      const events = parseCalendar((await getEditionCalendar(deps.db, deps, world.edition.id, 'fr')).text);
      expect(events).toEqual([
        {
          uid: `webinar-${webinar.id}@diploma-platform`,
          summary: `${world.edition.courseCode} · Webinaire d’ouverture`,
          start: LATER.startsAt,
          end: LATER.endsAt,
        },
      ]);
      expect(
        await refusal(getEditionCalendar(deps.db, deps, '0190f5d2-7d2c-7000-8000-000000000001', 'en')),
      ).toBe('not_found');
      const participant = actorOf(world.participant);
      expect((await getCalendarFeed(deps.db, deps, participant)).url).toBeNull();
      await renewCalendarFeed(deps.db, deps, participant);
      const url = (await getCalendarFeed(deps.db, deps, participant)).url ?? '';
      const token = url.split('/').at(-1)?.replace('.ics', '') ?? '';
      const feed = parseCalendar(await getPersonalCalendar(deps.db, deps, token));
      expect(feed.map((e) => e.start)).toContain(LATER.startsAt);
      await revokeCalendarFeed(deps.db, deps, participant);
      expect(await refusal(getPersonalCalendar(deps.db, deps, token))).toBe('not_found');
      const single = await getSessionCalendar(deps.db, deps, participant, webinar.id, 'en');
      expect(parseCalendar(single.text)).toHaveLength(1);
      expect(
        await refusal(getSessionCalendar(deps.db, deps, actorOf(world.outsider), webinar.id, 'en')),
      ).toBe('not_found');
    });

    it('lists the next webinars on the space home, and shifts sessions when a space is copied', async () => {
      await buildWebinar(deps, world, LATER);
      const home = await getSpaceHome(deps.db, deps, actorOf(world.participant), world.edition.id, 'en');
      expect(home.blocks).toHaveLength(1);
      const next = await buildSpaceWorld(deps, { selfPacedStart: '2027-03-08' });
      const manager = await buildPerson(deps, { roles: ['manager'] });
      await copySpace(deps.db, deps, actorOf(manager), next.edition.id, { fromEditionId: world.edition.id });
      const [copied] = await deps.db
        .selectFrom('space_items')
        .innerJoin('spaces', 'spaces.id', 'space_items.space_id')
        .select('settings_json')
        .where('spaces.edition_id', '=', next.edition.id)
        .execute();
      expect(JSON.parse(copied?.settings_json ?? '{}')).toMatchObject({
        startsAt: '2026-12-09T14:00:00.000Z',
        endsAt: '2026-12-09T15:30:00.000Z',
      });
    });
  });
}
