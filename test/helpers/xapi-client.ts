/**
 * An xAPI client for tests: a real LRS credential and requests with its Basic authorization and the xAPI
 * version header (JSON bodies are serialised; a Buffer or string body is sent as it is).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../src/db/database.js';
import { systemActor } from '../../src/kernel/actor.js';
import { createLrsCredential } from '../../src/modules/lrs/lrs-credentials.js';
import { createTestApp } from './http.js';
import type { TestDeps } from './test-deps.js';

export type XapiMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type XapiCall = (
  method: XapiMethod,
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/** Creates an LRS credential; returns its id and the `Authorization` header that uses it. */
export async function lrsAuthorization(deps: TestDeps, name: string): Promise<{ id: string; auth: string }> {
  const created = await createLrsCredential(deps.db, deps, systemActor('test'), { name });
  return {
    id: created.id,
    auth: `Basic ${Buffer.from(`${created.key}:${created.secret}`).toString('base64')}`,
  };
}

/** Calls the LRS of `app` with `auth()` (read at each call, so it can be set in a `beforeAll`). */
export function xapiClient(app: () => FastifyInstance, auth: () => string): XapiCall {
  return (method, url, payload, headers = {}) => {
    const raw = Buffer.isBuffer(payload) || typeof payload === 'string';
    return app().inject({
      method,
      url,
      headers: {
        authorization: auth(),
        'x-experience-api-version': '1.0.3',
        ...(payload !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload === undefined
        ? {}
        : { payload: raw ? (payload as Buffer | string) : JSON.stringify(payload) }),
    });
  };
}

/** An LRS under test: the app, its deps and a credential's `Authorization`, set in the suite's `beforeAll`. */
export interface LrsUnderTest {
  app: FastifyInstance;
  deps: TestDeps;
  auth: string;
  xapi: XapiCall;
}

/**
 * Registers the `beforeAll` / `afterAll` of an xAPI suite on `dialect` (an app, an LRS credential named
 * `name`) and returns the LRS, its fields filled in once the suite starts.
 */
export function useLrsUnderTest(dialect: Dialect, name: string): LrsUnderTest {
  let close: () => Promise<void> = async () => {};
  const lrs = {} as LrsUnderTest;
  lrs.xapi = xapiClient(
    () => lrs.app,
    () => lrs.auth,
  );
  beforeAll(async () => {
    ({ app: lrs.app, deps: lrs.deps, close } = await createTestApp(dialect));
    ({ auth: lrs.auth } = await lrsAuthorization(lrs.deps, name));
  });
  afterAll(() => close());
  return lrs;
}
