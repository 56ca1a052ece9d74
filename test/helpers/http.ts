import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Dialect } from '../../src/db/database.js';
import { createTestDeps, type TestDeps } from './test-deps.js';

/** A test app over a fresh database of `dialect` (real HTTP handling through app.inject). */
export async function createTestApp(
  dialect: Dialect,
): Promise<{ app: FastifyInstance; deps: TestDeps; close(): Promise<void> }> {
  const deps = await createTestDeps(dialect);
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
}

/** A browser's cookie jar for app.inject: keeps the cookies responses set and sends them back. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      expires?: Date;
      maxAge?: number;
    }[]) {
      const expired =
        cookie.value === '' ||
        (cookie.expires && cookie.expires.getTime() < Date.now()) ||
        cookie.maxAge === 0;
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The value of the first `_csrf` hidden field in a page. */
export function csrfFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match?.[1]) throw new Error('no CSRF field in the page');
  return match[1];
}

/** A signed-in (or anonymous) browser on the test app. */
export class Browser {
  readonly jar = new CookieJar();
  constructor(private readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.jar.header(), ...headers },
    });
    this.jar.store(response);
    return response;
  }

  /** Posts a form as a browser would: fetches `formPage` for its CSRF token first. */
  async submit(
    formPage: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formPage);
    const token = csrfFrom(page.body);
    return this.post(action, { ...fields, _csrf: token });
  }

  /** Posts urlencoded fields as they are (no CSRF token added). */
  async post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.jar.store(response);
    return response;
  }

  /** Signs in through the real form; throws when it does not redirect. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await this.submit('/sign-in', '/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in failed with ${response.statusCode}`);
  }
}

/** JSON API calls with a bearer token. */
export async function api(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
  url: string,
  options: { token?: string; body?: unknown; lang?: string } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lang) headers['accept-language'] = options.lang;
  return app.inject({
    method,
    url,
    headers,
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
  });
}
