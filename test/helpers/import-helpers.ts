import { randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../src/db/database.js';
import type { Deps } from '../../src/deps.js';
import type { Actor } from '../../src/kernel/actor.js';
import { newId } from '../../src/kernel/ids.js';
import { uploadImport } from '../../src/modules/pathway/import/import-upload.js';
import { buildCourse } from './factories.js';
import { type Client, countRows } from './http-extra.js';
import {
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
  registerAs,
} from './pathway-factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from './test-deps.js';

/**
 * Helpers for result-import tests: CSV text from rows, multipart bodies as a browser sends them, and
 * people inserted in bulk (creating 1,000 accounts through the use case would hash 1,000 passwords).
 */

export const IMPORT_HEADER = [
  'email',
  'course',
  'edition',
  'outcome',
  'grade',
  'started_on',
  'completed_on',
  'reference',
];

/** One import row as a record of column → text (missing columns are empty). */
export type CsvRow = Partial<Record<(typeof IMPORT_HEADER)[number], string>>;

/** CSV text of rows in the import format, with the header first. */
export function importCsv(rows: readonly CsvRow[], header: readonly string[] = IMPORT_HEADER): string {
  return stringify([header as string[], ...rows.map((r) => header.map((c) => r[c] ?? ''))]);
}

/** A multipart/form-data body with text fields and one file part. */
export function multipartBody(
  fields: Record<string, string>,
  file: { field?: string; name: string; content: Buffer | string; type?: string } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dp${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Sends a multipart web form (fields + optional `file`, with the form's CSRF token) as a signed-in browser. */
export async function sendMultipart(
  browser: Client,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string; type?: string } | null,
): Promise<LightMyRequestResponse> {
  const form = multipartBody({ ...fields, _csrf: await browser.csrf() }, file);
  const response = await browser.app.inject({
    method: 'POST',
    url,
    remoteAddress: browser.address,
    headers: { ...form.headers, cookie: browser.jar.header() },
    payload: form.payload,
  });
  browser.jar.store(response);
  return response;
}

/** Uploads a file through the web form of a signed-in browser (with its CSRF token unless told otherwise). */
export async function uploadAsBrowser(
  browser: Client,
  file: { name: string; content: Buffer | string; type?: string } | null,
  options: { csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const token = options.csrf === undefined ? await browser.csrf() : options.csrf;
  const { payload, headers } = multipartBody(token === null ? {} : { _csrf: token }, file);
  const response = await browser.app.inject({
    method: 'POST',
    url: '/manage/imports',
    remoteAddress: browser.address,
    headers: { ...headers, cookie: browser.jar.header() },
    payload,
  });
  browser.jar.store(response);
  return response;
}

/** Uploads a file through the API with a bearer token (messages in `lang` when given). */
export function uploadAsApi(
  app: FastifyInstance,
  token: string | null,
  file: { name: string; content: Buffer | string; type?: string } | null,
  lang?: string,
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody({}, file);
  return app.inject({
    method: 'POST',
    url: lang ? `/api/v1/imports?lang=${lang}` : '/api/v1/imports',
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload,
  });
}

/** Inserts `count` confirmed participants directly (no password hashing); returns their emails and ids. */
export async function insertPeople(deps: Deps, count: number): Promise<{ id: string; email: string }[]> {
  const now = deps.clock.now().toISOString();
  const tag = randomBytes(4).toString('hex');
  const people = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    email: `bulk-${tag}-${i}@example.org`,
  }));
  for (let i = 0; i < people.length; i += 200) {
    await deps.db
      .insertInto('users')
      .values(
        people.slice(i, i + 200).map((p, j) => ({
          id: p.id,
          email: p.email,
          password_hash: 'not-a-real-hash',
          full_name: `Bulk Person ${i + j}`,
          preferred_locale: 'en',
          email_verified_at: now,
          country: null,
          constituency: null,
          organisation: null,
          job_title: null,
          disabled_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  return people;
}

/** A unique edition code (course codes' format). */
export function editionCode(prefix = 'E'): string {
  return `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * A results file of three participants' achievements in one dated edition of a new programme's first
 * elective (the first participant a candidate), at the test clock: the rows and the file's text.
 */
export async function threeAchievements(deps: Deps) {
  const programme = await buildPathwayProgramme(deps);
  const code = editionCode();
  await buildDatedEdition(deps, programme.electives[0], '2026-03-01', '2026-04-30', { code });
  const people = [];
  for (let i = 0; i < 3; i++) people.push(await buildParticipant(deps));
  await registerAs(deps, programme, people[0]!, '2026-01-01');
  const csv = importCsv(
    people.map((p) => ({
      email: p.email,
      course: programme.electives[0],
      edition: code,
      outcome: 'achievement',
      completed_on: '2026-04-30',
    })),
  );
  return { programme, code, people, csv };
}

/**
 * What most import tests need: a programme, an edition of its first elective (`code`) and one of its
 * second (`other`), both with codes, a participation-only course, two participants, Ana a candidate.
 */
export async function buildImportWorld(deps: Deps) {
  const programme = await buildPathwayProgramme(deps);
  const code = editionCode();
  const edition = await buildDatedEdition(deps, programme.electives[0], '2026-03-01', '2026-04-30', { code });
  const other = await buildDatedEdition(deps, programme.electives[1], '2026-05-01', '2026-06-30', {
    code: editionCode(),
  });
  const participationOnly = await buildCourse(deps, { credentialOnSuccess: 'participation', programmes: [] });
  const ana = await buildParticipant(deps);
  const ben = await buildParticipant(deps);
  const candidacyId = await registerAs(deps, programme, ana, '2026-01-01');
  return { programme, edition, code, other, participationOnly, ana, ben, candidacyId };
}

/**
 * The set-up every import use-case test shares, on one engine: a manager, a fresh import world at the
 * test clock, uploads as that manager, and a fingerprint of everything an import can change (to prove
 * that something changed nothing).
 */
export function importTestBench(dialect: Dialect) {
  const bench = {} as { deps: TestDeps; manager: Actor };
  beforeAll(async () => {
    bench.deps = await createTestDeps(dialect);
    const person = await buildParticipant(bench.deps, { roles: ['manager'] });
    bench.manager = { kind: 'user', id: person.id, roles: ['manager'], via: 'session' };
  });
  afterAll(async () => bench.deps?.close());
  return {
    get deps() {
      return bench.deps;
    },
    get manager() {
      return bench.manager;
    },
    world: () => {
      bench.deps.clock.set(TEST_NOW);
      return buildImportWorld(bench.deps);
    },
    upload: (csv: string | Buffer, fileName = 'results.csv', options = {}) =>
      uploadImport(
        bench.deps.db,
        bench.deps,
        bench.manager,
        { fileName, bytes: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) },
        options,
      ),
    state: async () =>
      JSON.stringify([
        await bench.deps.db.selectFrom('results').selectAll().orderBy('id').execute(),
        await bench.deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute(),
        await bench.deps.db.selectFrom('candidacies').select(['id', 'standing_json']).orderBy('id').execute(),
        await countRows(bench.deps, 'audit_events'),
      ]),
  };
}
