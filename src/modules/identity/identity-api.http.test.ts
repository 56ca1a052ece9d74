import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../test/helpers/http.js';
import { apiUser, signedIn } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { newId } from '../../kernel/ids.js';
import { findUserById, listRoles } from './users.repository.js';

/** /api/v1 identity routes: bearer tokens only, JSON errors with stable codes and translated messages. */

const en = translator('en');
const fr = translator('fr');
type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};

for (const dialect of DIALECTS) {
  describe(`${dialect}: identity API`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      const body = response.json() as ErrorBody;
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
      return body;
    };

    it('answers 401 unauthenticated without a token, with a wrong, malformed, revoked or disabled one', async () => {
      const { person, token } = await apiUser(deps);
      const revoked = await apiUser(deps);
      const id = (await api(app, 'GET', '/api/v1/me/tokens', { token: revoked.token })).json().tokens[0].id;
      expect((await api(app, 'DELETE', `/api/v1/me/tokens/${id}`, { token: revoked.token })).statusCode).toBe(
        204,
      );
      const disabled = await apiUser(deps);
      await deps.db
        .updateTable('users')
        .set({ disabled_at: deps.clock.now().toISOString() })
        .where('id', '=', disabled.person.id)
        .execute();
      for (const header of [
        undefined,
        `Bearer ${token}x`,
        `Bearer dp_${'a'.repeat(120)}`,
        'Bearer not-a-token',
        `Basic ${Buffer.from(`${person.email}:${person.password}`).toString('base64')}`,
        `Bearer ${revoked.token}`,
        `Bearer ${disabled.token}`,
      ]) {
        const response = await app.inject({
          url: '/api/v1/me',
          headers: header ? { authorization: header } : {},
        });
        const body = expectError(response, 401, 'unauthenticated');
        expect(body.error.message, header).toBe(en.t('errors.unauthenticated'));
      }
      const me = await api(app, 'GET', '/api/v1/me', { token });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        id: person.id,
        email: person.email,
        roles: ['participant'],
        emailConfirmed: true,
      });
      expect(JSON.stringify(me.json())).not.toMatch(/password|hash/i);
    });

    it('never authenticates the API with the session cookie', async () => {
      const { browser } = await signedIn(app, deps, ['administrator']);
      const cookie = browser.jar.header();
      expect((await browser.get('/account')).statusCode).toBe(200);
      const tokens = await deps.db.selectFrom('api_tokens').selectAll().execute();
      for (const [method, url] of [
        ['GET', '/api/v1/me'],
        ['GET', '/api/v1/people'],
        ['POST', '/api/v1/me/tokens'],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          headers: { cookie },
          ...(method === 'POST' ? { payload: { name: 'x' } } : {}),
        });
        expectError(response, 401, 'unauthenticated');
      }
      expect(await deps.db.selectFrom('api_tokens').selectAll().execute()).toEqual(tokens);
    });

    it('updates one own profile; bad bodies get 400 with translated fields (?lang= or the owner language)', async () => {
      const { person, token } = await apiUser(deps, ['participant'], { locale: 'fr' });
      const before = await findUserById(deps.db, person.id);
      const bad = { fullName: '', preferredLocale: 'de', country: 'ZZ' };
      const inFrench = expectError(
        await api(app, 'PUT', '/api/v1/me', { token, body: bad }),
        400,
        'validation_failed',
      );
      expect(inFrench.error.message).toBe(fr.t('errors.validation_failed'));
      expect(inFrench.error.fields).toEqual([
        { path: 'fullName', code: 'required', message: fr.t('validation.required') },
        { path: 'preferredLocale', code: 'invalidChoice', message: fr.t('validation.invalidChoice') },
        { path: 'country', code: 'invalidCountry', message: fr.t('validation.invalidCountry') },
      ]);
      const inSpanish = expectError(
        await api(app, 'PUT', '/api/v1/me?lang=es', { token, body: bad }),
        400,
        'validation_failed',
      );
      expect(inSpanish.error.fields?.[0]?.message).toBe(translator('es').t('validation.required'));
      const missing = expectError(
        await api(app, 'PUT', '/api/v1/me?lang=en', { token, body: {} }),
        400,
        'validation_failed',
      );
      expect(missing.error.fields?.map((f) => `${f.path}:${f.code}`)).toEqual([
        'fullName:required',
        'preferredLocale:invalidChoice',
      ]);
      expect(await findUserById(deps.db, person.id)).toEqual(before);

      expectError(
        await api(app, 'PUT', '/api/v1/me', { body: { fullName: 'X', preferredLocale: 'en' } }),
        401,
        'unauthenticated',
      );
      const ok = await api(app, 'PUT', '/api/v1/me', {
        token,
        body: { fullName: 'Zhang Wei 张伟', preferredLocale: 'es', country: 'cn' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ fullName: 'Zhang Wei 张伟', preferredLocale: 'es', country: 'CN' });
      const now = expectError(await api(app, 'GET', '/api/v1/people', { token }), 403, 'forbidden');
      expect(now.error.message).toBe(translator('es').t('errors.forbidden'));
    });

    it('creates (201, secret once), lists and revokes tokens; someone else’s token is 404', async () => {
      const { person, token } = await apiUser(deps);
      const other = await apiUser(deps);
      const created = await api(app, 'POST', '/api/v1/me/tokens', { token, body: { name: 'CI' } });
      expect(created.statusCode).toBe(201);
      const { token: secret, summary } = created.json();
      expect(secret).toMatch(/^dp_/);
      expect((await api(app, 'GET', '/api/v1/me', { token: secret })).json().id).toBe(person.id);
      const listed = await api(app, 'GET', '/api/v1/me/tokens', { token });
      expect(
        listed
          .json()
          .tokens.map((t: { name: string }) => t.name)
          .sort(),
      ).toEqual(['CI', 'tests']);
      expect(listed.body).not.toContain(secret.slice(12));

      const blank = expectError(
        await api(app, 'POST', '/api/v1/me/tokens', { token, body: { name: ' ' } }),
        400,
        'validation_failed',
      );
      expect(blank.error.fields).toEqual([
        { path: 'name', code: 'required', message: en.t('validation.required') },
      ]);
      expectError(
        await api(app, 'POST', '/api/v1/me/tokens', { body: { name: 'x' } }),
        401,
        'unauthenticated',
      );
      expect((await api(app, 'GET', '/api/v1/me/tokens', { token })).json().tokens).toHaveLength(2);

      for (const id of [summary.id, newId(), 'not-an-id']) {
        expectError(
          await api(app, 'DELETE', `/api/v1/me/tokens/${id}`, { token: other.token }),
          404,
          'not_found',
        );
      }
      expectError(
        await api(app, 'DELETE', `/api/v1/me/tokens/${'x'.repeat(65)}`, { token }),
        400,
        'validation_failed',
      );
      expect((await api(app, 'GET', '/api/v1/me', { token: secret })).statusCode).toBe(200);
      expect((await api(app, 'DELETE', `/api/v1/me/tokens/${summary.id}`, { token })).statusCode).toBe(204);
      expectError(await api(app, 'GET', '/api/v1/me', { token: secret }), 401, 'unauthenticated');
      expectError(await api(app, 'GET', '/api/v1/me/tokens'), 401, 'unauthenticated');
    });

    it('lets administrators and managers search people; others get 403, bad queries 400', async () => {
      const admin = await apiUser(deps, ['administrator']);
      const manager = await apiUser(deps, ['manager']);
      const participant = await apiUser(deps, ['participant', 'facilitator', 'assessor']);
      await buildPerson(deps, { fullName: 'Searchable Quokka' });
      for (const { token } of [admin, manager]) {
        const response = await api(app, 'GET', '/api/v1/people?q=quokka', { token });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({
          total: 1,
          page: 1,
          pageCount: 1,
          people: [{ fullName: 'Searchable Quokka' }],
        });
      }
      expectError(await api(app, 'GET', '/api/v1/people', { token: participant.token }), 403, 'forbidden');
      expectError(await api(app, 'GET', '/api/v1/people'), 401, 'unauthenticated');
      const bad = expectError(
        await api(app, 'GET', '/api/v1/people?page=0&role=king', { token: admin.token }),
        400,
        'validation_failed',
      );
      expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['querystring.page', 'querystring.role']);
    });

    it('reads one person (404 for unknown or malformed ids) and sets roles (administrators only)', async () => {
      const admin = await apiUser(deps, ['administrator']);
      const manager = await apiUser(deps, ['manager']);
      const participant = await apiUser(deps);
      const target = await buildPerson(deps);
      expect(
        (await api(app, 'GET', `/api/v1/people/${target.id}`, { token: manager.token })).json().email,
      ).toBe(target.email);
      expectError(
        await api(app, 'GET', `/api/v1/people/${target.id}`, { token: participant.token }),
        403,
        'forbidden',
      );
      expectError(await api(app, 'GET', `/api/v1/people/${target.id}`), 401, 'unauthenticated');
      for (const id of [newId(), 'nobody']) {
        expectError(await api(app, 'GET', `/api/v1/people/${id}`, { token: admin.token }), 404, 'not_found');
        expectError(
          await api(app, 'PUT', `/api/v1/people/${id}/roles`, { token: admin.token, body: { roles: [] } }),
          404,
          'not_found',
        );
      }

      const roles = (
        token?: string,
        body: unknown = { roles: ['participant', 'assessor'] },
        id = target.id,
      ) => api(app, 'PUT', `/api/v1/people/${id}/roles`, { token, body });
      expectError(await roles(), 401, 'unauthenticated');
      expectError(await roles(manager.token), 403, 'forbidden');
      expectError(await roles(participant.token), 403, 'forbidden');
      const invalid = expectError(
        await roles(admin.token, { roles: ['participant', 'king'] }),
        400,
        'validation_failed',
      );
      expect(invalid.error.fields).toEqual([
        { path: 'roles.1', code: 'invalidChoice', message: en.t('validation.invalidChoice') },
      ]);
      expectError(await roles(admin.token, { roles: 'participant' }), 400, 'validation_failed');
      const own = expectError(
        await roles(admin.token, { roles: ['manager'] }, admin.person.id),
        409,
        'invalid_state',
      );
      expect(own.error.message).toBe(en.t('errors.invalid_state'));
      expect(await listRoles(deps.db, admin.person.id)).toEqual(['administrator']);
      expect(await listRoles(deps.db, target.id)).toEqual(['participant']);

      const ok = await roles(admin.token);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ roles: ['assessor', 'participant'] });
      expect(await listRoles(deps.db, target.id)).toEqual(['assessor', 'participant']);
    });
  });
}
