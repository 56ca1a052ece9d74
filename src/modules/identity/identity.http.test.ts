import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, fieldError, signedIn, tokenOf } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { runJobsUntilIdle } from '../../jobs/runner.js';
import { hashSecret } from '../../kernel/ids.js';
import { IDENTITY_JOBS } from './identity-jobs.js';
import { findUserByEmail } from './users.repository.js';

/** Web routes of sign-up, email confirmation, sign-in, sign-out and password reset. */

const fr = translator('fr');
const en = translator('en');
let counter = 0;
const freshEmail = () => `web-${Date.now().toString(36)}-${++counter}@example.org`;

for (const dialect of DIALECTS) {
  describe(`${dialect}: identity web — sign-up, sign-in, reset`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    const mailsTo = (to: string) => deps.mailer.sent.filter((m) => m.to === to);
    const linkTo = (to: string, path: string) => {
      const match = mailsTo(to)
        .at(-1)
        ?.text.match(new RegExp(`${path}(\\S+)`));
      if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
      return match[1];
    };
    /** A browser whose pages are in French (the language cookie). */
    const frenchBrowser = async () => {
      const browser = new Client(app);
      await browser.get('/lang/fr?next=/');
      return browser;
    };

    it('shows the sign-up form in the visitor language', async () => {
      const response = await app.inject({ url: '/sign-up', headers: { 'accept-language': 'es' } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<html lang="es"');
      expect(response.body).toContain('action="/sign-up"');
      expect(response.body).toContain(translator('es').t('signUp.title'));
    });

    it('refuses an invalid sign-up with messages next to the fields in the page language, creating nothing', async () => {
      const browser = await frenchBrowser();
      const users = await countRows(deps, 'users');
      const response = await browser.send('/sign-up', {
        fullName: '   ',
        email: 'pas-une-adresse',
        password: 'court',
        preferredLocale: 'fr',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldError(response.body, 'fullName')).toBe(fr.t('validation.required'));
      expect(fieldError(response.body, 'email')).toBe(fr.t('validation.invalidEmail'));
      expect(fieldError(response.body, 'password')).toBe(fr.t('validation.passwordTooShort', { min: 10 }));
      expect(response.body).toContain('value="pas-une-adresse"');
      expect(response.body).not.toContain('value="court"');
      expect(await countRows(deps, 'users')).toBe(users);
      expect(deps.mailer.sent.filter((m) => m.to === 'pas-une-adresse')).toEqual([]);
    });

    it('signs up, then answers a taken address the same way, and confirms the address by link once', async () => {
      const email = freshEmail();
      const fields = { fullName: 'Amina Diallo', email, password: TEST_PASSWORD, preferredLocale: 'fr' };
      const first = await new Client(app).send('/sign-up', fields);
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toBe('/sign-up/sent');
      const users = await countRows(deps, 'users');
      const again = await new Client(app).send('/sign-up', { ...fields, fullName: 'Someone Else' });
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe('/sign-up/sent');
      expect(await countRows(deps, 'users')).toBe(users);
      expect(mailsTo(email).map((m) => m.subject)).toEqual([
        fr.t('mail.confirmEmail.subject'),
        fr.t('mail.accountExists.subject'),
      ]);
      expect((await app.inject('/sign-up/sent')).statusCode).toBe(200);

      const bad = await app.inject({
        url: '/confirm-email/not-a-real-token',
        headers: { 'accept-language': 'fr' },
      });
      expect(bad.statusCode).toBe(410);
      expect(bad.body).toContain(fr.t('errors.token_invalid'));
      expect((await findUserByEmail(deps.db, email))!.email_verified_at).toBeNull();
      // The confirmation link came with the first mail (the second only says the account exists).
      expect(mailsTo(email)[1]!.text).not.toContain('/confirm-email/');
      const confirm = mailsTo(email)[0]!.text.match(/\/confirm-email\/(\S+)/)![1]!;
      expect((await app.inject(`/confirm-email/${confirm}`)).statusCode).toBe(200);
      expect((await findUserByEmail(deps.db, email))!.email_verified_at).not.toBeNull();
      expect((await app.inject(`/confirm-email/${confirm}`)).statusCode).toBe(410);
    });

    it('signs in and returns to a same-site `next` only', async () => {
      const person = await buildPerson(deps);
      const browser = new Client(app);
      const page = await browser.get('/sign-in?next=%2Fcourses');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="next" value="/courses"');
      const response = await browser.send('/sign-in', {
        email: person.email,
        password: TEST_PASSWORD,
        next: '/courses',
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/courses');
      const signedInPage = await browser.get('/sign-in?next=/manage');
      expect(signedInPage.statusCode).toBe(303);
      expect(signedInPage.headers.location).toBe('/manage');
      for (const next of ['//evil.com/x', 'https://evil.com', '/\t/evil.com']) {
        const other = new Client(app);
        const attempt = await other.send('/sign-in', { email: person.email, password: TEST_PASSWORD, next });
        expect(attempt.statusCode, next).toBe(303);
        expect(attempt.headers.location, next).toBe('/');
      }
    });

    it('refuses wrong credentials with one generic 401 message, and empty fields with 400', async () => {
      const person = await buildPerson(deps);
      const browser = await frenchBrowser();
      const sessions = await countRows(deps, 'sessions');
      const wrong = await browser.send('/sign-in', { email: person.email, password: 'not the password' });
      const unknown = await browser.send('/sign-in', { email: freshEmail(), password: TEST_PASSWORD });
      for (const response of [wrong, unknown]) {
        expect(response.statusCode).toBe(401);
        expect(response.body).toContain(fr.t('errors.invalid_credentials'));
        expect(response.headers['set-cookie'] ?? '').not.toContain('dp_session');
      }
      const empty = await browser.send('/sign-in', { email: '', password: '' });
      expect(empty.statusCode).toBe(400);
      expect(fieldError(empty.body, 'email')).toBe(fr.t('validation.required'));
      expect(fieldError(empty.body, 'password')).toBe(fr.t('validation.required'));
      expect(await countRows(deps, 'sessions')).toBe(sessions);
    });

    it('tells an unconfirmed person (403) and mails a new link', async () => {
      const email = freshEmail();
      await new Client(app).send('/sign-up', {
        fullName: 'Kenji Sato',
        email,
        password: TEST_PASSWORD,
        preferredLocale: 'en',
      });
      const response = await new Client(app).send('/sign-in', { email, password: TEST_PASSWORD });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain(en.t('errors.email_unconfirmed'));
      expect(mailsTo(email)).toHaveLength(2);
    });

    it('backs off after 5 failures with 429 and Retry-After, even for the right password', async () => {
      const person = await buildPerson(deps);
      const browser = new Client(app);
      for (let i = 0; i < 5; i++) {
        expect(
          (await browser.send('/sign-in', { email: person.email, password: `wrong ${i}` })).statusCode,
        ).toBe(401);
      }
      const locked = await browser.send('/sign-in', { email: person.email, password: TEST_PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('60');
      expect(locked.body).toContain(en.t('errors.too_many_attempts', { minutes: 1 }));
      expect(browser.jar.get('dp_session')).toBeUndefined();
      deps.clock.advance(61_000);
      expect(
        (await browser.send('/sign-in', { email: person.email, password: TEST_PASSWORD })).statusCode,
      ).toBe(303);
    });

    it('limits sign-in and mail forms per client address (429 with Retry-After), whatever the account', async () => {
      const browser = new Client(app);
      for (let i = 0; i < 20; i++) {
        expect((await browser.send('/sign-in', { email: '', password: '' })).statusCode).toBe(400);
      }
      const limited = await browser.send('/sign-in', { email: '', password: '' });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.body).toContain(en.t('errors.too_many_attempts', { minutes: 1 }));
      const mailer = new Client(app);
      for (let i = 0; i < 10; i++) await mailer.send('/password/forgot', { email: 'not an address' });
      const users = await countRows(deps, 'users');
      const signUp = await mailer.send('/sign-up', {
        fullName: 'Rate Limited',
        email: freshEmail(),
        password: TEST_PASSWORD,
        preferredLocale: 'en',
      });
      expect((await mailer.send('/password/forgot', { email: freshEmail() })).statusCode).toBe(429);
      // Each form has its own budget: sign-up was not yet limited, and still created the account.
      expect(signUp.statusCode).toBe(303);
      expect(await countRows(deps, 'users')).toBe(users + 1);
      // Another address is not affected.
      expect((await new Client(app).send('/sign-in', { email: '', password: '' })).statusCode).toBe(400);
    });

    it('signs out: the cookie is cleared and the session ends on the server', async () => {
      const { browser, person } = await signedIn(app, deps);
      const session = browser.jar.get('dp_session')!;
      const response = await browser.send('/sign-out');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/');
      expect(browser.jar.get('dp_session')).toBeUndefined();
      const rows = await deps.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', person.id)
        .execute();
      expect(rows.map((r) => r.id)).not.toContain(hashSecret(session));
      const replay = await app.inject({ url: '/account', headers: { cookie: `dp_session=${session}` } });
      expect(replay.statusCode).toBe(303);
      expect(replay.headers.location).toBe('/sign-in?next=%2Faccount');
    });

    it('answers the forgotten-password form the same for known and unknown addresses', async () => {
      const person = await buildPerson(deps);
      const unknown = freshEmail();
      expect((await app.inject('/password/forgot')).statusCode).toBe(200);
      for (const email of [person.email, unknown]) {
        const response = await new Client(app).send('/password/forgot', { email });
        expect(response.statusCode, email).toBe(303);
        expect(response.headers.location, email).toBe('/password/forgot/sent');
      }
      // The link is mailed by a job, after the answer (the answer is the same either way).
      expect(mailsTo(person.email)).toEqual([]);
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(mailsTo(person.email)).toHaveLength(1);
      expect(mailsTo(unknown)).toEqual([]);
      const invalid = await (await frenchBrowser()).send('/password/forgot', { email: 'nope' });
      expect(invalid.statusCode).toBe(400);
      expect(fieldError(invalid.body, 'email')).toBe(fr.t('validation.invalidEmail'));
      expect((await app.inject('/password/forgot/sent')).statusCode).toBe(200);
    });

    it('revokes the API tokens on reset and says so in the page language; the old token stops working', async () => {
      const person = await buildPerson(deps, { locale: 'es' });
      const token = await tokenOf(deps, person);
      const me = () => app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect((await me()).statusCode).toBe(200);
      await new Client(app).send('/password/forgot', { email: person.email });
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      const browser = await frenchBrowser();
      const done = await browser.send(`/password/reset/${linkTo(person.email, '/password/reset/')}`, {
        password: 'a much better passphrase',
      });
      expect(done.statusCode).toBe(303);
      expect((await browser.get('/sign-in')).body).toContain(fr.t('flash.passwordResetTokensRevoked'));
      expect((await me()).statusCode).toBe(401);
      expect(mailsTo(person.email).at(-1)!.text).toContain(
        translator('es').t('mail.passwordChanged.tokensRevoked', { count: 1 }),
      );
    });

    it('resets a password from a live link only; a short password is refused and spends nothing', async () => {
      const person = await buildPerson(deps);
      await new Client(app).send('/password/forgot', { email: person.email });
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      const token = linkTo(person.email, '/password/reset/');
      const invalid = await app.inject({
        url: '/password/reset/made-up',
        headers: { 'accept-language': 'es' },
      });
      expect(invalid.statusCode).toBe(410);
      expect(invalid.body).toContain(translator('es').t('errors.token_invalid'));
      const browser = await frenchBrowser();
      const form = await browser.get(`/password/reset/${token}`);
      expect(form.statusCode).toBe(200);
      const before = (await findUserByEmail(deps.db, person.email))!.password_hash;
      const short = await browser.send(`/password/reset/${token}`, { password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(fieldError(short.body, 'password')).toBe(fr.t('validation.passwordTooShort', { min: 10 }));
      expect((await findUserByEmail(deps.db, person.email))!.password_hash).toBe(before);
      expect((await browser.get(`/password/reset/${token}`)).statusCode).toBe(200);

      const done = await browser.send(`/password/reset/${token}`, { password: 'a much better passphrase' });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/sign-in');
      expect((await browser.get('/sign-in')).body).toContain(fr.t('flash.passwordReset'));
      expect((await findUserByEmail(deps.db, person.email))!.password_hash).not.toBe(before);
      expect((await browser.get(`/password/reset/${token}`)).statusCode).toBe(410);
      const reused = await browser.send(`/password/reset/${token}`, { password: 'yet another passphrase' });
      expect(reused.statusCode).toBe(410);
      expect((await app.inject('/confirm-email-change/made-up')).statusCode).toBe(410);
    });
  });
}
