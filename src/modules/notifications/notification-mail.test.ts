import { describe, expect, it } from 'vitest';
import { LOCALES, translator } from '../../i18n/i18n.js';
import { readMailMessage } from '../../integrations/mail-reader.js';
import { MODULES } from '../index.js';
import { notificationKinds, type RenderableNotice, readNotice } from './kinds.js';
import { noticePath, notificationText } from './notification.js';
import type { NoticeEvent, NoticeSubject } from './notification-kind.js';
import { renderNotificationMail } from './notification-mail.js';

const PROGRAMME = '01900000-0000-7000-8000-000000000001';
const EDITION = '01900000-0000-7000-8000-000000000002';

const PROGRAMME_SUBJECT: NoticeSubject = {
  title: {
    en: 'Diploma in Labour Migration',
    fr: 'Diplôme en migration de main-d’œuvre',
    es: 'Diploma en migración laboral',
  },
};
const EDITION_SUBJECT: NoticeSubject = {
  title: { en: 'Measuring migration', fr: 'Mesurer les migrations', es: 'Medir la migración' },
  code: 'LM101',
  date: '2027-03-01',
};

const KINDS = notificationKinds(MODULES);

/** An event read back as the notifications module reads it, with what it names (or nothing). */
function renderable(event: NoticeEvent, subjects: 'all' | 'partial' = 'all'): RenderableNotice {
  const read = readNotice(KINDS, event);
  if (!read) throw new Error(`not a declared notice: ${event.kind}`);
  const aboutProgramme = 'programmeId' in event;
  const subject =
    subjects === 'all'
      ? aboutProgramme
        ? PROGRAMME_SUBJECT
        : EDITION_SUBJECT
      : aboutProgramme
        ? { title: { en: 'Only English' } }
        : null;
  return { ...read, subject };
}

/** One event of every kind, and every variant a kind has (decisions, from the waiting list). */
const EVENTS: NoticeEvent[] = [
  { kind: 'application.received', applicationId: 'app-1', programmeId: PROGRAMME },
  ...(['accept', 'waitlist', 'reject', 'request-info'] as const).map((decision) => ({
    kind: 'application.decided' as const,
    applicationId: 'app-1',
    programmeId: PROGRAMME,
    decision,
    message: decision === 'request-info' ? 'Please send your <b>degree</b>.' : null,
  })),
  { kind: 'application.reopened', applicationId: 'app-1', programmeId: PROGRAMME },
  {
    kind: 'application.deadline-soon',
    applicationId: 'app-1',
    programmeId: PROGRAMME,
    closesOn: '2027-01-31',
  },
  { kind: 'place.confirmed', enrolmentId: 'enr-1', editionId: EDITION, fromWaitingList: false },
  { kind: 'place.confirmed', enrolmentId: 'enr-1', editionId: EDITION, fromWaitingList: true },
  { kind: 'place.declined', enrolmentId: 'enr-1', editionId: EDITION, reason: 'Outside the region' },
  { kind: 'place.waitlisted', enrolmentId: 'enr-1', editionId: EDITION, position: 3 },
  { kind: 'waitlist.moved', enrolmentId: 'enr-1', editionId: EDITION, position: 1 },
  { kind: 'edition.starts-soon', enrolmentId: 'enr-1', editionId: EDITION, startsOn: '2027-03-01' },
  ...(['24h', '1h'] as const).map((reminder) => ({
    kind: 'webinar.reminder',
    itemId: 'item-1',
    editionId: EDITION,
    reminder,
    startsAt: '2027-03-01T14:00:00.000Z',
    timeZone: 'America/Lima',
  })),
  ...[false, true].map((late) => ({
    kind: 'assignments.submitted',
    submissionId: 'sub-1',
    assignmentId: 'item-1',
    editionId: EDITION,
    attempt: 1,
    submittedAt: '2027-03-20T09:30:00.000Z',
    digest: 'a'.repeat(64),
    late,
  })),
  { kind: 'marking.released', submissionId: 'sub-1', contextId: EDITION, path: '/assignments/item-1' },
  {
    kind: 'marking.released',
    submissionId: 'sub-2',
    contextId: PROGRAMME,
    contextKind: 'programme',
    path: '/capstones/my',
  },
  { kind: 'roleplay.role-assigned', itemId: 'item-1', editionId: EDITION, roleId: 'role-1' },
  {
    kind: 'roleplay.group-role-joined',
    itemId: 'item-1',
    editionId: EDITION,
    roleId: 'role-1',
    groupId: 'group-1',
  },
  { kind: 'groups.placed', groupId: 'group-1', editionId: EDITION },
  ...(['approve', 'return', 'reject'] as const).map((decision) => ({
    kind: 'capstones.proposal-decided',
    capstoneId: 'cap-1',
    decision,
    comment: decision === 'approve' ? null : 'Narrow the question.',
  })),
  ...(['pass', 'require-resubmission', 'fail'] as const).map((outcome) => ({
    kind: 'capstones.outcome',
    capstoneId: 'cap-1',
    outcome,
    due: outcome === 'require-resubmission' ? '2027-06-30' : null,
  })),
  ...(['candidate', 'supervisor'] as const).map((recipient) => ({
    kind: 'capstones.window-extended',
    capstoneId: 'cap-1',
    recipient,
    months: 6,
    deadline: '2029-06-30',
    reason: 'Illness certified by a doctor.',
  })),
  { kind: 'forums.mention', postId: 'post-1', threadId: 'thread-1' },
  { kind: 'forums.new-post', postId: 'post-1', threadId: 'thread-1' },
  { kind: 'forums.digest', day: '2027-03-02', threadId: 'thread-1', posts: 5, threads: 2 },
] as NoticeEvent[];

describe('notification emails and texts', () => {
  it('covers every kind the modules declare', () => {
    expect(new Set(EVENTS.map((e) => e.kind))).toEqual(new Set(KINDS.keys()));
  });

  for (const locale of LOCALES) {
    const t = translator(locale);
    const title = (event: NoticeEvent) =>
      'programmeId' in event ? PROGRAMME_SUBJECT.title[locale] : EDITION_SUBJECT.title[locale];

    it(`${locale}: renders every kind with the titles in ${locale}, a link and a plain-text part`, () => {
      const subjects = new Set<string>();
      for (const event of EVENTS) {
        const mail = renderNotificationMail(
          { email: 'ana@example.org', name: 'Ana Pérez', locale },
          renderable(event),
          {
            baseUrl: 'https://diploma.example.org/',
            messageId: '<x@diploma.example.org>',
            date: new Date(0),
          },
        );
        expect(mail.language).toBe(locale);
        expect(mail.subject).not.toMatch(/notifications\./);
        subjects.add(mail.subject);
        expect(mail.text).toContain(title(event));
        expect(mail.text).toContain(`https://diploma.example.org${noticePath(renderable(event))}`);
        expect(mail.text).toContain('https://diploma.example.org/account/notifications');
        expect(mail.text).toContain(t.t('mail.greeting', { name: 'Ana Pérez' }));
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.html).toContain(`href="https://diploma.example.org${noticePath(renderable(event))}"`);
        const line = notificationText(t, renderable(event));
        expect(line).toContain(title(event));
        expect(line).not.toMatch(/\{|notifications\./);
      }
      // Each variant has its own subject.
      expect(subjects.size).toBe(EVENTS.length);
    });

    it(`${locale}: dates are written in ${locale} and positions appear`, () => {
      const event = EVENTS.find((e) => e.kind === 'place.waitlisted')!;
      const line = notificationText(t, renderable(event));
      expect(line).toContain(t.date('2027-03-01', 'long'));
      expect(line).toContain('3');
    });

    it(`${locale}: every kind has a label for the settings page`, () => {
      for (const kind of KINDS.values()) expect(t.has(kind.label)).toBe(true);
    });
  }

  it('escapes the committee message in HTML and quotes it in the text', () => {
    const event = EVENTS.find(
      (e) => e.kind === 'application.decided' && (e as { decision?: string }).decision === 'request-info',
    );
    const mail = renderNotificationMail(
      { email: 'a@example.org', name: 'A', locale: 'en' },
      renderable(event!),
      {
        baseUrl: 'http://localhost:3000',
      },
    );
    expect(mail.html).toContain('&lt;b>degree&lt;/b>');
    expect(mail.html).not.toContain('<b>degree');
    expect(mail.text).toContain('> Please send your <b>degree</b>.');
  });

  it('falls back to another language when a title is missing in the reader’s, and to a word when unknown', () => {
    const t = translator('es');
    expect(notificationText(t, renderable(EVENTS[0]!, 'partial'))).toContain('Only English');
    const place = EVENTS.find((e) => e.kind === 'place.confirmed')!;
    expect(notificationText(t, renderable(place, 'partial'))).toContain(t.t('notifications.unknownCourse'));
  });
});

describe('reading an outbox message back', () => {
  it('decodes the subject, recipient and the quoted-printable text part', async () => {
    const { outboxMailer } = await import('../../integrations/mail.js');
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'dp-mail-'));
    const mailer = outboxMailer(dir, 'Platform <no-reply@example.org>');
    const mail = renderNotificationMail(
      { email: 'jose@example.org', name: 'José', locale: 'fr' },
      renderable(EVENTS[0]!),
      {
        baseUrl: 'http://localhost:3000',
        messageId: '<abc@localhost>',
        date: new Date('2026-11-28T10:00:00Z'),
      },
    );
    await mailer.send(mail);
    await mailer.send(mail);
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const read = readMailMessage(readFileSync(join(dir, files[0]!), 'utf8'));
    expect(read).toMatchObject({
      messageId: '<abc@localhost>',
      to: 'jose@example.org',
      subject: mail.subject,
      language: 'fr',
      hasHtml: true,
    });
    expect(read.text).toBe(mail.text.trimEnd());
  });
});
