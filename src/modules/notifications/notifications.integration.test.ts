import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import {
  buildTitledEdition,
  insertApplication,
  insertEnrolment,
  notifyNow,
  receivedNotice,
  setClosingDay,
} from '../../../test/helpers/notification-factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { runJobsUntilIdle } from '../../jobs/runner.js';
import { sendDeadlineReminders } from '../admissions/send-deadline-reminders.js';
import { allJobHandlers, MODULES } from '../index.js';
import { sendStartReminders } from '../places/send-start-reminders.js';
import { notificationKinds } from './kinds.js';
import { listNotifications } from './list-notifications.js';
import { markNotificationsRead, openNotification } from './mark-notifications-read.js';
import { emailJobKey } from './notify.js';
import { getPreferences } from './preferences.js';
import { savePreferences } from './save-preferences.js';

const NOTIFICATION_KINDS = [...notificationKinds(MODULES).keys()];

/** The day's reminders of both modules that send them (places: starts soon; admissions: closes soon). */
async function sendReminders(db: TestDeps['db'], deps: TestDeps, day: string) {
  return { ...(await sendStartReminders(db, deps, day)), ...(await sendDeadlineReminders(db, deps, day)) };
}

async function count(deps: TestDeps, table: 'notifications' | 'jobs' | 'mail_deliveries', userId?: string) {
  let query = deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (userId && table !== 'jobs') query = query.where('user_id', '=', userId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

const emailJobs = (deps: TestDeps) =>
  deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'notifications.email').execute();

for (const dialect of DIALECTS) {
  describe(`${dialect}: notify`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('creates one notification and one email job per key, however often it is called', async () => {
      const person = await buildPerson(deps);
      const notice = await receivedNotice(deps, person.id);
      await notifyNow(deps, notice);
      await notifyNow(deps, notice);
      expect(await count(deps, 'notifications', person.id)).toBe(1);
      const jobs = await emailJobs(deps);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.idempotency_key).toBe(emailJobKey(notice.key));
    });

    it('creates nothing when the change’s transaction rolls back', async () => {
      const person = await buildPerson(deps);
      const notice = await receivedNotice(deps, person.id);
      const { notify } = await import('./notify.js');
      await expect(
        deps.db.transaction().execute(async (trx) => {
          await notify(trx, deps.clock, notice);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await count(deps, 'notifications', person.id)).toBe(0);
      expect(await emailJobs(deps)).toHaveLength(0);
    });

    it('follows the preferences: defaults both; email only; in the platform only; nothing', async () => {
      const person = await buildPerson(deps);
      const actor = actorOf(person);
      expect(await getPreferences(deps.db, deps, actor)).toEqual(
        NOTIFICATION_KINDS.map((kind) => ({ kind, label: expect.any(String), inApp: true, email: true })),
      );
      const set = (inApp: boolean, email: boolean) =>
        savePreferences(deps.db, deps, actor, {
          preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, inApp, email })),
        });
      const notice = (n: number) => ({
        recipientId: person.id,
        key: `place.confirmed:test:${n}`,
        event: {
          kind: 'place.confirmed' as const,
          enrolmentId: `e${n}`,
          editionId: `ed${n}`,
          fromWaitingList: false,
        },
      });
      await set(false, true);
      await notifyNow(deps, notice(1));
      expect([await count(deps, 'notifications', person.id), (await emailJobs(deps)).length]).toEqual([0, 1]);
      await set(true, false);
      await notifyNow(deps, notice(2));
      expect([await count(deps, 'notifications', person.id), (await emailJobs(deps)).length]).toEqual([1, 1]);
      await set(false, false);
      await notifyNow(deps, notice(3));
      expect([await count(deps, 'notifications', person.id), (await emailJobs(deps)).length]).toEqual([1, 1]);
      expect((await getPreferences(deps.db, deps, actor)).every((p) => !p.inApp && !p.email)).toBe(true);
    });

    it('refuses preferences that do not name every kind once', async () => {
      const person = await buildPerson(deps);
      await expect(
        savePreferences(deps.db, deps, actorOf(person), {
          preferences: [{ kind: 'place.confirmed', inApp: true, email: true }],
        }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      const twice = NOTIFICATION_KINDS.map(() => ({ kind: 'place.confirmed', inApp: true, email: true }));
      await expect(
        savePreferences(deps.db, deps, actorOf(person), { preferences: twice }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });

  describe(`${dialect}: the email job`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('sends once, in the recipient’s language, with the course title in that language and a link', async () => {
      const person = await buildPerson(deps, { locale: 'fr', fullName: 'Aïcha Diallo' });
      const edition = await buildTitledEdition(deps, '2027-03-01', '2027-03-20');
      const enrolmentId = await insertEnrolment(deps, edition.id, person.id);
      await notifyNow(deps, {
        recipientId: person.id,
        key: `place.confirmed:${enrolmentId}:1`,
        event: { kind: 'place.confirmed', enrolmentId, editionId: edition.id, fromWaitingList: true },
      });
      expect(await runJobsUntilIdle(deps, allJobHandlers())).toBe(1);
      expect(deps.mailer.sent).toHaveLength(1);
      const mail = deps.mailer.sent[0]!;
      expect(mail.to).toBe(person.email);
      expect(mail.language).toBe('fr');
      expect(mail.subject).toContain('Mesurer les migrations de main-d’œuvre');
      expect(mail.text).toContain('Bonjour Aïcha Diallo');
      expect(mail.text).toContain(`http://localhost:3000/editions/${edition.id}`);
      expect(mail.html).toContain('lang="fr"');
      expect(mail.messageId).toMatch(/^<[0-9a-f]{32}\.notification@localhost>$/);
      expect(await count(deps, 'mail_deliveries')).toBe(1);

      // A retry of the same job (an administrator's, or after a crash) sends nothing more.
      const { sendNotificationEmail } = await import('./send-notification-email.js');
      const [job] = await emailJobs(deps);
      expect(await sendNotificationEmail(deps.db, deps, JSON.parse(job!.payload_json))).toBe('already-sent');
      expect(deps.mailer.sent).toHaveLength(1);
    });

    it('sends nothing to a disabled person and still finishes the job', async () => {
      const person = await buildPerson(deps);
      await notifyNow(deps, await receivedNotice(deps, person.id));
      await deps.db
        .updateTable('users')
        .set({ disabled_at: deps.clock.now().toISOString() })
        .where('id', '=', person.id)
        .execute();
      await runJobsUntilIdle(deps, allJobHandlers());
      expect(deps.mailer.sent).toHaveLength(0);
      expect((await emailJobs(deps))[0]?.status).toBe('succeeded');
    });
  });

  describe(`${dialect}: the bell's list`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('lists only one’s own, newest first, paged; marks read only one’s own', async () => {
      const ana = await buildPerson(deps);
      const ben = await buildPerson(deps);
      for (let n = 0; n < 23; n += 1) {
        deps.clock.advance(1000);
        await notifyNow(deps, {
          recipientId: ana.id,
          key: `waitlist.moved:x:${n}`,
          event: { kind: 'waitlist.moved', enrolmentId: 'e', editionId: 'ed', position: n + 1 },
        });
      }
      await notifyNow(deps, await receivedNotice(deps, ben.id));
      const first = await listNotifications(deps.db, deps, actorOf(ana), { page: 1 });
      expect([first.total, first.pageCount, first.unreadCount, first.items.length]).toEqual([23, 2, 23, 20]);
      expect(first.items[0]?.notice.event).toMatchObject({ position: 23 });
      const second = await listNotifications(deps.db, deps, actorOf(ana), { page: 2 });
      expect(second.items.map((i) => (i.notice.event as unknown as { position: number }).position)).toEqual([
        3, 2, 1,
      ]);

      const benItems = (await listNotifications(deps.db, deps, actorOf(ben), { page: 1 })).items;
      expect(benItems).toHaveLength(1);
      // Ana cannot mark (nor open) Ben's notification.
      expect(await markNotificationsRead(deps.db, deps, actorOf(ana), { ids: [benItems[0]!.id] })).toEqual({
        marked: 0,
        unreadCount: 23,
      });
      await expect(openNotification(deps.db, deps, actorOf(ana), benItems[0]!.id)).rejects.toMatchObject({
        code: 'not_found',
      });
      expect((await listNotifications(deps.db, deps, actorOf(ben), { page: 1 })).unreadCount).toBe(1);

      expect(await markNotificationsRead(deps.db, deps, actorOf(ana), { ids: [first.items[0]!.id] })).toEqual(
        {
          marked: 1,
          unreadCount: 22,
        },
      );
      expect(await openNotification(deps.db, deps, actorOf(ben), benItems[0]!.id)).toMatch(
        /^\/my\/applications\//,
      );
      expect(await markNotificationsRead(deps.db, deps, actorOf(ana), { all: true })).toEqual({
        marked: 22,
        unreadCount: 0,
      });
      expect((await listNotifications(deps.db, deps, actorOf(ben), { page: 1 })).unreadCount).toBe(0);
    });

    it('refuses anonymous callers', async () => {
      await expect(
        listNotifications(deps.db, deps, { kind: 'anonymous' }, { page: 1 }),
      ).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(
        markNotificationsRead(deps.db, deps, { kind: 'anonymous' }, { all: true }),
      ).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });
  });

  describe(`${dialect}: reminders`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect); // today: 2026-11-28
    });
    afterEach(async () => {
      await deps.close();
    });

    it('reminds confirmed places of editions starting within 7 days, once each', async () => {
      const person = await buildPerson(deps);
      const other = await buildPerson(deps);
      const inSeven = await buildTitledEdition(deps, '2026-12-05', '2026-12-20');
      const inEight = await buildTitledEdition(deps, '2026-12-06', '2026-12-20');
      const started = await buildTitledEdition(deps, '2026-11-28', '2026-12-20');
      const reminded = await insertEnrolment(deps, inSeven.id, person.id);
      await insertEnrolment(deps, inSeven.id, other.id, 'withdrawn');
      await insertEnrolment(deps, inEight.id, person.id);
      await insertEnrolment(deps, started.id, person.id);
      expect(await sendReminders(deps.db, deps, '2026-11-28')).toMatchObject({ startsSoon: 1 });
      const rows = await deps.db.selectFrom('notifications').selectAll().execute();
      expect(rows.map((r) => [r.user_id, r.kind, JSON.parse(r.event_json).enrolmentId])).toEqual([
        [person.id, 'edition.starts-soon', reminded],
      ]);
      // The next day (and again the same day) nothing new for that place; the 8-day one now is due.
      await sendReminders(deps.db, deps, '2026-11-28');
      await sendReminders(deps.db, deps, '2026-11-29');
      expect(await count(deps, 'notifications', person.id)).toBe(2);
      expect((await emailJobs(deps)).length).toBe(2);
    });

    it('reminds drafts whose programme closes within 3 days, not submitted ones', async () => {
      const drafter = await buildPerson(deps, { locale: 'es' });
      const submitter = await buildPerson(deps);
      const draft = await insertApplication(deps, drafter.id, 'draft');
      await insertApplication(deps, submitter.id, 'submitted');
      await setClosingDay(deps, draft.programmeId, '2026-12-02');
      expect(await sendReminders(deps.db, deps, '2026-11-28')).toMatchObject({ deadlineSoon: 0 });
      expect(await sendReminders(deps.db, deps, '2026-11-29')).toMatchObject({ deadlineSoon: 1 });
      await sendReminders(deps.db, deps, '2026-11-30');
      const rows = await deps.db.selectFrom('notifications').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ user_id: drafter.id, kind: 'application.deadline-soon' });
      await runJobsUntilIdle(deps, allJobHandlers());
      expect(deps.mailer.sent).toHaveLength(1);
      expect(deps.mailer.sent[0]?.subject).toContain('Diploma in Testing'); // no Spanish title: fallback
      expect(deps.mailer.sent[0]?.text).toContain('2 de diciembre de 2026');
    });
  });
}
