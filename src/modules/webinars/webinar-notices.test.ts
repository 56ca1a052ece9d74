import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.js';
import { notificationText } from '../notifications/notification.js';
import { WEBINAR_NOTIFICATION_KINDS, type WebinarReminder } from './webinar-notices.js';

const [definition] = WEBINAR_NOTIFICATION_KINDS;

describe('webinar reminders', () => {
  it('write the start in the reader’s language and time zone', () => {
    const event: WebinarReminder = {
      kind: 'webinar.reminder',
      itemId: 'i',
      editionId: 'e',
      reminder: '1h',
      startsAt: '2027-03-01T14:00:00.000Z',
      timeZone: 'America/Bogota',
    };
    const notice = {
      event: event as WebinarReminder & { kind: string },
      definition: definition!,
      subject: { title: { en: 'Opening', fr: 'Ouverture' } },
    };
    // 14:00 UTC is 09:00 in Bogotá.
    expect(notificationText(translator('en'), notice)).toBe(
      'Opening starts in an hour: 1 Mar 2027, 09:00 (America/Bogota)',
    );
    expect(notificationText(translator('fr'), notice)).toContain('Ouverture commence dans une heure');
    expect(notificationText(translator('fr'), notice)).toContain('09:00 (America/Bogota)');
    expect(
      notificationText(translator('es'), {
        ...notice,
        event: { ...event, reminder: '24h' } as WebinarReminder,
      }),
    ).toContain('comienza mañana');
  });
});
