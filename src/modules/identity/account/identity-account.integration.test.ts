import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson, TEST_PASSWORD, type TestPerson } from '../../../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { type Actor, ANONYMOUS, type Role } from '../../../kernel/actor.js';
import { listAuditEvents } from '../../../kernel/audit.js';
import { hashSecret, newId } from '../../../kernel/ids.js';
import { listPeople, setRoles } from '../people.js';
import { createApiToken, listOwnApiTokens, revokeApiToken } from '../sign-in/api-tokens.js';
import { authenticateApiToken } from '../sign-in/authenticate.js';
import { findUserById, listRoles } from '../users.repository.js';
import { EMAIL_CHANGE_TTL_MS } from './account.js';
import { confirmEmailChange, requestEmailChange } from './change-email.js';

/** Change of email, personal API tokens, roles and the people search, against a real database. */

const actorOf = (p: TestPerson): Actor => ({ kind: 'user', id: p.id, roles: p.roles, via: 'session' });
let counter = 0;
const freshEmail = () => `moved-${Date.now().toString(36)}-${++counter}@example.org`;

for (const dialect of DIALECTS) {
  describe(`${dialect}: identity — email change, API tokens, roles, people`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    const mailsTo = (to: string) => deps.mailer.sent.filter((m) => m.to === to);
    const changeLink = (to: string) => {
      const match = mailsTo(to)
        .at(-1)
        ?.text.match(/\/confirm-email-change\/(\S+)/);
      if (!match?.[1]) throw new Error(`no email-change link mailed to ${to}`);
      return match[1];
    };
    const emailOf = async (id: string) => (await findUserById(deps.db, id))!.email;

    it('needs the current password and a different address, changing and sending nothing otherwise', async () => {
      const person = await buildPerson(deps);
      const newEmail = freshEmail();
      await expect(
        requestEmailChange(deps.db, deps, actorOf(person), { newEmail, currentPassword: 'not my password' }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        fields: [{ path: 'currentPassword', key: 'validation.wrongPassword' }],
      });
      await expect(
        requestEmailChange(deps.db, deps, actorOf(person), {
          newEmail: person.email.toUpperCase(),
          currentPassword: TEST_PASSWORD,
        }),
      ).rejects.toMatchObject({ fields: [{ path: 'newEmail', key: 'validation.sameEmail' }] });
      await expect(
        requestEmailChange(deps.db, deps, ANONYMOUS, { newEmail, currentPassword: TEST_PASSWORD }),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(mailsTo(person.email)).toEqual([]);
      expect(mailsTo(newEmail)).toEqual([]);
      expect(await emailOf(person.id)).toBe(person.email);
    });

    it('mails a link to the new address and a notice to the old; the change happens on confirmation only', async () => {
      const person = await buildPerson(deps, { locale: 'es' });
      const newEmail = freshEmail();
      await requestEmailChange(deps.db, deps, actorOf(person), { newEmail, currentPassword: TEST_PASSWORD });
      expect(mailsTo(person.email).map((m) => m.subject)).toEqual([
        translator('es').t('mail.emailChangeNotice.subject'),
      ]);
      expect(mailsTo(newEmail).map((m) => m.subject)).toEqual([
        translator('es').t('mail.emailChange.subject'),
      ]);
      expect(await emailOf(person.id)).toBe(person.email);

      const token = changeLink(newEmail);
      await expect(confirmEmailChange(deps.db, deps, token)).resolves.toEqual({
        userId: person.id,
        email: newEmail,
      });
      expect(await emailOf(person.id)).toBe(newEmail);
      await expect(confirmEmailChange(deps.db, deps, token)).rejects.toMatchObject({ code: 'token_invalid' });
      const audit = await listAuditEvents(deps.db, 'user', person.id);
      expect(audit.find((a) => a.action === 'user.email-changed')).toMatchObject({
        action: 'user.email-changed',
        before: { email: person.email },
        after: { email: newEmail },
      });
    });

    it('sends no link for an address that already has an account, and the asker is not told', async () => {
      const person = await buildPerson(deps);
      const other = await buildPerson(deps);
      await expect(
        requestEmailChange(deps.db, deps, actorOf(person), {
          newEmail: other.email,
          currentPassword: TEST_PASSWORD,
        }),
      ).resolves.toBeUndefined();
      expect(mailsTo(other.email)).toEqual([]);
      expect(mailsTo(person.email)).toHaveLength(1);
      const tokens = await deps.db
        .selectFrom('one_time_tokens')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(tokens).toEqual([]);
    });

    it('refuses a link when the address was taken meanwhile, an older link, and an expired one', async () => {
      const person = await buildPerson(deps);
      const wanted = freshEmail();
      await requestEmailChange(deps.db, deps, actorOf(person), {
        newEmail: wanted,
        currentPassword: TEST_PASSWORD,
      });
      const first = changeLink(wanted);
      const other = freshEmail();
      await requestEmailChange(deps.db, deps, actorOf(person), {
        newEmail: other,
        currentPassword: TEST_PASSWORD,
      });
      await expect(confirmEmailChange(deps.db, deps, first)).rejects.toMatchObject({ code: 'token_invalid' });

      const taker = await buildPerson(deps);
      await deps.db.updateTable('users').set({ email: other }).where('id', '=', taker.id).execute();
      await expect(confirmEmailChange(deps.db, deps, changeLink(other))).rejects.toMatchObject({
        code: 'already_exists',
      });
      expect(await emailOf(person.id)).toBe(person.email);

      const late = freshEmail();
      await requestEmailChange(deps.db, deps, actorOf(person), {
        newEmail: late,
        currentPassword: TEST_PASSWORD,
      });
      deps.clock.advance(EMAIL_CHANGE_TTL_MS);
      await expect(confirmEmailChange(deps.db, deps, changeLink(late))).rejects.toMatchObject({
        code: 'token_invalid',
      });
      expect(await emailOf(person.id)).toBe(person.email);
    });

    it('creates an API token shown once, stores only its hash, and revokes it', async () => {
      const person = await buildPerson(deps);
      const { token, summary } = await createApiToken(deps.db, deps, actorOf(person), {
        name: '  Reports  ',
      });
      expect(token).toMatch(/^dp_[A-Za-z0-9]{8}_[\w-]{43}$/);
      expect(summary).toMatchObject({ name: 'Reports', prefix: token.slice(3, 11), revokedAt: null });
      const rows = await deps.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toBe(hashSecret(token));
      expect(JSON.stringify(rows)).not.toContain(token.slice(12));
      const listed = await listOwnApiTokens(deps.db, deps, actorOf(person));
      expect(listed).toEqual([summary]);
      expect(JSON.stringify(listed)).not.toContain(token.slice(12));

      expect((await authenticateApiToken(deps.db, deps, token))?.actor).toMatchObject({
        id: person.id,
        via: 'token',
      });
      expect(await authenticateApiToken(deps.db, deps, `${token}x`)).toBeNull();
      await revokeApiToken(deps.db, deps, actorOf(person), summary.id);
      expect(await authenticateApiToken(deps.db, deps, token)).toBeNull();
      expect((await listOwnApiTokens(deps.db, deps, actorOf(person)))[0]?.revokedAt).toBe(
        deps.clock.now().toISOString(),
      );
      const audit = await listAuditEvents(deps.db, 'user', person.id);
      expect(audit.map((a) => a.action).sort()).toEqual([
        'api-token.created',
        'api-token.revoked',
        'user.created',
      ]);
      expect(JSON.stringify(audit)).not.toContain(token.slice(12));
    });

    it("treats someone else's token as not found, and refuses bad names and anonymous callers", async () => {
      const owner = await buildPerson(deps);
      const intruder = await buildPerson(deps, { roles: ['administrator'] });
      const { token, summary } = await createApiToken(deps.db, deps, actorOf(owner), { name: 'mine' });
      await expect(revokeApiToken(deps.db, deps, actorOf(intruder), summary.id)).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(revokeApiToken(deps.db, deps, actorOf(owner), newId())).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(revokeApiToken(deps.db, deps, actorOf(owner), 'not-an-id')).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await authenticateApiToken(deps.db, deps, token)).not.toBeNull();
      expect(await listOwnApiTokens(deps.db, deps, actorOf(intruder))).toEqual([]);
      await expect(createApiToken(deps.db, deps, actorOf(owner), { name: '   ' })).rejects.toMatchObject({
        code: 'validation_failed',
        fields: [{ path: 'name', key: 'validation.required' }],
      });
      await expect(createApiToken(deps.db, deps, ANONYMOUS, { name: 'x' })).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      expect(await listOwnApiTokens(deps.db, deps, actorOf(owner))).toHaveLength(1);
    });

    it('sets roles (administrators only), audits changes, and keeps an administrator from dropping their own', async () => {
      const admin = await buildPerson(deps, { roles: ['administrator'] });
      const manager = await buildPerson(deps, { roles: ['manager'] });
      const person = await buildPerson(deps);
      await expect(
        setRoles(deps.db, deps, actorOf(admin), person.id, {
          roles: ['facilitator', 'participant', 'facilitator'],
        }),
      ).resolves.toEqual(['facilitator', 'participant']);
      const audit = await listAuditEvents(deps.db, 'user', person.id);
      expect(audit.find((a) => a.action === 'user.roles-changed')).toMatchObject({
        action: 'user.roles-changed',
        actorId: admin.id,
        before: ['participant'],
        after: ['facilitator', 'participant'],
      });
      await setRoles(deps.db, deps, actorOf(admin), person.id, { roles: ['participant', 'facilitator'] });
      expect(await listAuditEvents(deps.db, 'user', person.id)).toHaveLength(2);

      await expect(
        setRoles(deps.db, deps, actorOf(admin), admin.id, { roles: ['participant'] }),
      ).rejects.toMatchObject({
        code: 'invalid_state',
      });
      expect(await listRoles(deps.db, admin.id)).toEqual(['administrator']);
      await expect(setRoles(deps.db, deps, actorOf(manager), person.id, { roles: [] })).rejects.toMatchObject(
        {
          code: 'forbidden',
        },
      );
      await expect(setRoles(deps.db, deps, ANONYMOUS, person.id, { roles: [] })).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(setRoles(deps.db, deps, actorOf(admin), newId(), { roles: [] })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(
        setRoles(deps.db, deps, actorOf(admin), person.id, { roles: ['king'] }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
      });
      expect(await listRoles(deps.db, person.id)).toEqual(['facilitator', 'participant']);
      await expect(
        setRoles(deps.db, deps, actorOf(admin), admin.id, { roles: ['administrator', 'manager'] }),
      ).resolves.toEqual(['administrator', 'manager']);
    });

    it('searches people by a name fragment, matching % _ and \\ literally, and filters by role', async () => {
      const admin = await buildPerson(deps, { roles: ['administrator'] });
      const tag = `Zq${Date.now().toString(36)}`;
      const names = [
        `${tag} 100% Sure`,
        `${tag} 1000 Sure`,
        `${tag} a_b`,
        `${tag} axb`,
        `${tag} c\\d`,
        `${tag} cd`,
      ];
      const people = new Map<string, TestPerson>();
      for (const fullName of names) {
        const roles: Role[] = fullName.endsWith(' cd') ? ['assessor'] : ['participant'];
        people.set(fullName, await buildPerson(deps, { fullName, roles }));
      }
      const search = async (q: string, role?: string) =>
        (await listPeople(deps.db, deps, actorOf(admin), { q, role })).people.map((p) => p.fullName);
      expect(await search(`${tag} 100%`)).toEqual([`${tag} 100% Sure`]);
      expect(await search(`${tag.toUpperCase()} A_B`)).toEqual([`${tag} a_b`]);
      expect(await search(`${tag} c\\`)).toEqual([`${tag} c\\d`]);
      expect(await search('%')).toContain(`${tag} 100% Sure`);
      expect(await search('%')).not.toContain(`${tag} axb`);
      expect((await search(tag)).sort()).toEqual([...names].sort());
      expect(await search(tag, 'assessor')).toEqual([`${tag} cd`]);
      const byEmail = people.get(`${tag} axb`)!.email;
      expect(await search(byEmail.split('@')[0]!)).toEqual([`${tag} axb`]);

      const manager = await buildPerson(deps, { roles: ['manager'] });
      await expect(listPeople(deps.db, deps, actorOf(manager), { q: tag })).resolves.toMatchObject({
        total: 6,
      });
      const participant = await buildPerson(deps);
      await expect(listPeople(deps.db, deps, actorOf(participant), {})).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(listPeople(deps.db, deps, actorOf(admin), { page: '0' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });
}
