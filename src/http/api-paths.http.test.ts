import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedCertificate } from '../../test/helpers/credential-factories.js';
import { databaseSnapshot } from '../../test/helpers/database-snapshot.js';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestApp } from '../../test/helpers/http.js';
import { type Client, signedIn } from '../../test/helpers/http-extra.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';
import { isMachinePath } from './context.js';

/**
 * The API-or-web decision follows the route the router matched, never the raw URL: a path the router
 * decodes or folds (`/%61pi/v1/…`, doubled slashes, another case) reaches an API route without the session
 * cookie counting, so a manager's cookie and a form body (with a valid CSRF token, even) change nothing.
 */

/** Every API route of the app (under /api and the machine endpoints outside it), as `METHOD /path`. */
function apiRoutes(app: FastifyInstance): [string, string][] {
  return [...app.routeModules.keys()]
    .map((key) => key.split(' ') as [string, string])
    .filter(([, path]) => isMachinePath(path));
}

/** The same path as a lenient router reads it, spelled the ways an attacker would. */
function variants(path: string): string[] {
  const encodeFirstLetter = (segment: string) => {
    const i = segment.search(/[a-z]/i);
    if (i < 0) return segment;
    const hex = segment.charCodeAt(i).toString(16);
    return `${segment.slice(0, i)}%${hex}${segment.slice(i + 1)}`;
  };
  const segments = path.split('/');
  const last = segments.length - 1;
  return [
    `/${encodeFirstLetter(segments[1] ?? '')}/${segments.slice(2).join('/')}`,
    `${segments.slice(0, last).join('/')}/${encodeFirstLetter(segments[last] ?? '')}`,
    `/${path}`,
    path.replace(/\/([^/]+)$/, '//$1'),
    path.toUpperCase(),
    path.replace(/^\/(.)/, (_, c: string) => `/${c.toUpperCase()}`),
  ];
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: API routes through spelled-out paths`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let browser: Client;
    let credentialId: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      ({ browser } = await signedIn(app, deps, ['manager', 'administrator']));
      credentialId = (await issuedCertificate(deps)).credential.id;
    }, 60_000);
    afterAll(async () => close?.());

    /** The path with its parameters filled in (a real credential, so a route that changes it could). */
    const filled = (path: string) => path.replace(/:\w+/g, credentialId);

    it('lists the API routes it checks', () => {
      const routes = apiRoutes(app).map((r) => r.join(' '));
      expect(routes).toContain('POST /api/v1/me/tokens');
      expect(routes).toContain('POST /api/v1/credentials/:id/suspend');
      expect(routes).toContain('POST /credentials/verify');
      expect(routes.length).toBeGreaterThan(20);
    });

    it('never changes anything with a cookie and a form body on any spelling of a state-changing API route', async () => {
      const before = await databaseSnapshot(deps);
      const csrf = await browser.csrf();
      const changing = apiRoutes(app).filter(([method]) => method !== 'GET' && method !== 'OPTIONS');
      expect(changing.length).toBeGreaterThan(10);
      for (const [method, path] of changing) {
        for (const url of variants(filled(path))) {
          const response = await app.inject({
            method: method as 'POST',
            url,
            remoteAddress: browser.address,
            headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
            payload: new URLSearchParams({ _csrf: csrf, name: 'planted', reason: 'x' }).toString(),
          });
          expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, `${method} ${url}`).not.toBe(500);
        }
      }
      expect(await databaseSnapshot(deps)).toBe(before);
      const credential = await deps.db
        .selectFrom('credentials')
        .select('status')
        .where('id', '=', credentialId)
        .executeTakeFirstOrThrow();
      expect(credential.status).toBe('active');
    });

    it('answers the API’s 401 (JSON) to a cookie on an encoded path, and the session still works on the web', async () => {
      for (const url of ['/%61pi/v1/me', '/api/v1/%6de', '/%61pi/v1/me/tokens']) {
        const response = await browser.get(url);
        expect(response.statusCode, url).toBe(401);
        expect(response.json().error.code, url).toBe('unauthenticated');
      }
      const post = await browser.post('/%61pi/v1/me/tokens', {
        name: 'planted',
        _csrf: await browser.csrf(),
      });
      expect(post.statusCode).toBe(401);
      expect(post.json().error.code).toBe('unauthenticated');
      expect((await browser.get('/account')).statusCode).toBe(200);
    });

    it('answers JSON 404s to unknown paths that look like the API in any spelling', async () => {
      for (const url of ['/API/v1/nothing', '//api/v1/nothing', '/%61pi/v1/nothing']) {
        const response = await browser.get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code, url).toBe('not_found');
      }
    });
  });
}
