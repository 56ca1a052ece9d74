import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers/http.js';
import { type Client, signedIn, tokenOf } from '../../test/helpers/http-extra.js';
import type { TestDeps } from '../../test/helpers/test-deps.js';
import { translator } from '../i18n/i18n.js';
import { isMachinePath } from './context.js';
import { JSON_MAX_DEPTH, jsonNestsDeeperThan } from './json-body.js';

/**
 * A JSON body nested 5,000 levels deep gets 400 on every route that takes a body, in the route's usual
 * error shape (JSON error under /api and on the machine endpoints, Imsx_StatusInfo on the Open Badges
 * API, a translated page elsewhere), and never a 500.
 */

const deep = (levels: number) => `{"verifiableCredential":${'['.repeat(levels)}${']'.repeat(levels)}}`;

/** The W3C VC-API's paths, whose errors are problem details. */
const isVcApi = (path: string) =>
  /^\/(?:credentials\/(?:verify|issue|status)|presentations\/verify|challenges)$/.test(path);

describe('the JSON depth check', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonNestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(500)}"}`, 3)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\"${'{'.repeat(500)}"}`, 3)).toBe(false);
    expect(jsonNestsDeeperThan(deep(JSON_MAX_DEPTH - 1), JSON_MAX_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(deep(JSON_MAX_DEPTH), JSON_MAX_DEPTH)).toBe(true);
  });
});

describe('deeply nested JSON on every route that takes a body', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let browser: Client;
  let token: string;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    const signed = await signedIn(app, deps, ['manager', 'administrator', 'facilitator']);
    browser = signed.browser;
    token = await tokenOf(deps, signed.person);
  }, 60_000);
  afterAll(async () => close?.());

  it('answers 400 in the route’s error shape, never 500', async () => {
    const message = translator('en').t('errors.body_too_deep', { max: JSON_MAX_DEPTH });
    const routes = [...app.routeModules.keys()]
      .map((key) => key.split(' ') as [string, string])
      // A CORS preflight (OPTIONS) takes no body.
      .filter(([method]) => method !== 'GET' && method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(40);
    for (const [method, path] of routes) {
      const url = path.replace(/:\w+/g, '0190f5b4-0000-7000-8000-000000000000');
      const machine = isMachinePath(path);
      const response = await app.inject({
        method: method as 'POST',
        url,
        remoteAddress: browser.address,
        headers: {
          'content-type': 'application/json',
          ...(machine ? { authorization: `Bearer ${token}` } : { cookie: browser.jar.header() }),
        },
        payload: deep(5000),
      });
      const where = `${method} ${path}`;
      // An xAPI resource that does not take the method answers 405 with Allow before reading any body.
      if (path.startsWith('/xapi/') && response.statusCode === 405) {
        expect(response.headers.allow, where).toBeTruthy();
        continue;
      }
      expect(response.statusCode, where).toBe(400);
      if (path.startsWith('/ims/')) expect(response.json().imsx_codeMajor, where).toBe('failure');
      else if (isVcApi(path)) {
        // The VC-API's problem details (issue 16, point 12).
        expect(response.json(), where).toMatchObject({
          type: 'https://www.w3.org/TR/vc-data-model#PARSING_ERROR',
          code: 'body_too_deep',
        });
      } else if (machine) {
        expect(response.json().error.code, where).toBe('body_too_deep');
        expect(response.json().error.message, where).toBe(message);
      } else if (response.headers['content-type']?.toString().startsWith('application/json')) {
        // A machine endpoint with an error format of its own (the LRS, xAPI's): its 400 (above) is enough.
        expect(response.body, where).not.toContain('<html');
      } else {
        expect(response.headers['content-type'], where).toContain('text/html');
        expect(response.body, where).toContain(message);
      }
    }
  });

  it('reads bodies nested less deeply as before', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/credentials/verify',
      headers: { 'content-type': 'application/json' },
      payload: deep(10),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).not.toBe('body_too_deep');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
