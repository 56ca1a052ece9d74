import { describe, expect, it } from 'vitest';
import { outboxFileName } from '../../integrations/mail.js';
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  readMailMessage,
} from '../../integrations/mail-reader.js';
import { addDays } from '../../kernel/clock.js';
import { MODULES } from '../index.js';
import { notificationKinds, readNotice } from './kinds.js';
import { noticePath } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { markReadSchema } from './notifications.schemas.js';
import { noticeMessageId } from './send-notification-email.js';

describe('notification rules', () => {
  it('derives one Message-ID and one outbox file name per notice key', () => {
    const id = noticeMessageId('place.confirmed:a:1', 'https://diploma.example.org');
    expect(id).toBe(noticeMessageId('place.confirmed:a:1', 'https://diploma.example.org'));
    expect(id).not.toBe(noticeMessageId('place.confirmed:a:2', 'https://diploma.example.org'));
    expect(id).toMatch(/^<[0-9a-f]{32}\.notification@diploma\.example\.org>$/);
    const date = new Date('2026-11-28T10:00:00Z');
    const name = outboxFileName({ messageId: id, date }, 'seq-1');
    expect(name).toBe(outboxFileName({ messageId: id, date }, 'seq-2'));
    expect(name).toMatch(/^2026-11-28T10-00-00-000Z-[0-9a-f]{24}\.eml$/);
    expect(outboxFileName({}, 'a')).not.toBe(outboxFileName({}, 'b'));
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2026-12-29', 3)).toBe('2027-01-01');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
  });

  it('names a text and a settings label for every kind the modules declare, and a page to open', () => {
    const kinds = notificationKinds(MODULES);
    expect(kinds.size).toBeGreaterThanOrEqual(9);
    const labels = new Set([...kinds.values()].map((k) => k.label));
    expect(labels.size).toBe(kinds.size);
    const decided = readNotice(kinds, {
      kind: 'application.decided',
      applicationId: 'a',
      programmeId: 'p',
      decision: 'request-info',
      message: null,
    });
    expect(decided?.definition.texts(decided.event).line).toBe(
      'notifications.text.applicationDecided.requestInfo',
    );
    const moved = readNotice(kinds, {
      kind: 'waitlist.moved',
      enrolmentId: 'e',
      editionId: 'ed/1',
      position: 2,
    });
    expect(moved && noticePath(moved)).toBe('/editions/ed%2F1');
  });

  it('reads back only events of a declared kind that match its shape', () => {
    const kinds = notificationKinds(MODULES);
    expect(readNotice(kinds, { kind: 'no.such-kind', editionId: 'e' })).toBeNull();
    expect(
      readNotice(kinds, { kind: 'waitlist.moved', enrolmentId: 'e', editionId: 'x', position: 0 }),
    ).toBeNull();
    expect(readNotice(kinds, 'waitlist.moved')).toBeNull();
    expect(readNotice(kinds, null)).toBeNull();
  });

  it('refuses a kind declared by two modules', () => {
    const kind = [...notificationKinds(MODULES).values()][0]!;
    expect(() =>
      notificationKinds([
        { name: 'a', notificationKinds: [kind] },
        { name: 'b', notificationKinds: [kind] },
      ]),
    ).toThrow(/declared twice/);
  });

  it('lets only signed-in people act on (their own) notifications', () => {
    expect(canNotifications({ kind: 'anonymous' }, 'notifications.read')).toBe(false);
    expect(
      canNotifications({ kind: 'user', id: 'u', roles: [], via: 'token' }, 'notifications.markRead'),
    ).toBe(true);
  });

  it('takes either ids or all when marking read', () => {
    expect(markReadSchema.safeParse({ all: true }).success).toBe(true);
    expect(markReadSchema.safeParse({ ids: ['a'] }).success).toBe(true);
    for (const bad of [
      {},
      { ids: [] },
      { ids: ['a'], all: true },
      { all: false },
      { ids: Array(101).fill('a') },
    ])
      expect(markReadSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('reading outbox messages', () => {
  it('decodes quoted-printable and encoded words', () => {
    expect(decodeQuotedPrintable('Jos=C3=A9 a =\n=C3=A9t=C3=A9')).toBe('José a été');
    expect(
      decodeEncodedWords('=?UTF-8?Q?Votre_candidature_a_=C3=A9t=C3=A9_re?=\n =?UTF-8?Q?=C3=A7ue?='),
    ).toBe('Votre candidature a été reçue');
    expect(decodeEncodedWords(`=?UTF-8?B?${Buffer.from('Solicitud recibida ✓').toString('base64')}?=`)).toBe(
      'Solicitud recibida ✓',
    );
  });

  it('reads a single-part message and tolerates a message without headers', () => {
    const raw =
      'To: a@example.org\nSubject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSG9sYSBKb3PDqQ==\n';
    expect(readMailMessage(raw)).toMatchObject({
      to: 'a@example.org',
      subject: 'Hi',
      text: 'Hola José',
      hasHtml: false,
    });
    expect(readMailMessage('garbage')).toMatchObject({ messageId: null, text: '' });
  });
});
