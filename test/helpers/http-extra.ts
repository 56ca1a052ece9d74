import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DB } from '../../src/db/schema.js';
import { isMachinePath } from '../../src/http/context.js';
import type { Role } from '../../src/kernel/actor.js';
import { createApiToken } from '../../src/modules/identity/sign-in/api-tokens.js';
import { buildPerson, type TestPerson } from './factories.js';
import { CookieJar, csrfFrom } from './http.js';
import type { TestDeps } from './test-deps.js';

/**
 * Extras for HTTP tests: a browser with its own client address (the per-address rate limits of the sign-in
 * and mail forms then never couple two tests), signed-in browsers and API tokens per role, and small
 * readers of pages and of the database.
 */

let addressCounter = 0;
/** A fresh client address (10.x.y.z) for each browser. */
export function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** A browser with a cookie jar and its own client address. */
export class Client {
  readonly jar = new CookieJar();
  constructor(
    readonly app: FastifyInstance,
    readonly address: string = nextAddress(),
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.address,
      headers: { cookie: this.jar.header(), ...headers },
    });
    this.jar.store(response);
    return response;
  }

  /** Posts urlencoded fields as they are (no CSRF token added). */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.address,
      headers: {
        cookie: this.jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      payload: body.toString(),
    });
    this.jar.store(response);
    return response;
  }

  /** A valid CSRF token for this browser (read from a page that has a form for everyone). */
  async csrf(): Promise<string> {
    return csrfFrom((await this.get('/sign-up')).body);
  }

  /** Posts a form with a valid CSRF token, as a browser would after loading the page. */
  async send(url: string, fields: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    return this.post(url, { ...fields, _csrf: await this.csrf() });
  }

  /** Signs in through the real form; throws when it does not redirect. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await this.send('/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in failed with ${response.statusCode}`);
  }
}

/** A confirmed person with `roles`, signed in in a new browser. */
export async function signedIn(
  app: FastifyInstance,
  deps: TestDeps,
  roles: Role[] = ['participant'],
  options: { locale?: string; fullName?: string } = {},
): Promise<{ browser: Client; person: TestPerson }> {
  const person = await buildPerson(deps, { roles, ...options });
  const browser = new Client(app);
  await browser.signIn(person.email, person.password);
  return { browser, person };
}

/** A personal API token of `person` (created through the use case, as the account page does). */
export async function tokenOf(deps: TestDeps, person: TestPerson): Promise<string> {
  const actor = { kind: 'user' as const, id: person.id, roles: person.roles, via: 'session' as const };
  return (await createApiToken(deps.db, deps, actor, { name: 'tests' })).token;
}

/** A confirmed person with `roles` and an API token. */
export async function apiUser(
  deps: TestDeps,
  roles: Role[] = ['participant'],
  options: { locale?: string } = {},
): Promise<{ person: TestPerson; token: string }> {
  const person = await buildPerson(deps, { roles, ...options });
  return { person, token: await tokenOf(deps, person) };
}

/** How many rows a table has (to prove a refused request changed nothing). */
export async function countRows(deps: TestDeps, table: keyof DB): Promise<number> {
  const row = await deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The message shown next to the field `name` (the `error-<name>` paragraph), or null. */
export function fieldError(html: string, name: string): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = html.match(new RegExp(`<p class="error" id="error-${escaped}">([^<]*)</p>`));
  return match?.[1] ?? null;
}

/** The text of the page's <h1> (tags stripped). */
export function heading(html: string): string {
  return (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
}

/** The JSON error code of an API response. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}

/**
 * Every POST route of the app served as a web form, read from Fastify's route tree: not /api, nor the
 * machine endpoints outside it (VC-API…), which take bearer tokens only and so need no CSRF token.
 */
export function webPostRoutes(app: FastifyInstance): string[] {
  const lines = app.printRoutes({ method: 'POST', commonPrefix: false }).split('\n');
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of lines) {
    const match = line.match(/^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \((.+)\))?$/);
    if (!match) continue;
    const depth = (match[1]?.length ?? 0) / 4;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    stack.length = depth + 1;
    // The xAPI LRS (/xapi/…) authenticates every call by HTTP Basic and never reads cookies: no CSRF surface.
    if (match[3]?.split(', ').includes('POST') && !isMachinePath(path) && !path.startsWith('/xapi/'))
      routes.push(path);
  }
  return routes.sort();
}

/** A new browser signed in as an existing person. */
export async function browserFor(
  app: FastifyInstance,
  person: { email: string; password: string },
): Promise<Client> {
  const browser = new Client(app);
  await browser.signIn(person.email, person.password);
  return browser;
}
