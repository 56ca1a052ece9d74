import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { buildPerson } from '../../test/helpers/factories.js';
import { api, createTestApp, csrfFrom } from '../../test/helpers/http.js';
import { Client } from '../../test/helpers/http-extra.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: authentication comes first, safe returns, back-off on the current password`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    it('an anonymous API call with a malformed body gets 401, not the validation details', async () => {
      const response = await api(app, 'POST', '/api/v1/courses', { body: { code: 1 } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
      expect(response.json().error.fields).toBeUndefined();
    });

    it('public API reads still need no token', async () => {
      expect((await api(app, 'GET', '/api/v1/courses')).statusCode).toBe(200);
      expect((await api(app, 'GET', '/api/v1/programmes')).statusCode).toBe(200);
    });

    it('the sign-in link of a 401 page after a form post returns to the form, not to the POST-only path', async () => {
      const client = new Client(app);
      const page = await client.get('/sign-up');
      const token = csrfFrom(page.body);
      const response = await client.post(
        '/account/profile',
        { _csrf: token, fullName: 'X', preferredLocale: 'en' },
        { referer: 'http://localhost:80/account?tab=profile', host: 'localhost:80' },
      );
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('/sign-in?next=%2Faccount%3Ftab%3Dprofile');
      expect(response.body).not.toContain('next=%2Faccount%2Fprofile');
      const foreign = await client.post(
        '/account/profile',
        { _csrf: token },
        { referer: 'https://evil.example/x' },
      );
      expect(foreign.body).toContain('/sign-in?next=%2F"');
      expect(foreign.body).not.toContain('next=%2Faccount%2Fprofile');
    });

    it('frames are refused by both headers', async () => {
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    });

    it('wrong current passwords back off like sign-in, and the right one then waits too', async () => {
      const person = await buildPerson(deps);
      const { changePassword } = await import('../modules/identity/account/update-account.js');
      const actor = { kind: 'user' as const, id: person.id, roles: person.roles, via: 'session' as const };
      for (let i = 0; i < 5; i++) {
        await expect(
          changePassword(deps.db, deps, actor, {
            currentPassword: 'wrong password!!',
            newPassword: 'a new long password',
          }),
        ).rejects.toMatchObject({
          code: 'validation_failed',
        });
      }
      await expect(
        changePassword(deps.db, deps, actor, {
          currentPassword: person.password,
          newPassword: 'a new long password',
        }),
      ).rejects.toMatchObject({
        code: 'too_many_attempts',
      });
      deps.clock.advance(2 * 60_000);
      await expect(
        changePassword(deps.db, deps, actor, {
          currentPassword: person.password,
          newPassword: 'a new long password',
        }),
      ).resolves.toBeUndefined();
    });
  });
}
