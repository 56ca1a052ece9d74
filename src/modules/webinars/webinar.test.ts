import { describe, expect, it } from 'vitest';
import {
  bbbChecksum,
  isValidBbbChecksum,
  queryWithoutChecksum,
} from '../../integrations/bbb/bbb-checksum.js';
import { readAttendanceRows, readAttended } from './attendance-csv.js';
import { formatInstant } from './views/instant-format.js';
import { attendancePercent, instantOf, joinWindow, reminderDue } from './webinar.js';
import { calendarTag, etagMatches } from './webinar-calendar.js';
import { readWebinarSettings, webinarSettingsSchema } from './webinar-settings.js';

const session = { startsAt: '2027-03-01T14:00:00.000Z', endsAt: '2027-03-01T15:30:00.000Z' };

describe('the join window', () => {
  it('opens 15 minutes before the start for participants and closes at the end', () => {
    expect(joinWindow(session, '2027-03-01T13:44:59.000Z')).toEqual({
      state: 'upcoming',
      opensAt: '2027-03-01T13:45:00.000Z',
    });
    expect(joinWindow(session, '2027-03-01T13:45:00.000Z').state).toBe('open');
    expect(joinWindow(session, '2027-03-01T15:29:59.000Z').state).toBe('open');
    expect(joinWindow(session, '2027-03-01T15:30:00.000Z').state).toBe('ended');
  });
  it('opens an hour before for staff', () => {
    expect(joinWindow(session, '2027-03-01T13:00:00.000Z', true).state).toBe('open');
    expect(joinWindow(session, '2027-03-01T12:59:00.000Z', true).state).toBe('upcoming');
  });
});

describe('reminders and attendance', () => {
  it('is due 24 h, then 1 h before, never after the start', () => {
    expect(reminderDue(session.startsAt, '2027-02-28T13:59:00.000Z')).toBeNull();
    expect(reminderDue(session.startsAt, '2027-02-28T14:00:00.000Z')).toBe('24h');
    expect(reminderDue(session.startsAt, '2027-03-01T13:00:00.000Z')).toBe('1h');
    expect(reminderDue(session.startsAt, '2027-03-01T14:00:00.000Z')).toBeNull();
  });
  it('rounds the percentage and has none before any session is held', () => {
    expect(attendancePercent(0, 0)).toBeNull();
    expect(attendancePercent(1, 3)).toBe(33);
    expect(attendancePercent(2, 3)).toBe(67);
    expect(attendancePercent(5, 3)).toBe(100);
  });
});

describe('the settings a facilitator types', () => {
  it('reads local times in the chosen zone as UTC instants, across daylight saving', () => {
    expect(instantOf('2027-07-01T10:00', 'Europe/Zurich')).toBe('2027-07-01T08:00:00.000Z');
    expect(instantOf('2027-01-15T10:00', 'Europe/Zurich')).toBe('2027-01-15T09:00:00.000Z');
    const parsed = webinarSettingsSchema.parse({
      startsAt: '2027-07-01T10:00',
      endsAt: '2027-07-01T11:30',
      timeZone: 'America/Bogota',
      provider: 'external',
      url: 'https://zoom.us/j/123',
    });
    expect(parsed).toEqual({
      startsAt: '2027-07-01T15:00:00.000Z',
      endsAt: '2027-07-01T16:30:00.000Z',
      timeZone: 'America/Bogota',
      provider: 'external',
      url: 'https://zoom.us/j/123',
    });
  });
  it('refuses an end before the start, an http link and a bad provider', () => {
    const bad = webinarSettingsSchema.safeParse({
      startsAt: '2027-07-01T10:00Z',
      endsAt: '2027-07-01T09:00Z',
      provider: 'external',
      url: 'http://zoom.us/j/1',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual([
      'endsAt:webinars.error.endBeforeStart',
      'url:webinars.error.httpsLink',
    ]);
    expect(webinarSettingsSchema.safeParse({ ...session, provider: 'skype' }).success).toBe(false);
    expect(webinarSettingsSchema.parse({ ...session, provider: 'bbb', url: 'https://x.org' }).url).toBe('');
  });
});

describe('the BigBlueButton checksum', () => {
  it('is sha(callName + queryString + secret), SHA-1 or SHA-256', () => {
    // The example of BBB's API documentation (SHA-1).
    const query = 'name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444';
    const secret = '639259d4-9dd8-4b25-bf01-95f9567eaf4b';
    expect(bbbChecksum('create', query, secret, 'sha1')).toBe('1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17');
    expect(bbbChecksum('create', query, secret, 'sha256')).toHaveLength(64);
    expect(isValidBbbChecksum('create', query, secret, bbbChecksum('create', query, secret, 'sha256'))).toBe(
      true,
    );
    expect(isValidBbbChecksum('create', query, secret, bbbChecksum('create', query, secret, 'sha1'))).toBe(
      true,
    );
    expect(isValidBbbChecksum('join', query, secret, bbbChecksum('create', query, secret))).toBe(false);
    expect(isValidBbbChecksum('create', query, 'other', bbbChecksum('create', query, secret))).toBe(false);
    expect(isValidBbbChecksum('create', query, secret, 'zz')).toBe(false);
  });
  it('is checked against the query as sent, without its checksum', () => {
    expect(queryWithoutChecksum('a=1&checksum=abc&b=2')).toEqual({ query: 'a=1&b=2', checksum: 'abc' });
  });
});

describe('attendance CSV rows', () => {
  const rows = (lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));
  it('reads yes and no in three languages', () => {
    for (const yes of ['yes', 'Oui', 'sí', 'X', '1', 'true']) expect(readAttended(yes)).toBe(true);
    for (const no of ['no', 'Non', '', '0', 'absent']) expect(readAttended(no)).toBe(false);
    expect(readAttended('maybe')).toBeNull();
  });
  it('finds the columns by name and says what is wrong on each row', () => {
    const read = readAttendanceRows(
      rows([
        ['Name', 'E-mail', 'Attended'],
        ['A', 'A@Example.org', 'yes'],
        ['B', 'not-an-email', 'yes'],
        ['C', 'a@example.org', 'no'],
        ['D', 'd@example.org', 'perhaps'],
        ['', '', ''],
      ]),
    );
    expect(read.problem).toBeNull();
    expect(read.rows.map((r) => [r.line, r.email, r.attended, r.problem])).toEqual([
      [2, 'a@example.org', true, null],
      [3, 'not-an-email', true, 'webinars.csv.badEmail'],
      [4, 'a@example.org', false, 'webinars.csv.repeated'],
      [5, 'd@example.org', null, 'webinars.csv.badAttended'],
    ]);
  });
  it('refuses a file without the columns or without rows', () => {
    expect(readAttendanceRows(rows([['email', 'name']])).problem).toBe('webinars.csv.missingColumns');
    expect(readAttendanceRows(rows([['email', 'attended']])).problem).toBe('webinars.csv.empty');
    expect(readAttendanceRows([]).problem).toBe('webinars.csv.empty');
  });
});

describe('settings and instants read once (the space home lists the next webinars on every visit)', () => {
  const stored = { ...session, timeZone: 'Europe/Madrid', provider: 'bbb' };

  it('reads a frozen (kept) settings object once, as a fresh read would', () => {
    const frozen = Object.freeze({ ...stored });
    const first = readWebinarSettings(frozen);
    expect(first).toEqual(readWebinarSettings({ ...stored }));
    expect(readWebinarSettings(frozen)).toBe(first);
    expect(readWebinarSettings(Object.freeze({ ...stored, endsAt: 'never' }))).toBeNull();
  });

  it('reads settings that may still change afresh on every call', () => {
    const open: Record<string, string> = { ...stored };
    expect(readWebinarSettings(open)?.startsAt).toBe(session.startsAt);
    open.startsAt = '2027-03-02T14:00:00.000Z';
    expect(readWebinarSettings(open)?.startsAt).toBe('2027-03-02T14:00:00.000Z');
  });

  it('writes an instant the same whether kept or made anew, per language and zone', () => {
    const iso = '2027-06-08T13:00:00.000Z';
    const fresh = (locale: string, timeZone: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      );
    for (let round = 0; round < 2; round += 1) {
      expect(formatInstant(iso, 'en', 'UTC')).toBe(fresh('en-GB', 'UTC'));
      expect(formatInstant(iso, 'es', 'America/Bogota')).toBe(fresh('es', 'America/Bogota'));
      expect(formatInstant(iso, 'fr', 'Not/AZone')).toBe(fresh('fr', 'UTC'));
    }
  });
});

describe('the public feed’s validator', () => {
  const text = (stamp: string, summary: string) =>
    `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTAMP:${stamp}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

  it('is a weak tag that leaves out when the file was made', () => {
    const tag = calendarTag(text('20261128T100000Z', 'Opening'));
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(calendarTag(text('20261129T080000Z', 'Opening'))).toBe(tag);
    expect(calendarTag(text('20261128T100000Z', 'Closing'))).not.toBe(tag);
  });

  it('matches If-None-Match weakly, in a list, or as *', () => {
    const tag = 'W/"abc"';
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches('W/"abc"', tag)).toBe(true);
    expect(etagMatches('"abc"', tag)).toBe(true);
    expect(etagMatches('"x", W/"abc"', tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
    expect(etagMatches('W/"abd"', tag)).toBe(false);
  });
});
