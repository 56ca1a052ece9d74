import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { buildPerson } from '../../test/helpers/factories.js';
import { api, createTestApp } from '../../test/helpers/http.js';
import { apiUser, Client, countRows, errorCode, signedIn } from '../../test/helpers/http-extra.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';
import { buildApp } from '../app.js';
import type { DB } from '../db/schema.js';
import { translator } from '../i18n/i18n.js';
import { findUserById } from '../modules/identity/users.repository.js';
import { resolveLocale, safeNextPath } from './context.js';

/** Cross-cutting HTTP behaviour: health, headers, request ids, 404s, languages, bodies, session cookies. */

const htmlLang = (html: string) => html.match(/<html lang="([a-z]+)"/)?.[1];
const cookieNamed = (response: { cookies: unknown[] }, name: string) =>
  (response.cookies as { name: string; value: string; [k: string]: unknown }[]).find((c) => c.name === name);

describe('safeNextPath', () => {
  it('keeps same-site paths and refuses everything that could leave the site', () => {
    expect(safeNextPath('/courses?theme=rights')).toBe('/courses?theme=rights');
    for (const bad of [
      '//evil.com',
      'https://evil.com',
      '/\\evil.com',
      'evil.com',
      '/\t/evil.com',
      '/\n/x',
      5,
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe('/');
    }
    expect(safeNextPath('/a'.repeat(600), '/home')).toBe('/home');
    expect(safeNextPath('/cours/€ été')).toBe('/cours/%E2%82%AC%20%C3%A9t%C3%A9');
  });
});

describe('resolveLocale', () => {
  it('prefers the preference, then the cookie, then Accept-Language, then English', () => {
    expect(resolveLocale('es', 'fr', 'fr')).toBe('es');
    expect(resolveLocale(null, 'es', 'fr')).toBe('es');
    expect(resolveLocale(null, 'xx', 'de, fr;q=0.8')).toBe('fr');
    expect(resolveLocale(null, undefined, 'de')).toBe('en');
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: cross-cutting HTTP`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    it('answers /healthz and /readyz', async () => {
      const health = await app.inject('/healthz');
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ok', database: dialect });
    });

    it('says 503 on /readyz when the database does not answer, while /healthz stays up', async () => {
      const broken = new Kysely<DB>({
        dialect: new SqliteDialect({
          database: async () => {
            throw new Error('database down');
          },
        }),
      });
      const down = await buildApp({ ...deps, db: broken }, { logger: false });
      try {
        expect((await down.inject('/readyz')).statusCode).toBe(503);
        expect((await down.inject('/readyz')).json()).toEqual({ status: 'unavailable' });
        expect((await down.inject('/healthz')).statusCode).toBe(200);
      } finally {
        await down.close();
      }
    });

    it('serves the OpenAPI 3.1 document and its reference page', async () => {
      const doc = await app.inject('/api/openapi.json');
      expect(doc.statusCode).toBe(200);
      const json = doc.json() as { openapi: string; paths: Record<string, unknown> };
      expect(json.openapi).toBe('3.1.0');
      for (const path of [
        '/api/v1/me',
        '/api/v1/people/{id}/roles',
        '/api/v1/courses/{code}/editions',
        '/api/v1/themes/{slug}',
      ]) {
        expect(Object.keys(json.paths), path).toContain(path);
      }
      expect(Object.keys(json.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
      const page = await app.inject('/api/docs/');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
    });

    it('sends the security headers on pages, errors and the API', async () => {
      for (const url of ['/', '/nope', '/api/v1/programmes']) {
        const response = await app.inject(url);
        const csp = String(response.headers['content-security-policy']);
        expect(csp, url).toContain("default-src 'self'");
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("object-src 'none'");
        expect(response.headers['x-content-type-options'], url).toBe('nosniff');
        expect(response.headers['referrer-policy'], url).toBe('no-referrer');
        // Plain http (secure cookies off): no HSTS, no upgrade of requests.
        expect(response.headers['strict-transport-security'], url).toBeUndefined();
        expect(csp, url).not.toContain('upgrade-insecure-requests');
      }
    });

    it('behind https (secure cookies on) adds HSTS and Secure cookies', async () => {
      const secure = await buildApp(
        { ...deps, config: { ...deps.config, secureCookies: true } },
        { logger: false },
      );
      try {
        const person = await buildPerson(deps);
        const page = await secure.inject('/sign-in');
        expect(page.headers['strict-transport-security']).toContain('max-age=');
        expect(cookieNamed(page, 'dp_csrf')).toMatchObject({ secure: true, httpOnly: true });
        const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)![1]!;
        const signIn = await secure.inject({
          method: 'POST',
          url: '/sign-in',
          headers: {
            cookie: `dp_csrf=${cookieNamed(page, 'dp_csrf')!.value}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: new URLSearchParams({
            email: person.email,
            password: person.password,
            _csrf: csrf,
          }).toString(),
        });
        expect(signIn.statusCode).toBe(303);
        expect(cookieNamed(signIn, 'dp_session')).toMatchObject({
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        });
      } finally {
        await secure.close();
      }
    });

    it('gives every response an x-request-id, echoing a well-formed incoming one only', async () => {
      const fresh = await app.inject('/');
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
      const echoed = await app.inject({ url: '/nope', headers: { 'x-request-id': 'trace-123.abc' } });
      expect(echoed.headers['x-request-id']).toBe('trace-123.abc');
      const forged = await app.inject({
        url: '/api/v1/me',
        headers: { 'x-request-id': 'bad id\u0000<script>' },
      });
      expect(forged.statusCode).toBe(401);
      expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const long = await app.inject({ url: '/', headers: { 'x-request-id': 'a'.repeat(65) } });
      expect(long.headers['x-request-id']).not.toBe('a'.repeat(65));
    });

    it('translates the 404 page per Accept-Language and answers JSON under /api', async () => {
      for (const locale of ['en', 'fr', 'es'] as const) {
        const response = await app.inject({
          url: '/no/such/page',
          headers: { 'accept-language': `${locale};q=0.9` },
        });
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toContain('text/html');
        expect(htmlLang(response.body)).toBe(locale);
        expect(response.body).toContain(translator(locale).t('errorPage.title.404'));
      }
      const json = await app.inject({ url: '/api/v1/no-such-thing?lang=es' });
      expect(json.statusCode).toBe(404);
      expect(json.headers['content-type']).toContain('application/json');
      expect(json.json()).toEqual({
        error: { code: 'not_found', message: translator('es').t('errors.not_found') },
      });
    });

    it('switches language with a cookie and returns to the page, never to another site', async () => {
      const browser = new Client(app);
      const response = await browser.get('/lang/fr?next=%2Fcourses%3Ftheme%3Drights');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/courses?theme=rights');
      expect(cookieNamed(response, 'dp_lang')).toMatchObject({
        value: 'fr',
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
      });
      const page = await browser.get('/courses', { 'accept-language': 'es' });
      expect(htmlLang(page.body)).toBe('fr');
      expect(page.body).toContain('href="/lang/es?next=%2Fcourses"');
      for (const next of [
        '//evil.com',
        'https://evil.com',
        '/\\evil.com',
        '%2F%09%2Fevil.com',
        'javascript:alert(1)',
      ]) {
        const attempt = await app.inject(
          `/lang/es?next=${next.startsWith('%') ? next : encodeURIComponent(next)}`,
        );
        expect(attempt.statusCode, next).toBe(303);
        expect(attempt.headers.location, next).toBe('/');
      }
      const unicode = await app.inject(`/lang/es?next=${encodeURIComponent('/courses?q=€')}`);
      expect(unicode.statusCode).toBe(303);
      expect(unicode.headers.location).toBe('/courses?q=%E2%82%AC');
      const unknown = await app.inject({
        url: '/lang/de?next=/courses',
        headers: { 'accept-language': 'fr' },
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['set-cookie'] ?? '').not.toContain('dp_lang');
      expect(unknown.body).toContain(translator('fr').t('errorPage.title.404'));
    });

    it("keeps a signed-in person's choice for the session, without rewriting their preferred language", async () => {
      const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'en' });
      expect((await browser.get('/lang/es?next=/account')).headers.location).toBe('/account');
      // Their preference (mails, the next sign-in) is theirs to change on the account page.
      expect((await findUserById(deps.db, person.id))!.preferred_locale).toBe('en');
      expect(htmlLang((await browser.get('/courses')).body)).toBe('es');
      const page = await app.inject({
        url: '/courses',
        headers: {
          cookie: `dp_session=${browser.jar.get('dp_session')}; dp_session_lang=es; dp_lang=fr`,
          'accept-language': 'fr',
        },
      });
      expect(htmlLang(page.body)).toBe('es');
      // Without the session's choice, the preference beats the cookie and Accept-Language.
      const preferred = await app.inject({
        url: '/courses',
        headers: {
          cookie: `dp_session=${browser.jar.get('dp_session')}; dp_lang=fr`,
          'accept-language': 'fr',
        },
      });
      expect(htmlLang(preferred.body)).toBe('en');
      // Signing in again starts from the preference.
      const again = await browser.send('/sign-in', { email: person.email, password: person.password });
      expect(String(again.headers['set-cookie'])).toMatch(/dp_session_lang=;/);
      const anonymous = await app.inject({
        url: '/courses',
        headers: { cookie: 'dp_lang=fr', 'accept-language': 'es' },
      });
      expect(htmlLang(anonymous.body)).toBe('fr');
      const badCookie = await app.inject({
        url: '/courses',
        headers: { cookie: 'dp_lang=xx', 'accept-language': 'es-MX' },
      });
      expect(htmlLang(badCookie.body)).toBe('es');
      expect(
        htmlLang((await app.inject({ url: '/courses', headers: { 'accept-language': 'de' } })).body),
      ).toBe('en');
    });

    it('answers 400 (JSON) to a malformed, empty, mistyped or non-object API body, creating nothing', async () => {
      const { token } = await apiUser(deps, ['manager']);
      const before = await countRows(deps, 'courses');
      for (const [type, payload] of [
        ['application/json', '{"code": "BAD1", '],
        ['application/json', ''],
        ['application/xml', '<course code="BAD1"/>'],
      ] as const) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/courses?lang=fr',
          headers: { authorization: `Bearer ${token}`, 'content-type': type },
          payload,
        });
        expect(response.statusCode, `${type} ${payload}`).toBe(400);
        expect(response.json()).toEqual({
          error: { code: 'bad_request', message: translator('fr').t('errors.bad_request') },
        });
      }
      for (const payload of ['[1]', 'null', '"BAD1"']) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/courses',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload,
        });
        expect(response.statusCode, payload).toBe(400);
        expect(errorCode(response), payload).toBe('validation_failed');
      }
      expect(await countRows(deps, 'courses')).toBe(before);
      // The same token and body shape do work (so the refusals above were about the body).
      const ok = await api(app, 'POST', '/api/v1/courses', {
        token,
        body: {
          code: 'BODY1',
          title: { en: 'Body test' },
          learningHours: 1,
          credentialOnSuccess: 'achievement',
        },
      });
      expect(ok.statusCode).toBe(201);
      expect(await countRows(deps, 'courses')).toBe(before + 1);
    });

    it('answers 413 to a body over 1 MiB, as JSON under /api and as a page elsewhere', async () => {
      const big = 'x'.repeat(1024 * 1024 + 1);
      const json = await app.inject({
        method: 'POST',
        url: '/api/v1/courses',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ code: 'BIG1', title: { en: big } }),
      });
      expect(json.statusCode).toBe(413);
      expect(errorCode(json)).toBe('payload_too_large');
      const form = await app.inject({
        method: 'POST',
        url: '/sign-up',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'es' },
        payload: `fullName=${big}`,
      });
      expect(form.statusCode).toBe(413);
      expect(form.body).toContain(translator('es').t('errors.payload_too_large'));
    });

    it('sets the session cookie HttpOnly, SameSite=Lax, without Secure on http, for 14 days', async () => {
      const person = await buildPerson(deps);
      const browser = new Client(app);
      const response = await browser.send('/sign-in', { email: person.email, password: person.password });
      expect(response.statusCode).toBe(303);
      const cookie = cookieNamed(response, 'dp_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.secure).toBeFalsy();
      const expires = (cookie.expires as Date).getTime() - deps.clock.now().getTime();
      expect(expires).toBe(14 * 24 * 60 * 60 * 1000);
      const raw = String(response.headers['set-cookie']);
      expect(raw).toMatch(/dp_session=[^;]+;.*HttpOnly/);
      expect(raw).not.toMatch(/dp_session=[^,]*Secure/);
    });

    it('rotates the session id at sign-in and ends the previous session; a planted id is never used', async () => {
      const person = await buildPerson(deps);
      const browser = new Client(app);
      const planted = 'attacker-chosen-session-id';
      await browser.get(`/lang/en?next=/`);
      browser.jar.store({ cookies: [{ name: 'dp_session', value: planted }] } as never);
      await browser.signIn(person.email, person.password);
      const first = browser.jar.get('dp_session')!;
      expect(first).not.toBe(planted);
      await browser.signIn(person.email, person.password);
      const second = browser.jar.get('dp_session')!;
      expect(second).not.toBe(first);
      const me = (session: string) =>
        app.inject({ url: '/account', headers: { cookie: `dp_session=${session}` } });
      expect((await me(second)).statusCode).toBe(200);
      const old = await me(first);
      expect(old.statusCode).toBe(303);
      expect(old.headers.location).toBe('/sign-in?next=%2Faccount');
      const sessions = await deps.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', person.id)
        .execute();
      expect(sessions).toHaveLength(1);
    });
  });
}
