import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDeps } from '../../src/bootstrap.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { translator } from '../../src/i18n/i18n.js';
import { startJobRunner } from '../../src/jobs/runner.js';
import { allJobHandlers } from '../../src/modules/index.js';
import { seedDemo } from '../../src/seed/seed-demo.js';

/**
 * Browser journeys: a real server (real HTTP on 127.0.0.1, a SQLite file, migrations, the demo seed) driven
 * by Debian's chromium through playwright-core, with axe-core on every page visited.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Generous limits: the machine is small and shared (2 cores). */
export const JOURNEY_TIMEOUT_MS = 120_000;
export const SERVER_START_TIMEOUT_MS = 120_000;

/** True when the journeys can run; when false they are skipped (or fail loudly with REQUIRE_BROWSER=1). */
export const browserAvailable = existsSync(CHROMIUM_PATH);

if (!browserAvailable) {
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(
      `REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} does not exist: the browser journeys would be skipped (apt-get install -y chromium).`,
    );
  }
  console.warn('Browser tests SKIPPED: /usr/bin/chromium not found (apt-get install -y chromium)');
}

export const DEMO_PASSWORD = 'diploma-demo-2026';

export interface TestServer {
  /** The server's real base URL, e.g. http://127.0.0.1:40123 (also in the config as BASE_URL). */
  url: string;
  dataDir: string;
  config: Config;
  /** The platform's own dependencies (for what a journey cannot click: a daily job run now). */
  deps: Deps;
  stop(): Promise<void>;
}

/**
 * Starts the whole platform as `npm start` does, on a free port of 127.0.0.1: a temporary DATA_DIR with
 * a SQLite file, migrations, the demo programme, no SMTP (mail goes to `$DATA_DIR/outbox`). With
 * `jobRunner: true` the background job runner runs too, as in `main.ts` (credential issuance, PDFs, mail),
 * polling every 100 ms; without it, queued jobs wait (the journeys that do not need them stay quiet).
 */
export async function startServer(options: { jobRunner?: boolean } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dp-browser-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, 'diploma.sqlite'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const deps = await createDeps(config);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await seedDemo(deps);
    app = await buildApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app?.close();
    await deps.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The port is only known once listening: the links in emails must carry it (BASE_URL).
  config.baseUrl = url;
  config.port = port;
  const jobs = options.jobRunner
    ? startJobRunner(deps, allJobHandlers(), { pollMs: 100, workerId: 'browser-tests' })
    : null;
  const running = app;
  let stopped: Promise<void> | null = null;
  return {
    url,
    dataDir,
    config,
    deps,
    stop: () => {
      stopped ??= (async () => {
        await jobs?.stop();
        await running.close();
        await deps.close();
        await rm(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches Debian's chromium (never a downloaded one). Each test then opens its own fresh context. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A fresh context (no cookies, no cache) and a page in it, with generous timeouts. */
export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'en-GB',
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  return { context, page };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core (WCAG 2.1 A + AA) on the page as it is; fails with a readable list of every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 10)
      .map((n) => `      - ${n.target.join(' ')}${n.failureSummary ? `: ${oneLine(n.failureSummary)}` : ''}`);
    const more = v.nodes.length > 10 ? [`      … and ${v.nodes.length - 10} more`] : [];
    return [`  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n');
  });
  throw new Error(
    `axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of the (single) element a locator finds, whitespace collapsed (fails when absent). */
export async function textOf(locator: Locator): Promise<string> {
  // Layout white space only: no-break spaces are text (French typography puts them before colons).
  return ((await locator.textContent()) ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
}

/** Clicks something that submits or navigates, and waits for the new document to load. */
export async function clickAndWait(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), click()]);
}

/** Signs in through the real form (the sign-in page of an anonymous English-speaking visitor). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  const en = translator('en');
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(en.t('field.email'), { exact: true }).fill(email);
  await page.getByLabel(en.t('field.password'), { exact: true }).fill(password);
  await clickAndWait(page, () => page.getByRole('button', { name: en.t('signIn.submit') }).click());
}

export interface OutboxMessage {
  file: string;
  /** The whole message as stored. */
  raw: string;
  /** The decoded text of the message (headers, then the decoded body parts). */
  text: string;
  /** The first http(s) link of the decoded text that matches `linkPattern` (any link when not given). */
  link: string | null;
}

/**
 * The newest message in `$DATA_DIR/outbox` addressed to `to`, decoded (quoted-printable soft line breaks
 * and `=XX` escapes, or base64), with a link extracted. Waits a little for the message to appear.
 */
export async function readOutbox(
  dataDir: string,
  to: string,
  options: { linkPattern?: RegExp; timeoutMs?: number } = {},
): Promise<OutboxMessage> {
  const dir = join(dataDir, 'outbox');
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const found = await newestTo(dir, to);
    if (found) {
      const text = decodeMessage(found.raw);
      const links = text.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
      const link = links.find((l) => (options.linkPattern ? options.linkPattern.test(l) : true)) ?? null;
      return { file: found.file, raw: found.raw, text, link };
    }
    if (Date.now() > deadline) throw new Error(`no message to ${to} in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function newestTo(dir: string, to: string): Promise<{ file: string; raw: string } | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.eml'));
  } catch {
    return null;
  }
  // Names start with an ISO timestamp and end with a sequence number: the newest sorts last.
  names.sort().reverse();
  const wanted = to.toLowerCase();
  for (const file of names) {
    const raw = await readFile(join(dir, file), 'utf8');
    const headers = unfoldHeaders(raw.split(/\r?\n\r?\n/, 1)[0] ?? '');
    const toHeader = headers.find((h) => /^to:/i.test(h)) ?? '';
    if (toHeader.toLowerCase().includes(wanted)) return { file, raw };
  }
  return null;
}

function unfoldHeaders(block: string): string[] {
  return block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
}

/** Decodes a single-part or multipart message into readable text (enough for links and wording). */
export function decodeMessage(raw: string): string {
  const normalized = raw.replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  const head = split === -1 ? normalized : normalized.slice(0, split);
  const body = split === -1 ? '' : normalized.slice(split + 2);
  const headers = unfoldHeaders(head);
  const contentType = headers.find((h) => /^content-type:/i.test(h)) ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary && /multipart\//i.test(contentType)) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'));
    return [head, ...parts.map((p) => decodeMessage(p.replace(/^\n/, '')))].join('\n\n');
  }
  const encoding = (headers.find((h) => /^content-transfer-encoding:/i.test(h)) ?? '')
    .replace(/^[^:]*:\s*/, '')
    .trim()
    .toLowerCase();
  return `${head}\n\n${decodeBody(body, encoding)}`;
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Quoted-printable: `=\n` is a soft line break; `=3D` and other `=XX` are bytes of UTF-8 text. */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      const codePoint = joined.codePointAt(i)!;
      for (const byte of Buffer.from(String.fromCodePoint(codePoint), 'utf8')) bytes.push(byte);
      if (codePoint > 0xffff) i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A one-page PDF small enough to upload as any application document. */
export const SMALL_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** Uploads SMALL_PDF, named `fileName`, as the CV on an application's documents step (a Spanish page). */
export async function uploadCv(page: Page, folder: string, fileName: string): Promise<void> {
  const es = translator('es');
  const file = join(folder, fileName);
  await writeFile(file, SMALL_PDF, 'latin1');
  await page
    .getByLabel(es.t('admissions.documents.file', { document: es.t('admissions.documents.cv') }))
    .setInputFiles(file);
  await clickAndWait(page, () =>
    page
      .getByRole('button', { name: es.t('admissions.documents.upload') })
      .first()
      .click(),
  );
}

/** What a journey's tests get: the platform and the browser (started once), and fresh pages. */
export interface Journey {
  /** The running platform (set before the first test). */
  readonly server: TestServer;
  readonly browser: Browser;
  /** A page in a fresh context (closed after the test): a locale such as 'fr-FR', or viewport and locale. */
  open(options?: string | { width?: number; height?: number; locale?: string }): Promise<Page>;
}

/**
 * The one setup of every browser journey: skipped (with the reason) when Debian's chromium is missing, and
 * required by CI (REQUIRE_BROWSER=1); the whole platform with the demo started once as `npm start` does
 * (with the job runner when asked), Chromium launched once, each test's pages in fresh contexts closed after
 * it, and everything stopped at the end.
 */
export function describeJourney(
  name: string,
  options: { jobRunner?: boolean },
  body: (journey: Journey) => void,
): void {
  describe.skipIf(!browserAvailable)(name, () => {
    let server: TestServer | undefined;
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];
    const journey: Journey = {
      get server() {
        if (!server) throw new Error('the journey has not started');
        return server;
      },
      get browser() {
        if (!browser) throw new Error('the journey has not started');
        return browser;
      },
      async open(wanted = {}) {
        const opened = await newPage(
          journey.browser,
          typeof wanted === 'string' ? { locale: wanted } : wanted,
        );
        contexts.push(opened.context);
        return opened.page;
      },
    };
    beforeAll(async () => {
      [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
    }, SERVER_START_TIMEOUT_MS);
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });
    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    });
    body(journey);
  });
}
