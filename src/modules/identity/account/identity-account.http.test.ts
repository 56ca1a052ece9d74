import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, countRows, fieldError, signedIn, tokenOf } from '../../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { newId } from '../../../kernel/ids.js';
import { findUserById, listRoles } from '../users.repository.js';

/** Web routes of the account page, API tokens, and the administrators' people pages and outbox. */

const fr = translator('fr');
const en = translator('en');

for (const dialect of DIALECTS) {
  describe(`${dialect}: identity web — account, tokens, administration`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    const userRow = async (id: string) => (await findUserById(deps.db, id))!;

    it('sends anonymous visitors of account pages to sign in (GET) or answers 401 (POST)', async () => {
      for (const url of [
        '/account',
        '/account/tokens',
        '/admin/people',
        '/admin/outbox',
        `/admin/people/${newId()}`,
      ]) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      }
      const person = await buildPerson(deps);
      const anonymous = new Client(app);
      const users = await countRows(deps, 'users');
      const forms: [string, Record<string, string | string[]>][] = [
        ['/account/profile', { fullName: 'X', preferredLocale: 'en' }],
        ['/account/email', { newEmail: 'x@example.org', currentPassword: TEST_PASSWORD }],
        ['/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'long enough password' }],
        ['/account/tokens', { name: 'x' }],
        [`/account/tokens/${newId()}/revoke`, {}],
        [`/admin/people/${person.id}/roles`, { roles: ['administrator'] }],
      ];
      for (const [url, fields] of forms) {
        const response = await anonymous.send(url, fields);
        expect(response.statusCode, url).toBe(401);
        expect(response.body, url).toContain(en.t('errors.unauthenticated'));
      }
      expect(await listRoles(deps.db, person.id)).toEqual(['participant']);
      expect(await countRows(deps, 'users')).toBe(users);
      expect(await countRows(deps, 'api_tokens')).toBe(0);
    });

    it('shows the account and saves the profile; invalid profile input is refused (400) and changes nothing', async () => {
      const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
      const page = await browser.get('/account');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(person.email);
      const before = await userRow(person.id);
      const bad = await browser.send('/account/profile', {
        fullName: '',
        preferredLocale: 'de',
        country: 'XX',
        constituency: 'aliens',
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldError(bad.body, 'fullName')).toBe(fr.t('validation.required'));
      expect(fieldError(bad.body, 'preferredLocale')).toBe(fr.t('validation.invalidChoice'));
      expect(fieldError(bad.body, 'country')).toBe(fr.t('validation.invalidCountry'));
      // The union with '' loses the schema's own message (reported): any French message will do here.
      expect([fr.t('validation.invalidChoice'), fr.t('validation.invalid')]).toContain(
        fieldError(bad.body, 'constituency'),
      );
      expect(await userRow(person.id)).toEqual(before);

      const good = await browser.send('/account/profile', {
        fullName: '  Ольга   Петрова ',
        preferredLocale: 'es',
        country: 'ua',
        constituency: 'workers',
        organisation: 'Union',
      });
      expect(good.statusCode).toBe(303);
      expect(good.headers.location).toBe('/account');
      expect(await userRow(person.id)).toMatchObject({
        full_name: 'Ольга Петрова',
        preferred_locale: 'es',
        country: 'UA',
        constituency: 'workers',
        organisation: 'Union',
        job_title: null,
      });
      const after = await browser.get('/account');
      expect(after.body).toContain('<html lang="es"');
      expect(after.body).toContain(translator('es').t('flash.profileSaved'));
    });

    it('saves the languages one can learn in (labelled in en/fr/es); the language switcher keeps them', async () => {
      for (const locale of ['en', 'fr', 'es'] as const) {
        const { browser } = await signedIn(app, deps, ['participant'], { locale });
        const page = await browser.get('/account');
        expect(page.body).toContain(translator(locale).t('account.learningLanguages'));
        expect(page.body).toContain(translator(locale).t('language.ar'));
      }
      const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
      const profile = { fullName: 'Lucía Pérez', preferredLocale: 'en' };
      const bad = await browser.send('/account/profile', { ...profile, learningLanguages: ['', 'es', 'xx'] });
      expect(bad.statusCode).toBe(400);
      expect(fieldError(bad.body, 'learningLanguages')).toBe(fr.t('validation.invalidChoice'));
      expect(bad.body).toMatch(/value="es" checked/);
      expect((await userRow(person.id)).learning_languages).toBeNull();
      const good = await browser.send('/account/profile', {
        ...profile,
        learningLanguages: ['', 'es', 'en'],
      });
      expect(good.statusCode).toBe(303);
      expect((await userRow(person.id)).learning_languages).toBe('es,en');
      expect((await browser.get('/account')).body).toMatch(/value="es" checked/);
      // The switcher changes the language of this session only: the saved preferences stay as they are.
      await browser.get('/lang/fr?next=/account');
      expect(await userRow(person.id)).toMatchObject({ preferred_locale: 'en', learning_languages: 'es,en' });
      // Unticking every box clears them (the form's hidden empty value).
      await browser.send('/account/profile', { ...profile, learningLanguages: '' });
      expect((await userRow(person.id)).learning_languages).toBeNull();
    });

    it('refuses an email change without the right password or with a bad address (400), sending nothing', async () => {
      const { browser, person } = await signedIn(app, deps);
      const sent = deps.mailer.sent.length;
      const wrong = await browser.send('/account/email', {
        newEmail: 'new@example.org',
        currentPassword: 'nope',
      });
      expect(wrong.statusCode).toBe(400);
      expect(fieldError(wrong.body, 'currentPassword')).toBe(en.t('validation.wrongPassword'));
      expect(wrong.body).toContain('value="new@example.org"');
      const invalid = await browser.send('/account/email', {
        newEmail: 'not-an-address',
        currentPassword: TEST_PASSWORD,
      });
      expect(invalid.statusCode).toBe(400);
      expect(fieldError(invalid.body, 'newEmail')).toBe(en.t('validation.invalidEmail'));
      expect(deps.mailer.sent.length).toBe(sent);
      const ok = await browser.send('/account/email', {
        newEmail: `m-${person.id}@example.org`,
        currentPassword: TEST_PASSWORD,
      });
      expect(ok.statusCode).toBe(303);
      expect((await userRow(person.id)).email).toBe(person.email);
      const link = deps.mailer.sent.at(-1)!.text.match(/\/confirm-email-change\/(\S+)/)![1]!;
      expect((await app.inject(`/confirm-email-change/${link}`)).statusCode).toBe(200);
      expect((await userRow(person.id)).email).toBe(`m-${person.id}@example.org`);
    });

    it('changes the password only with the current one, keeping this session and ending the others', async () => {
      const { browser, person } = await signedIn(app, deps);
      const other = new Client(app);
      await other.signIn(person.email, TEST_PASSWORD);
      const before = (await userRow(person.id)).password_hash;
      const wrong = await browser.send('/account/password', {
        currentPassword: 'nope',
        newPassword: 'long enough password',
      });
      expect(wrong.statusCode).toBe(400);
      expect(fieldError(wrong.body, 'currentPassword')).toBe(en.t('validation.wrongPassword'));
      const short = await browser.send('/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      });
      expect(short.statusCode).toBe(400);
      expect(fieldError(short.body, 'newPassword')).toBe(en.t('validation.passwordTooShort', { min: 10 }));
      expect(short.body).not.toContain(TEST_PASSWORD);
      expect((await userRow(person.id)).password_hash).toBe(before);
      expect((await other.get('/account')).statusCode).toBe(200);

      const ok = await browser.send('/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'long enough password',
      });
      expect(ok.statusCode).toBe(303);
      expect((await browser.get('/account')).statusCode).toBe(200);
      expect((await other.get('/account')).statusCode).toBe(303);
    });

    it('shows a new API token once (201), refuses a blank name (400), and revokes only own tokens (404 otherwise)', async () => {
      const { browser, person } = await signedIn(app, deps);
      const created = await browser.send('/account/tokens', { name: 'My scripts' });
      expect(created.statusCode).toBe(201);
      const secret = created.body.match(/<code class="secret">(dp_[^<]+)<\/code>/)?.[1];
      expect(secret).toMatch(/^dp_\w{8}_[\w-]{43}$/);
      const listing = await browser.get('/account/tokens');
      expect(listing.statusCode).toBe(200);
      expect(listing.body).toContain('My scripts');
      expect(listing.body).not.toContain(secret!);
      const blank = await browser.send('/account/tokens', { name: '  ' });
      expect(blank.statusCode).toBe(400);
      expect(fieldError(blank.body, 'name')).toBe(en.t('validation.required'));
      const tokens = await deps.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', person.id)
        .execute();
      expect(tokens).toHaveLength(1);

      const stranger = await buildPerson(deps);
      await tokenOf(deps, stranger);
      const theirs = await deps.db
        .selectFrom('api_tokens')
        .select('id')
        .where('user_id', '=', stranger.id)
        .executeTakeFirstOrThrow();
      for (const id of [theirs.id, newId(), 'not-an-id']) {
        const response = await browser.send(`/account/tokens/${id}/revoke`);
        expect(response.statusCode, id).toBe(404);
        expect(response.body).toContain(en.t('errors.not_found'));
      }
      const untouched = await deps.db
        .selectFrom('api_tokens')
        .select('revoked_at')
        .where('id', '=', theirs.id)
        .executeTakeFirstOrThrow();
      expect(untouched.revoked_at).toBeNull();
      const revoked = await browser.send(`/account/tokens/${tokens[0]!.id}/revoke`);
      expect(revoked.statusCode).toBe(303);
      expect(revoked.headers.location).toBe('/account/tokens');
      const row = await deps.db
        .selectFrom('api_tokens')
        .select('revoked_at')
        .where('id', '=', tokens[0]!.id)
        .executeTakeFirstOrThrow();
      expect(row.revoked_at).not.toBeNull();
    });

    it('keeps participants out of the administration (403)', async () => {
      const { browser } = await signedIn(app, deps, ['participant', 'facilitator', 'assessor']);
      const target = await buildPerson(deps);
      for (const url of ['/admin/people', `/admin/people/${target.id}`, '/admin/outbox']) {
        const response = await browser.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.body, url).toContain(en.t('errors.forbidden'));
      }
      const post = await browser.send(`/admin/people/${target.id}/roles`, { roles: ['administrator'] });
      expect(post.statusCode).toBe(403);
      expect(await listRoles(deps.db, target.id)).toEqual(['participant']);
    });

    it('lets managers list and read people, but not change roles or read the outbox', async () => {
      const { browser } = await signedIn(app, deps, ['manager']);
      const target = await buildPerson(deps, { fullName: 'Managed Person Zeta' });
      const list = await browser.get('/admin/people?q=zeta');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Managed Person Zeta');
      // The same folding as every search: accents and ligatures, in the name as in the query.
      await buildPerson(deps, { fullName: 'Quỳnh Œhlenschläger' });
      for (const q of ['quynh', 'OEHLENSCHLAGER', 'œhlen'])
        expect((await browser.get(`/admin/people?q=${encodeURIComponent(q)}`)).body, q).toContain(
          'Quỳnh Œhlenschläger',
        );
      const page = await browser.get(`/admin/people/${target.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`action="/admin/people/${target.id}/roles"`);
      const post = await browser.send(`/admin/people/${target.id}/roles`, {
        roles: ['manager', 'participant'],
      });
      expect(post.statusCode).toBe(403);
      expect(await listRoles(deps.db, target.id)).toEqual(['participant']);
      expect((await browser.get('/admin/outbox')).statusCode).toBe(403);
    });

    it('lets administrators manage roles, never dropping their own, with 404 for unknown people and 400 for bad queries', async () => {
      const { browser, person: admin } = await signedIn(app, deps, ['administrator']);
      const target = await buildPerson(deps, { fullName: 'Role Target Omega' });
      expect((await browser.get('/admin/people?q=omega&role=participant')).body).toContain(
        'Role Target Omega',
      );
      const page = await browser.get(`/admin/people/${target.id}`);
      expect(page.body).toContain(`action="/admin/people/${target.id}/roles"`);
      const saved = await browser.send(`/admin/people/${target.id}/roles`, {
        roles: ['facilitator', 'participant'],
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/admin/people/${target.id}`);
      expect(await listRoles(deps.db, target.id)).toEqual(['facilitator', 'participant']);

      const own = await browser.send(`/admin/people/${admin.id}/roles`, { roles: ['participant'] });
      expect(own.statusCode).toBe(409);
      expect(own.body).toContain(en.t('errors.invalid_state'));
      expect(await listRoles(deps.db, admin.id)).toEqual(['administrator']);
      const badRole = await browser.send(`/admin/people/${target.id}/roles`, { roles: ['emperor'] });
      expect(badRole.statusCode).toBe(400);
      expect(await listRoles(deps.db, target.id)).toEqual(['facilitator', 'participant']);

      for (const id of [newId(), 'not-an-id']) {
        expect((await browser.get(`/admin/people/${id}`)).statusCode, id).toBe(404);
        expect(
          (await browser.send(`/admin/people/${id}/roles`, { roles: ['participant'] })).statusCode,
          id,
        ).toBe(404);
      }
      for (const query of ['page=0', 'page=abc', 'role=emperor', `q=${'x'.repeat(101)}`]) {
        expect((await browser.get(`/admin/people?${query}`)).statusCode, query).toBe(400);
      }
      expect((await browser.get('/admin/outbox')).statusCode).toBe(200);
    });
  });
}
