import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { api, createTestApp } from '../../test/helpers/http.js';
import { Client, signedIn, tokenOf } from '../../test/helpers/http-extra.js';
import { notifyNow, receivedNotice } from '../../test/helpers/notification-factories.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';
import { tableRevisionsOf } from '../db/database.js';
import { translator } from '../i18n/i18n.js';
import { SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS } from '../modules/identity/account/account.js';
import { setRoles } from '../modules/identity/people.js';

/**
 * The session, the person, their roles and the bell's count are read in one statement per request and kept
 * nowhere: every change below shows on the very next request.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: what a signed-in request knows is read afresh each time`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    const bell = (count: number) => translator('en').t('notifications.bell', { count });
    const signInPage = (location: unknown) => String(location).startsWith('/sign-in');

    it('ends the session on the next request once it expires or its person is disabled', async () => {
      const expiring = await signedIn(app, deps);
      const disabled = await signedIn(app, deps);
      expect((await expiring.browser.get('/account')).statusCode).toBe(200);
      expect((await disabled.browser.get('/account')).statusCode).toBe(200);

      await deps.db
        .updateTable('users')
        .set({ disabled_at: deps.clock.now().toISOString() })
        .where('id', '=', disabled.person.id)
        .execute();
      const refused = await disabled.browser.get('/account');
      expect(refused.statusCode).toBe(303);
      expect(signInPage(refused.headers.location)).toBe(true);
      expect((await expiring.browser.get('/account')).statusCode).toBe(200);

      deps.clock.advance(SESSION_TTL_MS + 1000);
      const expired = await expiring.browser.get('/account');
      expect(expired.statusCode).toBe(303);
      expect(signInPage(expired.headers.location)).toBe(true);
    });

    it('applies a revoked or granted role on the next request, by session and by API token', async () => {
      const admin = await signedIn(app, deps, ['administrator']);
      const adminActor = {
        kind: 'user' as const,
        id: admin.person.id,
        roles: admin.person.roles,
        via: 'session' as const,
      };
      const { browser, person } = await signedIn(app, deps, ['manager']);
      const token = await tokenOf(deps, person);
      expect((await browser.get('/admin/people')).statusCode).toBe(200);
      expect((await api(app, 'GET', '/api/v1/people', { token })).statusCode).toBe(200);

      await setRoles(deps.db, deps, adminActor, person.id, { roles: ['participant'] });
      expect((await browser.get('/admin/people')).statusCode).toBe(403);
      expect((await api(app, 'GET', '/api/v1/people', { token })).statusCode).toBe(403);

      await setRoles(deps.db, deps, adminActor, person.id, { roles: ['participant', 'manager'] });
      expect((await browser.get('/admin/people')).statusCode).toBe(200);
      expect((await api(app, 'GET', '/api/v1/people', { token })).statusCode).toBe(200);
    });

    it('counts the bell afresh on each page: a new notification, then reading them all', async () => {
      const { browser, person } = await signedIn(app, deps);
      expect((await browser.get('/courses')).body).toContain(bell(0));
      const notice = await receivedNotice(deps, person.id);
      await notifyNow(deps, notice);
      expect((await browser.get('/courses')).body).toContain(bell(1));
      await notifyNow(deps, { ...notice, key: `${notice.key}:again` });
      expect((await browser.get('/account')).body).toContain(bell(2));
      expect((await browser.send('/notifications/read-all')).statusCode).toBe(303);
      expect((await browser.get('/courses')).body).toContain(bell(0));
    });

    it.runIf(dialect === 'sqlite')('reads the session, the roles and the bell in one statement', async () => {
      const { browser } = await signedIn(app, deps);
      const visitor = new Client(app);
      const statement = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<
        string,
        (...args: unknown[]) => unknown
      >;
      const originals = new Map(['all', 'run', 'get', 'iterate'].map((m) => [m, statement[m]!]));
      let count = 0;
      for (const [method, original] of originals)
        statement[method] = function (this: unknown, ...args: unknown[]) {
          count += 1;
          return original.apply(this, args);
        };
      const statementsOf = async (client: Client) => {
        await client.get('/courses');
        count = 0;
        expect((await client.get('/courses')).statusCode).toBe(200);
        return count;
      };
      try {
        expect(await statementsOf(browser)).toBe((await statementsOf(visitor)) + 1);
      } finally {
        for (const [method, original] of originals) statement[method] = original;
      }
    });

    it('writes the session’s last use at most once per interval, sliding its end', async () => {
      const { browser, person } = await signedIn(app, deps);
      const session = () =>
        deps.db
          .selectFrom('sessions')
          .select(['last_seen_at', 'expires_at'])
          .where('user_id', '=', person.id)
          .executeTakeFirstOrThrow();
      const signedInAt = await session();
      const revisions = tableRevisionsOf(deps.db);
      expect(revisions).not.toBeNull();
      const stamp = revisions?.stamp(['sessions']);
      deps.clock.advance(SESSION_TOUCH_INTERVAL_MS - 1000);
      for (let i = 0; i < 3; i += 1) expect((await browser.get('/account')).statusCode).toBe(200);
      expect(revisions?.stamp(['sessions'])).toBe(stamp);
      expect(await session()).toEqual(signedInAt);

      deps.clock.advance(2000);
      expect((await browser.get('/account')).statusCode).toBe(200);
      const touched = await session();
      expect(touched.last_seen_at).toBe(deps.clock.now().toISOString());
      expect(touched.expires_at).toBe(new Date(deps.clock.now().getTime() + SESSION_TTL_MS).toISOString());
      const afterTouch = revisions?.stamp(['sessions']);
      expect(afterTouch).not.toBe(stamp);
      expect((await browser.get('/account')).statusCode).toBe(200);
      expect(revisions?.stamp(['sessions'])).toBe(afterTouch);
    });
  });
}
