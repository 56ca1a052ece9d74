import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseSnapshot } from '../../test/helpers/database-snapshot.js';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson, buildProgramme } from '../../test/helpers/factories.js';
import { createTestApp } from '../../test/helpers/http.js';
import { Client, signedIn, tokenOf, webPostRoutes } from '../../test/helpers/http-extra.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';
import { translator } from '../i18n/i18n.js';
import { runJobsUntilIdle } from '../jobs/runner.js';
import { newId } from '../kernel/ids.js';
import { IDENTITY_JOBS } from '../modules/identity/identity-jobs.js';
import { requestPasswordReset } from '../modules/identity/passwords/request-password-reset.js';

/**
 * CSRF: every state-changing web form refuses a POST without a token, with a made-up token, with another
 * browser's token, or from a browser that never loaded a form, and nothing changes; the same POST with
 * the right token then succeeds (so the refusal above was the CSRF check, not something else).
 */

for (const dialect of DIALECTS) {
  describe(`${dialect}: CSRF on every state-changing form`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    const snapshot = () => databaseSnapshot(deps);

    /** The refusals every POST route must give without the right token; nothing may change. */
    async function expectRefused(browser: Client, url: string, fields: Record<string, string | string[]>) {
      const stranger = new Client(app);
      const strangersToken = await stranger.csrf();
      const freshBrowser = new Client(app);
      const message = translator('en').t('errors.csrf_invalid');
      const before = await snapshot();
      const attempts = [
        await browser.post(url, fields),
        await browser.post(url, { ...fields, _csrf: 'made-up-token' }),
        await browser.post(url, { ...fields, _csrf: strangersToken }),
        await browser.post(url, { ...fields, _csrf: '' }),
        await freshBrowser.post(url, { ...fields, _csrf: strangersToken }),
      ];
      for (const [i, response] of attempts.entries()) {
        expect(response.statusCode, `${url} attempt ${i}`).toBe(403);
        expect(response.body, `${url} attempt ${i}`).toContain(message);
      }
      expect(await snapshot(), url).toBe(before);
    }

    it('protects every web POST route, and each one works with the right token', async () => {
      const { browser, person } = await signedIn(app, deps, ['manager', 'administrator']);
      await buildProgramme(deps);
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code);
      const target = await buildPerson(deps);
      const resetFor = await buildPerson(deps);
      await requestPasswordReset(deps.db, deps, { email: resetFor.email }, { ip: null });
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      const resetToken = deps.mailer.sent.at(-1)!.text.match(/\/password\/reset\/(\S+)/)![1]!;
      await tokenOf(deps, person);
      const tokenId = (
        await deps.db
          .selectFrom('api_tokens')
          .select('id')
          .where('user_id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).id;
      const password = person.password;
      const newPassword = 'another long passphrase';
      const courseForm = {
        code: course.code,
        'title.en': 'Renamed course',
        learningHours: '30',
        credentialOnSuccess: 'participation',
        themes: 'rights',
      };
      const editionForm = {
        language: 'fr',
        mode: 'online',
        liveStart: '2027-05-01',
        liveEnd: '2027-05-20',
        registrationOpen: 'on',
        status: 'scheduled',
      };
      // In an order where each succeeds when sent with the right token (sign-out last).
      const forms: [string, Record<string, string | string[]>][] = [
        [
          '/sign-up',
          { fullName: 'New Person', email: 'csrf-new@example.org', password, preferredLocale: 'en' },
        ],
        ['/sign-in', { email: person.email, password }],
        ['/password/forgot', { email: person.email }],
        [`/password/reset/${resetToken}`, { password: newPassword }],
        ['/account/profile', { fullName: 'Renamed Person', preferredLocale: 'fr' }],
        ['/account/email', { newEmail: 'csrf-moved@example.org', currentPassword: password }],
        ['/account/tokens', { name: 'csrf token' }],
        [`/account/tokens/${tokenId}/revoke`, {}],
        [`/admin/people/${target.id}/roles`, { roles: ['participant', 'assessor'] }],
        ['/manage/courses/new', { ...courseForm, code: 'CSRFNEW1' }],
        [`/manage/courses/${course.code}/edit`, courseForm],
        [`/manage/courses/${course.code}/editions/new`, editionForm],
        [`/manage/editions/${edition.id}/edit`, { ...editionForm, language: 'es' }],
        [`/manage/courses/${course.code}/retire`, {}],
        [`/manage/courses/${course.code}/reactivate`, {}],
        [
          '/manage/programmes/labour-migration/edit',
          {
            'title.en': 'Renamed diploma',
            'summary.en': 'Changed.',
            windowYears: '4',
            electivesRequired: '3',
            totalHours: '300',
            capstoneHours: '40',
          },
        ],
        ['/manage/themes/rights/edit', { 'name.en': 'Renamed theme' }],
        ['/account/password', { currentPassword: password, newPassword }],
        ['/sign-out', {}],
      ];

      // The forms above cover these routes; any other POST route (a newer module's forms) is checked below
      // for the refusals only, with made-up ids (the token is checked before anything is looked up).
      const pattern = (url: string) =>
        url
          .replace(course.code, ':code')
          .replace(edition.id, ':id')
          .replace(target.id, ':id')
          .replace(tokenId, ':id')
          .replace(resetToken, ':token')
          .replace('labour-migration', ':slug')
          .replace('/themes/rights/', '/themes/:slug/');
      const covered = forms.map(([url]) => pattern(url)).sort();
      const routes = webPostRoutes(app);
      expect(routes).toEqual(expect.arrayContaining(covered));
      expect(routes.length).toBeGreaterThanOrEqual(19);

      for (const [url, fields] of forms) await expectRefused(browser, url, fields);
      // The SCORM player's commits carry the attempt's own secret key (issued to that person's player page)
      // instead of a form token: without it they are refused as not found (packages.http.test.ts).
      const ownSecret = ['/packages/attempts/:attemptId/commit'];
      for (const route of routes.filter((r) => !covered.includes(r) && !ownSecret.includes(r))) {
        const url = route
          .replace(':id', edition.id)
          .replace(':code', course.code)
          .replace(':slug', 'labour-migration')
          .replace(':token', 'x')
          // Any other parameter (e.g. `:reviewerId`): a made-up id.
          .replace(/:\w+/g, newId());
        expect(url, route).not.toContain(':');
        await expectRefused(browser, url, { name: 'x', email: 'x@example.org' });
      }

      for (const [url, fields] of forms) {
        const before = await snapshot();
        // The reset form signs its browser out: send it from another one.
        const sender = url.startsWith('/password/reset/') ? new Client(app) : browser;
        const response = await sender.send(url, fields);
        expect([201, 303], `${url}: ${response.statusCode} ${response.body.slice(0, 200)}`).toContain(
          response.statusCode,
        );
        expect(await snapshot(), url).not.toBe(before);
      }
    }, 120_000);
  });
}
