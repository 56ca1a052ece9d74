import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import type { MailMessage } from '../../integrations/mail.js';
import { runJobsUntilIdle } from '../../jobs/runner.js';
import { listAuditEvents } from '../../kernel/audit.js';
import { hashSecret } from '../../kernel/ids.js';
import { CONFIRM_EMAIL_TTL_MS, PASSWORD_RESET_TTL_MS, SESSION_TTL_MS } from './account/account.js';
import { confirmEmail } from './account/confirm-email.js';
import { signUp } from './account/sign-up.js';
import { IDENTITY_JOBS } from './identity-jobs.js';
import { requestPasswordReset } from './passwords/request-password-reset.js';
import { isPasswordResetTokenValid, resetPassword } from './passwords/reset-password.js';
import { authenticateSession } from './sign-in/authenticate.js';
import { signIn } from './sign-in/sign-in.js';
import { findUserByEmail, listRoles } from './users.repository.js';

/** Sign-up, email confirmation, sign-in with its back-off, and password reset, against a real database. */

const CLIENT = { ip: '192.0.2.1', userAgent: 'vitest' };
const NEW_PASSWORD = 'a brand new passphrase';
let counter = 0;
const freshEmail = () => `new-${Date.now().toString(36)}-${++counter}@example.org`;

/** The mails sent to `to`, oldest first. */
const mailsTo = (deps: TestDeps, to: string): MailMessage[] => deps.mailer.sent.filter((m) => m.to === to);
/** The secret of the last link of `path` (e.g. '/confirm-email/') mailed to `to`. */
function lastLink(deps: TestDeps, to: string, path: string): string {
  const mail = mailsTo(deps, to).findLast((m) => m.text.includes(path));
  const match = mail?.text.match(new RegExp(`${path}(\\S+)`));
  if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
  return match[1];
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

for (const dialect of DIALECTS) {
  describe(`${dialect}: identity — sign-up, confirmation, sign-in, password reset`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    /** Asks for a reset link as the form does, then lets the job that mails it run. */
    const askReset = async (email: string, client = CLIENT) => {
      await requestPasswordReset(deps.db, deps, { email }, client);
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
    };

    const signUpInput = (email: string, extra: Record<string, unknown> = {}) => ({
      fullName: '  Nguyễn   Thị Minh ',
      email,
      password: TEST_PASSWORD,
      preferredLocale: 'fr',
      ...extra,
    });
    const countUsers = async () =>
      Number(
        (
          await deps.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('signs up an unconfirmed participant with an argon2id hash and mails a confirmation link', async () => {
      const email = freshEmail();
      await signUp(deps.db, deps, signUpInput(email.toUpperCase()));
      const user = await findUserByEmail(deps.db, email);
      expect(user).toBeDefined();
      expect(user!.full_name).toBe('Nguyễn Thị Minh');
      expect(user!.email_verified_at).toBeNull();
      expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(user!.password_hash).not.toContain(TEST_PASSWORD);
      expect(await listRoles(deps.db, user!.id)).toEqual(['participant']);
      const [mail] = mailsTo(deps, email);
      expect(mail?.subject).toBe(translator('fr').t('mail.confirmEmail.subject'));
      expect(mail?.language).toBe('fr');
      const token = lastLink(deps, email, '/confirm-email/');
      const stored = await deps.db
        .selectFrom('one_time_tokens')
        .selectAll()
        .where('user_id', '=', user!.id)
        .execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).toBe(hashSecret(token));
      expect(JSON.stringify(stored)).not.toContain(token);
      expect((await listAuditEvents(deps.db, 'user', user!.id)).map((a) => a.action)).toEqual([
        'user.signed-up',
      ]);
    });

    it('answers the same for a taken address, creates nothing and tells the owner', async () => {
      const owner = await buildPerson(deps, { locale: 'es' });
      const users = await countUsers();
      const sentBefore = deps.mailer.sent.length;
      await expect(signUp(deps.db, deps, signUpInput(owner.email.toUpperCase()))).resolves.toBeUndefined();
      expect(await countUsers()).toBe(users);
      expect(deps.mailer.sent).toHaveLength(sentBefore + 1);
      const mail = deps.mailer.sent.at(-1)!;
      expect(mail.to).toBe(owner.email);
      expect(mail.subject).toBe(translator('es').t('mail.accountExists.subject'));
      expect(mail.text).not.toContain('/confirm-email/');
      const row = await findUserByEmail(deps.db, owner.email);
      expect(row!.full_name).not.toBe('Nguyễn Thị Minh');
    });

    it('refuses invalid sign-up input with field errors and creates nothing', async () => {
      const users = await countUsers();
      const error = await failure(
        signUp(deps.db, deps, {
          fullName: ' ',
          email: 'not-an-email',
          password: 'short',
          preferredLocale: 'de',
        }),
      );
      expect(error).toMatchObject({ code: 'validation_failed' });
      const fields = (error as { fields: { path: string; key: string }[] }).fields;
      expect(Object.fromEntries(fields.map((f) => [f.path, f.key]))).toEqual({
        fullName: 'validation.required',
        email: 'validation.invalidEmail',
        password: 'validation.passwordTooShort',
        preferredLocale: 'validation.invalidChoice',
      });
      expect(await countUsers()).toBe(users);
    });

    it('confirms an email once; the link dies after use and after 48 hours', async () => {
      const email = freshEmail();
      await signUp(deps.db, deps, signUpInput(email));
      const token = lastLink(deps, email, '/confirm-email/');
      const { userId } = await confirmEmail(deps.db, deps, token);
      expect((await findUserByEmail(deps.db, email))!.email_verified_at).toBe(deps.clock.now().toISOString());
      await expect(confirmEmail(deps.db, deps, token)).rejects.toMatchObject({ code: 'token_invalid' });
      await expect(confirmEmail(deps.db, deps, 'made-up-token')).rejects.toMatchObject({
        code: 'token_invalid',
      });
      expect((await listAuditEvents(deps.db, 'user', userId)).map((a) => a.action)).toContain(
        'user.email-confirmed',
      );

      const late = freshEmail();
      await signUp(deps.db, deps, signUpInput(late));
      const lateToken = lastLink(deps, late, '/confirm-email/');
      deps.clock.advance(CONFIRM_EMAIL_TTL_MS + 1000);
      await expect(confirmEmail(deps.db, deps, lateToken)).rejects.toMatchObject({ code: 'token_invalid' });
      expect((await findUserByEmail(deps.db, late))!.email_verified_at).toBeNull();
    });

    it('gives the same error for a wrong password and an unknown email; a disabled account cannot sign in', async () => {
      const person = await buildPerson(deps);
      const wrong = await failure(
        signIn(deps.db, deps, { email: person.email, password: 'not the password' }, CLIENT),
      );
      const unknown = await failure(
        signIn(deps.db, deps, { email: freshEmail(), password: TEST_PASSWORD }, CLIENT),
      );
      expect(wrong).toMatchObject({ code: 'invalid_credentials', params: {} });
      expect(unknown).toMatchObject({ code: 'invalid_credentials', params: {} });
      await deps.db
        .updateTable('users')
        .set({ disabled_at: deps.clock.now().toISOString() })
        .where('id', '=', person.id)
        .execute();
      await expect(
        signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
      const sessions = await deps.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(sessions).toEqual([]);
    });

    it('refuses an unconfirmed account with the right password and mails a new link (the old one dies)', async () => {
      const email = freshEmail();
      await signUp(deps.db, deps, signUpInput(email));
      const first = lastLink(deps, email, '/confirm-email/');
      await expect(signIn(deps.db, deps, { email, password: TEST_PASSWORD }, CLIENT)).rejects.toMatchObject({
        code: 'email_unconfirmed',
      });
      expect(mailsTo(deps, email)).toHaveLength(2);
      const second = lastLink(deps, email, '/confirm-email/');
      expect(second).not.toBe(first);
      await expect(confirmEmail(deps.db, deps, first)).rejects.toMatchObject({ code: 'token_invalid' });
      await confirmEmail(deps.db, deps, second);
      await expect(signIn(deps.db, deps, { email, password: TEST_PASSWORD }, CLIENT)).resolves.toMatchObject({
        sessionToken: expect.any(String),
      });
      // A wrong password on an unconfirmed account reveals nothing and sends nothing.
      const other = freshEmail();
      await signUp(deps.db, deps, signUpInput(other));
      await expect(
        signIn(deps.db, deps, { email: other, password: 'wrong password' }, CLIENT),
      ).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
      expect(mailsTo(deps, other)).toHaveLength(1);
    });

    it('backs off after 5 failures, even for the right password, and a success clears the count', async () => {
      const person = await buildPerson(deps);
      const attempt = (password: string) =>
        failure(signIn(deps.db, deps, { email: person.email, password }, CLIENT));
      for (let i = 0; i < 5; i++)
        expect(await attempt('wrong password')).toMatchObject({ code: 'invalid_credentials' });
      expect(await attempt(TEST_PASSWORD)).toMatchObject({
        code: 'too_many_attempts',
        params: { minutes: 1 },
      });
      deps.clock.advance(61_000);
      expect(await attempt('wrong again')).toMatchObject({ code: 'invalid_credentials' });
      expect(await attempt(TEST_PASSWORD)).toMatchObject({
        code: 'too_many_attempts',
        params: { minutes: 2 },
      });
      deps.clock.advance(2 * 60_000 + 1000);
      expect(await attempt(TEST_PASSWORD)).toBeNull();
      // A success clears this address's counter (the account-wide one only slows other addresses).
      const throttle = await deps.db
        .selectFrom('auth_throttle')
        .selectAll()
        .where('key', '=', `sign-in:${person.email}|${CLIENT.ip}`)
        .execute();
      expect(throttle).toEqual([]);
      for (let i = 0; i < 4; i++) await attempt('wrong password');
      expect(await attempt(TEST_PASSWORD)).toBeNull();

      // Unknown addresses back off the same way (no enumeration through the lock either).
      const nobody = freshEmail();
      for (let i = 0; i < 5; i++)
        await failure(signIn(deps.db, deps, { email: nobody, password: 'x' }, CLIENT));
      expect(await failure(signIn(deps.db, deps, { email: nobody, password: 'x' }, CLIENT))).toMatchObject({
        code: 'too_many_attempts',
        params: { minutes: 1 },
      });
    });

    it('opens a new session with a fresh id at every sign-in, storing only its hash', async () => {
      const person = await buildPerson(deps);
      const a = await signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT);
      const b = await signIn(
        deps.db,
        deps,
        { email: ` ${person.email.toUpperCase()} `, password: TEST_PASSWORD },
        CLIENT,
      );
      expect(a.sessionToken).not.toBe(b.sessionToken);
      expect(a.sessionToken.length).toBeGreaterThanOrEqual(40);
      const rows = await deps.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(rows.map((r) => r.id).sort()).toEqual(
        [hashSecret(a.sessionToken), hashSecret(b.sessionToken)].sort(),
      );
      expect(JSON.stringify(rows)).not.toContain(a.sessionToken);
      expect(rows[0]).toMatchObject({ ip: CLIENT.ip, user_agent: CLIENT.userAgent });
      expect((await authenticateSession(deps.db, deps, a.sessionToken))?.actor).toMatchObject({
        id: person.id,
      });
      expect(await authenticateSession(deps.db, deps, 'not-a-session')).toBeNull();
    });

    it('ends a session 14 days after its last use, sliding while it is used', async () => {
      const person = await buildPerson(deps);
      const used = await signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT);
      const idle = await signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT);
      deps.clock.advance(2 * 60 * 60 * 1000);
      expect(await authenticateSession(deps.db, deps, used.sessionToken)).not.toBeNull();
      deps.clock.advance(SESSION_TTL_MS - 60 * 60 * 1000);
      expect(await authenticateSession(deps.db, deps, idle.sessionToken)).toBeNull();
      expect(await authenticateSession(deps.db, deps, used.sessionToken)).not.toBeNull();
      deps.clock.advance(SESSION_TTL_MS + 1000);
      expect(await authenticateSession(deps.db, deps, used.sessionToken)).toBeNull();
    });

    it('resets a password by a single-use link that ends every session and tells the owner', async () => {
      const person = await buildPerson(deps, { locale: 'fr' });
      const s1 = await signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT);
      await signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT);
      await askReset(person.email);
      const token = lastLink(deps, person.email, '/password/reset/');
      expect(await isPasswordResetTokenValid(deps.db, deps, token)).toBe(true);
      await resetPassword(deps.db, deps, token, { password: NEW_PASSWORD });
      const sessions = await deps.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(sessions).toEqual([]);
      expect(await authenticateSession(deps.db, deps, s1.sessionToken)).toBeNull();
      const mail = mailsTo(deps, person.email).at(-1)!;
      expect(mail.subject).toBe(translator('fr').t('mail.passwordChanged.subject'));
      await expect(
        resetPassword(deps.db, deps, token, { password: 'yet another passphrase' }),
      ).rejects.toMatchObject({
        code: 'token_invalid',
      });
      expect(await isPasswordResetTokenValid(deps.db, deps, token)).toBe(false);
      await expect(
        signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT),
      ).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
      await expect(
        signIn(deps.db, deps, { email: person.email, password: NEW_PASSWORD }, CLIENT),
      ).resolves.toBeDefined();
      expect((await listAuditEvents(deps.db, 'user', person.id)).map((a) => a.action)).toContain(
        'user.password-reset',
      );
    });

    it('lets a reset link expire after one hour, and kills older links when a new one is asked', async () => {
      const person = await buildPerson(deps);
      await askReset(person.email);
      const first = lastLink(deps, person.email, '/password/reset/');
      await askReset(person.email);
      const second = lastLink(deps, person.email, '/password/reset/');
      expect(second).not.toBe(first);
      expect(await isPasswordResetTokenValid(deps.db, deps, first)).toBe(false);
      await expect(resetPassword(deps.db, deps, first, { password: NEW_PASSWORD })).rejects.toMatchObject({
        code: 'token_invalid',
      });
      deps.clock.advance(PASSWORD_RESET_TTL_MS);
      await expect(resetPassword(deps.db, deps, second, { password: NEW_PASSWORD })).rejects.toMatchObject({
        code: 'token_invalid',
      });
      const row = await findUserByEmail(deps.db, person.email);
      await expect(
        signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, CLIENT),
      ).resolves.toMatchObject({
        userId: row!.id,
      });
    });

    it('answers an unknown or disabled address like a known one, sending nothing', async () => {
      const unknown = freshEmail();
      await expect(requestPasswordReset(deps.db, deps, { email: unknown }, CLIENT)).resolves.toBeUndefined();
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(mailsTo(deps, unknown)).toEqual([]);
      await expect(requestPasswordReset(deps.db, deps, { email: 'nope' }, CLIENT)).rejects.toMatchObject({
        code: 'validation_failed',
      });
      const disabled = await buildPerson(deps);
      await deps.db
        .updateTable('users')
        .set({ disabled_at: deps.clock.now().toISOString() })
        .where('id', '=', disabled.id)
        .execute();
      await expect(
        requestPasswordReset(deps.db, deps, { email: disabled.email }, CLIENT),
      ).resolves.toBeUndefined();
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(mailsTo(deps, disabled.email)).toEqual([]);
    });
  });
}
