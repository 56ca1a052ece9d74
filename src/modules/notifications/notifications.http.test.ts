import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import type { TestPerson } from '../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, errorCode, signedIn, tokenOf } from '../../../test/helpers/http-extra.js';
import {
  buildTitledEdition,
  insertEnrolment,
  notifyNow,
  receivedNotice,
} from '../../../test/helpers/notification-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { outboxMailer } from '../../integrations/mail.js';
import { MODULES } from '../index.js';
import { notificationKinds, readNotice } from './kinds.js';

const NOTIFICATION_KINDS = [...notificationKinds(MODULES).keys()];

/** Every notifications route: anonymous refused, own data only, CSRF, bad input 400, in the reader's language. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: notification routes`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    /** A signed-in person with one "place confirmed" and one "application received" notification. */
    async function personWithNotices(locale = 'en') {
      const { browser, person } = await signedIn(app, deps, ['participant'], { locale });
      const edition = await buildTitledEdition(deps, '2027-03-01', '2027-03-20');
      const enrolmentId = await insertEnrolment(deps, edition.id, person.id);
      await notifyNow(deps, {
        recipientId: person.id,
        key: `place.confirmed:${enrolmentId}:1`,
        event: { kind: 'place.confirmed', enrolmentId, editionId: edition.id, fromWaitingList: false },
      });
      deps.clock.advance(1000);
      await notifyNow(deps, await receivedNotice(deps, person.id));
      const ids = (
        await deps.db
          .selectFrom('notifications')
          .select('id')
          .where('user_id', '=', person.id)
          .orderBy('created_at')
          .execute()
      ).map((r) => r.id);
      return { browser, person, edition, ids: ids as [string, string] };
    }

    const unreadOf = async (person: TestPerson) =>
      Number(
        (
          await deps.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', person.id)
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('GET /notifications: sign in first; then one’s own, in one’s language, with the bell’s count', async () => {
      const anonymous = await new Client(app).get('/notifications');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/);

      const { browser } = await personWithNotices('fr');
      const other = await personWithNotices('en');
      const page = await browser.get('/notifications');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Mesurer les migrations de main-d’œuvre');
      expect(page.body).toContain('Votre candidature à Diplôme de test a été reçue.');
      expect(page.body).toContain(translator('fr').t('notifications.bell', { count: 2 }));
      expect(page.body).not.toContain(other.ids[0]);
      // Newest first: the application (notified last) before the place.
      expect(page.body.indexOf('Votre candidature')).toBeLessThan(
        page.body.indexOf('Mesurer les migrations'),
      );
      expect((await browser.get('/notifications?page=abc')).statusCode).toBe(400);
      expect((await browser.get('/courses')).body).toContain(
        translator('fr').t('notifications.bell', { count: 2 }),
      );
    });

    it('POST /notifications/:id/open: CSRF; one’s own opens its page and is read; another’s is 404', async () => {
      const { browser, person, edition, ids } = await personWithNotices();
      const other = await personWithNotices();
      expect((await browser.post(`/notifications/${ids[0]}/open`, {})).statusCode).toBe(403);
      const opened = await browser.send(`/notifications/${ids[0]}/open`);
      expect(opened.statusCode).toBe(303);
      expect(opened.headers.location).toBe(`/editions/${edition.id}`);
      expect(await unreadOf(person)).toBe(1);

      const refused = await browser.send(`/notifications/${other.ids[0]}/open`);
      expect(refused.statusCode).toBe(404);
      expect(await unreadOf(other.person)).toBe(2);
      expect((await browser.send(`/notifications/${'x'.repeat(80)}/open`)).statusCode).toBe(404);
    });

    it('POST /notifications/read-all: CSRF, 401 anonymous, marks only one’s own', async () => {
      const { browser, person } = await personWithNotices();
      const other = await personWithNotices();
      expect((await browser.post('/notifications/read-all', {})).statusCode).toBe(403);
      expect(await unreadOf(person)).toBe(2);
      expect((await new Client(app).send('/notifications/read-all')).statusCode).toBe(401);
      const done = await browser.send('/notifications/read-all');
      expect(done.statusCode).toBe(303);
      expect(await unreadOf(person)).toBe(0);
      expect(await unreadOf(other.person)).toBe(2);
      const page = await browser.get('/notifications');
      expect(page.body).toContain(translator('en').t('notifications.flash.allRead'));
      expect(page.body).toContain(translator('en').t('notifications.bell', { count: 0 }));
    });

    it('settings: linked from the account page; CSRF; unchecked boxes turn a kind off', async () => {
      expect((await new Client(app).get('/account/notifications')).statusCode).toBe(303);
      expect((await new Client(app).send('/account/notifications')).statusCode).toBe(401);
      const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'es' });
      expect((await browser.get('/account')).body).toContain('href="/account/notifications"');
      const form = await browser.get('/account/notifications');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(translator('es').t('notifications.kind.editionStartsSoon'));
      expect(form.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(NOTIFICATION_KINDS.length * 2);

      expect(
        (await browser.post('/account/notifications', { 'place.confirmed.inApp': 'on' })).statusCode,
      ).toBe(403);
      expect(await countRows(deps, 'notification_preferences')).toBe(0);
      const fields = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [`${k}.inApp`, 'on']));
      const saved = await browser.send('/account/notifications', fields);
      expect(saved.statusCode).toBe(303);
      const rows = await deps.db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(rows).toHaveLength(NOTIFICATION_KINDS.length);
      expect(rows.every((r) => r.in_app === 1 && r.email === 0)).toBe(true);
      const after = await browser.get('/account/notifications');
      expect(after.body).toContain(translator('es').t('notifications.flash.preferencesSaved'));
      expect(after.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(NOTIFICATION_KINDS.length);
    });

    it('GET /api/v1/notifications: 401 anonymous (in the asked language), own only, texts in the caller’s language', async () => {
      const anonymous = await api(app, 'GET', '/api/v1/notifications?lang=fr');
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.message).toBe(translator('fr').t('errors.unauthenticated'));

      const { person, edition, ids } = await personWithNotices('es');
      const other = await personWithNotices();
      const token = await tokenOf(deps, person);
      const response = await api(app, 'GET', '/api/v1/notifications', { token });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ page: 1, pageCount: 1, total: 2, unreadCount: 2 });
      expect(body.notifications.map((n: { id: string }) => n.id)).toEqual([ids[1], ids[0]]);
      expect(body.notifications[1]).toMatchObject({
        kind: 'place.confirmed',
        url: `http://localhost:3000/editions/${edition.id}`,
        readAt: null,
        event: { editionId: edition.id },
      });
      expect(body.notifications[1].text).toContain('Medir la migración laboral');
      expect(JSON.stringify(body)).not.toContain(other.ids[0]);
      expect((await api(app, 'GET', '/api/v1/notifications?page=0', { token })).statusCode).toBe(400);
      const unread = await api(app, 'GET', '/api/v1/notifications?unread=true', { token });
      expect(unread.json().total).toBe(2);
    });

    it('POST /api/v1/notifications/read: 401 anonymous, 400 bad input, marks only one’s own', async () => {
      const { person, ids } = await personWithNotices();
      const other = await personWithNotices();
      const token = await tokenOf(deps, person);
      expect((await api(app, 'POST', '/api/v1/notifications/read', { body: { all: true } })).statusCode).toBe(
        401,
      );
      for (const body of [
        {},
        { ids: [] },
        { ids: 'x' },
        { all: false },
        { ids: [ids[0]], all: true },
        { other: 1 },
      ]) {
        const response = await api(app, 'POST', '/api/v1/notifications/read', { token, body });
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(errorCode(response)).toBe('validation_failed');
      }
      expect(await unreadOf(person)).toBe(2);
      const others = await api(app, 'POST', '/api/v1/notifications/read', {
        token,
        body: { ids: other.ids },
      });
      expect(others.json()).toEqual({ marked: 0, unreadCount: 2 });
      expect(await unreadOf(other.person)).toBe(2);
      const one = await api(app, 'POST', '/api/v1/notifications/read', { token, body: { ids: [ids[0]] } });
      expect(one.json()).toEqual({ marked: 1, unreadCount: 1 });
      const all = await api(app, 'POST', '/api/v1/notifications/read', { token, body: { all: true } });
      expect(all.json()).toEqual({ marked: 1, unreadCount: 0 });
    });

    it('GET/PUT /api/v1/notifications/preferences: 401 anonymous, 400 bad input, one’s own', async () => {
      const { person } = await signedIn(app, deps);
      const token = await tokenOf(deps, person);
      expect((await api(app, 'GET', '/api/v1/notifications/preferences')).statusCode).toBe(401);
      const read = await api(app, 'GET', '/api/v1/notifications/preferences', { token });
      expect(read.json().preferences).toHaveLength(NOTIFICATION_KINDS.length);
      const preferences = NOTIFICATION_KINDS.map((kind) => ({
        kind,
        inApp: true,
        email: kind !== 'waitlist.moved',
      }));
      expect(
        (await api(app, 'PUT', '/api/v1/notifications/preferences', { body: { preferences } })).statusCode,
      ).toBe(401);
      for (const body of [
        {},
        { preferences: preferences.slice(1) },
        { preferences: [...preferences.slice(1), { kind: 'nope', inApp: true, email: true }] },
      ]) {
        expect((await api(app, 'PUT', '/api/v1/notifications/preferences', { token, body })).statusCode).toBe(
          400,
        );
      }
      const saved = await api(app, 'PUT', '/api/v1/notifications/preferences', {
        token,
        body: { preferences },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().preferences.find((p: { kind: string }) => p.kind === 'waitlist.moved')).toEqual({
        kind: 'waitlist.moved',
        inApp: true,
        email: false,
      });
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/notifications',
          '/api/v1/notifications/read',
          '/api/v1/notifications/preferences',
        ]),
      );
    });

    it('the administrators’ outbox shows each message’s subject, recipient and plain text', async () => {
      const { browser } = await signedIn(app, deps, ['administrator']);
      const { renderNotificationMail } = await import('./notification-mail.js');
      const mail = renderNotificationMail(
        { email: 'lucia@example.org', name: 'Lucía', locale: 'es' },
        {
          ...readNotice(notificationKinds(MODULES), {
            kind: 'waitlist.moved',
            enrolmentId: 'e',
            editionId: 'missing',
            position: 4,
          })!,
          subject: null,
        },
        { baseUrl: deps.config.baseUrl, messageId: '<outbox-test@localhost>', date: new Date() },
      );
      await outboxMailer(deps.config.outboxDir, deps.config.mailFrom).send(mail);
      const page = await browser.get('/admin/outbox');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('lucia@example.org');
      expect(page.body).toContain('Ahora es el número 4 en la lista de espera de este curso');
      expect(page.body).toContain('&lt;outbox-test@localhost>');
      const { browser: participant } = await signedIn(app, deps);
      expect((await participant.get('/admin/outbox')).statusCode).toBe(403);
    });
  });
}
