import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { countRows, tokenOf } from '../../../../test/helpers/http-extra.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { findJob } from '../../../jobs/jobs.repository.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { listAuditEvents } from '../../../kernel/audit.js';
import { IDENTITY_JOBS } from '../identity-jobs.js';
import { authenticateApiToken } from '../sign-in/authenticate.js';
import {
  RESET_MAILS_PER_ACCOUNT,
  RESET_MAILS_PER_ADDRESS,
  RESET_REQUESTS_PER_ADDRESS,
} from '../sign-in/back-off.js';
import { signIn } from '../sign-in/sign-in.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import { PASSWORD_RESET_JOB } from './send-password-reset-link.js';

/**
 * Password reset against enumeration and blocking: a request does the same work whether the address has an
 * account or not (the account's work is a job), requests are limited per client address, mails per account
 * without letting anyone block the owner; and a reset revokes the person's API tokens and says so.
 */

let counter = 0;
const freshEmail = () => `reset-${Date.now().toString(36)}-${++counter}@example.org`;
const client = (ip: string) => ({ ip, userAgent: 'vitest' });

for (const dialect of DIALECTS) {
  describe(`${dialect}: password reset`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    const mailsTo = (to: string) => deps.mailer.sent.filter((m) => m.to === to);
    const resetLink = (to: string) =>
      mailsTo(to)
        .findLast((m) => m.text.includes('/password/reset/'))
        ?.text.match(/\/password\/reset\/(\S+)/)?.[1];
    /** What a request may have written: the tables it could touch, and the mails sent. */
    const footprint = async () => ({
      jobs: await countRows(deps, 'jobs'),
      throttle: await countRows(deps, 'auth_throttle'),
      oneTimeTokens: await countRows(deps, 'one_time_tokens'),
      audit: await countRows(deps, 'audit_events'),
      mails: deps.mailer.sent.length,
    });

    it('does the same work for an existing and an unknown address; the job mails the link afterwards', async () => {
      deps.clock.set(TEST_NOW);
      const person = await buildPerson(deps);
      const footprints = [];
      for (const [email, ip] of [
        [person.email, '192.0.2.50'],
        [freshEmail(), '192.0.2.51'],
      ] as const) {
        const before = await footprint();
        await requestPasswordReset(deps.db, deps, { email }, client(ip));
        const after = await footprint();
        footprints.push({
          jobs: after.jobs - before.jobs,
          throttle: after.throttle - before.throttle,
          oneTimeTokens: after.oneTimeTokens - before.oneTimeTokens,
          audit: after.audit - before.audit,
          mails: after.mails - before.mails,
        });
        const job = await deps.db
          .selectFrom('jobs')
          .selectAll()
          .where('kind', '=', PASSWORD_RESET_JOB)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(job.payload_json)).toEqual({ email, address: ip });
        // The only back-off counted before answering is the requesting client's.
        expect(
          await deps.db
            .selectFrom('auth_throttle')
            .select('key')
            .where('key', 'like', `%${email}%`)
            .execute(),
        ).toEqual([]);
      }
      // One queued job and the client's counter, nothing that depends on the account: no token, no mail.
      expect(footprints[0]).toEqual({ jobs: 1, throttle: 1, oneTimeTokens: 0, audit: 0, mails: 0 });
      expect(footprints[1]).toEqual(footprints[0]);

      expect(await runJobsUntilIdle(deps, IDENTITY_JOBS)).toBe(2);
      expect(mailsTo(person.email)).toHaveLength(1);
      expect(resetLink(person.email)).toBeDefined();
      const outcomes = await deps.db
        .selectFrom('jobs')
        .select('result_json')
        .where('kind', '=', PASSWORD_RESET_JOB)
        .where('status', '=', 'succeeded')
        .execute();
      expect(outcomes.map((o) => JSON.parse(o.result_json!).outcome).sort()).toEqual(['no-account', 'sent']);
    });

    it('limits requests per client address, whatever the accounts asked for', async () => {
      deps.clock.set(TEST_NOW);
      const busy = client('198.51.100.60');
      for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS.freeAttempts; i++)
        await requestPasswordReset(deps.db, deps, { email: freshEmail() }, busy);
      await expect(requestPasswordReset(deps.db, deps, { email: freshEmail() }, busy)).rejects.toMatchObject({
        code: 'too_many_attempts',
        params: { minutes: 1 },
      });
      // Another address is not affected, and the first may ask again once its wait is over.
      await expect(
        requestPasswordReset(deps.db, deps, { email: freshEmail() }, client('198.51.100.61')),
      ).resolves.toBeUndefined();
      deps.clock.advance(61_000);
      await expect(
        requestPasswordReset(deps.db, deps, { email: freshEmail() }, busy),
      ).resolves.toBeUndefined();
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
    });

    it('limits the mails per account without letting anyone block the owner’s resets', async () => {
      deps.clock.set(TEST_NOW);
      const person = await buildPerson(deps);
      const home = client('203.0.113.30');
      await signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, home);

      // One address asks ten times: three mails, the rest held back (the answers were all the same).
      const attacker = client('198.51.100.70');
      for (let i = 0; i < 10; i++) {
        await requestPasswordReset(deps.db, deps, { email: person.email }, attacker);
        deps.clock.advance(1000);
      }
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(mailsTo(person.email)).toHaveLength(RESET_MAILS_PER_ADDRESS.freeAttempts);

      // Many addresses: the account's budget runs out for unknown addresses…
      for (let i = 0; i < 12; i++) {
        await requestPasswordReset(deps.db, deps, { email: person.email }, client(`198.51.100.${80 + i}`));
      }
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(mailsTo(person.email)).toHaveLength(RESET_MAILS_PER_ACCOUNT.freeAttempts);
      // …but the owner, from the address they sign in from, still gets a link, and it works.
      await requestPasswordReset(deps.db, deps, { email: person.email }, home);
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(mailsTo(person.email)).toHaveLength(RESET_MAILS_PER_ACCOUNT.freeAttempts + 1);
      await resetPassword(deps.db, deps, resetLink(person.email)!, { password: 'a fresh long passphrase' });
    });

    it('revokes the person’s API tokens and tells them, in their language', async () => {
      deps.clock.set(TEST_NOW);
      const person = await buildPerson(deps, { locale: 'fr' });
      const tokens = [await tokenOf(deps, person), await tokenOf(deps, person)];
      expect(await authenticateApiToken(deps.db, deps, tokens[0]!)).not.toBeNull();
      await requestPasswordReset(deps.db, deps, { email: person.email }, client('192.0.2.90'));
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      const result = await resetPassword(deps.db, deps, resetLink(person.email)!, {
        password: 'a fresh long passphrase',
      });
      expect(result).toEqual({ revokedApiTokens: 2 });
      for (const token of tokens) expect(await authenticateApiToken(deps.db, deps, token)).toBeNull();
      const revoked = await deps.db
        .selectFrom('api_tokens')
        .select('revoked_at')
        .where('user_id', '=', person.id)
        .execute();
      expect(revoked.map((r) => r.revoked_at)).toEqual([TEST_NOW, TEST_NOW]);
      const mail = mailsTo(person.email).at(-1)!;
      const fr = translator('fr');
      expect(mail.subject).toBe(fr.t('mail.passwordChanged.subject'));
      expect(mail.text).toContain(fr.t('mail.passwordChanged.tokensRevoked', { count: 2 }));
      const audit = await listAuditEvents(deps.db, 'user', person.id);
      expect(audit.find((a) => a.action === 'user.password-reset')).toMatchObject({
        after: { revokedApiTokens: 2 },
      });

      // Without tokens the mail says nothing about them.
      const plain = await buildPerson(deps);
      await requestPasswordReset(deps.db, deps, { email: plain.email }, client('192.0.2.91'));
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(
        await resetPassword(deps.db, deps, resetLink(plain.email)!, { password: 'a fresh long passphrase' }),
      ).toEqual({
        revokedApiTokens: 0,
      });
      expect(mailsTo(plain.email).at(-1)!.text).not.toContain('API');
    });

    it('keeps the job’s outcome for administrators only as a word', async () => {
      deps.clock.set(TEST_NOW);
      await requestPasswordReset(deps.db, deps, { email: freshEmail() }, client('192.0.2.92'));
      const job = await deps.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', PASSWORD_RESET_JOB)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      await runJobsUntilIdle(deps, IDENTITY_JOBS);
      expect(await findJob(deps.db, job.id)).toMatchObject({
        status: 'succeeded',
        result_json: '{"outcome":"no-account"}',
      });
    });
  });
}
