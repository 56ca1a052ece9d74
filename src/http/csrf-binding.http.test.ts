import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestApp } from '../../test/helpers/http.js';
import { Client, countRows, signedIn } from '../../test/helpers/http-extra.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';
import { translator } from '../i18n/i18n.js';
import { isCrossSite } from './csrf.js';

/**
 * CSRF tokens are bound to the session they were made for, and state-changing web requests that say they
 * come from another site (Sec-Fetch-Site, else Origin) are refused; requests with neither header are
 * judged by their token alone.
 */

describe('the cross-site judgement', () => {
  const own = ['http://localhost:3000'];
  it('trusts Sec-Fetch-Site first, then Origin, and nothing else', () => {
    expect(isCrossSite({ 'sec-fetch-site': 'same-origin' }, own)).toBe(false);
    expect(isCrossSite({ 'sec-fetch-site': 'none' }, own)).toBe(false);
    expect(isCrossSite({ 'sec-fetch-site': 'cross-site' }, own)).toBe(true);
    expect(isCrossSite({ 'sec-fetch-site': 'same-site' }, own)).toBe(true);
    expect(isCrossSite({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }, own)).toBe(false);
    expect(isCrossSite({ origin: 'http://localhost:3000' }, own)).toBe(false);
    expect(isCrossSite({ origin: 'HTTP://LOCALHOST:3000' }, own)).toBe(false);
    expect(isCrossSite({ origin: 'https://evil.example' }, own)).toBe(true);
    expect(isCrossSite({ origin: 'null' }, own)).toBe(true);
    expect(isCrossSite({}, own)).toBe(false);
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: CSRF tokens bound to the session, cross-site requests refused`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    const refused = translator('en').t('errors.csrf_invalid');
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    /** Creates an API token through the account page's form with these cookies, token and headers. */
    const createToken = (
      victim: Client,
      cookies: Record<string, string>,
      csrf: string,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method: 'POST',
        url: '/account/tokens',
        remoteAddress: victim.address,
        headers: {
          cookie: Object.entries(cookies)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        payload: new URLSearchParams({ name: 'planted', _csrf: csrf }).toString(),
      });

    it('refuses a token and CSRF cookie taken from another session or from a signed-out browser', async () => {
      const { browser: attacker } = await signedIn(app, deps, ['participant']);
      const { browser: victim } = await signedIn(app, deps, ['participant']);
      const attackersToken = await attacker.csrf();
      const anonymous = new Client(app);
      const anonymousToken = await anonymous.csrf();
      const victimSession = victim.jar.get('dp_session')!;
      const before = await countRows(deps, 'api_tokens');
      for (const [jar, token] of [
        [attacker.jar, attackersToken],
        [anonymous.jar, anonymousToken],
      ] as const) {
        const response = await createToken(
          victim,
          { dp_session: victimSession, dp_csrf: jar.get('dp_csrf')! },
          token,
        );
        expect(response.statusCode).toBe(403);
        expect(response.body).toContain(refused);
      }
      expect(await countRows(deps, 'api_tokens')).toBe(before);
      // The victim's own pair works (so the refusals above were the binding).
      const own = await createToken(
        victim,
        { dp_session: victimSession, dp_csrf: victim.jar.get('dp_csrf') ?? '' },
        await victim.csrf(),
      );
      expect(own.statusCode).toBe(201);
      expect(await countRows(deps, 'api_tokens')).toBe(before + 1);
    });

    it('refuses a cross-site form post with a valid token, and accepts same-origin or header-less ones', async () => {
      const { browser } = await signedIn(app, deps, ['participant']);
      const cookies = () => ({
        dp_session: browser.jar.get('dp_session')!,
        dp_csrf: browser.jar.get('dp_csrf')!,
      });
      const before = await countRows(deps, 'api_tokens');
      for (const headers of [
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { origin: 'https://evil.example' },
        { origin: 'null' },
      ] as Record<string, string>[]) {
        const response = await createToken(browser, cookies(), await browser.csrf(), headers);
        expect(response.statusCode, JSON.stringify(headers)).toBe(403);
        expect(response.body).toContain(refused);
      }
      expect(await countRows(deps, 'api_tokens')).toBe(before);
      for (const headers of [
        { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' },
        { origin: 'http://localhost:3000' },
        { origin: 'http://localhost:80' },
        {},
      ] as Record<string, string>[]) {
        const response = await createToken(browser, cookies(), await browser.csrf(), headers);
        expect(response.statusCode, JSON.stringify(headers)).toBe(201);
      }
      expect(await countRows(deps, 'api_tokens')).toBe(before + 4);
    });

    it('leaves the API alone: a bearer request from another origin is judged by its token', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        headers: { origin: 'https://wallet.example', 'sec-fetch-site': 'cross-site' },
        payload: { verifiableCredential: {} },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error?.code).not.toBe('csrf_invalid');
    });
  });
}
