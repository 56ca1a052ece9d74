import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import {
  apiUser,
  Client,
  countRows,
  errorCode,
  heading,
  signedIn,
} from '../../../../test/helpers/http-extra.js';
import {
  type CsvRow,
  editionCode,
  IMPORT_HEADER,
  importCsv,
  insertPeople,
  multipartBody,
  uploadAsApi,
  uploadAsBrowser,
} from '../../../../test/helpers/import-helpers.js';
import {
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
} from '../../../../test/helpers/pathway-factories.js';
import { TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { IMPORT_MAX_BYTES } from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
// The pathway's own jobs: the certificates these results earn are the credentials tests' business.
import { PATHWAY_JOBS } from './import-jobs.js';

/** Result imports over HTTP: the manager's pages, the API, uploads' limits, exports; every refusal. */

const en = translator('en');
const fr = translator('fr');
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`${dialect}: result imports over HTTP`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let manager: Client;
    let participant: Client;
    let managerToken: string;
    let participantToken: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      ({ browser: manager } = await signedIn(app, deps, ['manager']));
      ({ browser: participant } = await signedIn(app, deps, ['participant']));
      ({ token: managerToken } = await apiUser(deps, ['manager']));
      ({ token: participantToken } = await apiUser(deps, ['participant']));
    });
    afterAll(async () => close?.());

    async function world() {
      deps.clock.set(TEST_NOW);
      const programme = await buildPathwayProgramme(deps);
      const code = editionCode();
      const edition = await buildDatedEdition(deps, programme.electives[0], '2026-03-01', '2026-04-30', {
        code,
      });
      const ana = await buildParticipant(deps);
      const ben = await buildParticipant(deps);
      const row = (person: { email: string }, extra: CsvRow = {}): CsvRow => ({
        email: person.email,
        course: programme.electives[0],
        edition: code,
        outcome: 'achievement',
        completed_on: '2026-04-30',
        ...extra,
      });
      return { programme, code, edition, ana, ben, row };
    }

    const importIdOf = (location: string | undefined) =>
      location?.match(/\/manage\/imports\/([0-9a-f-]{36})$/)?.[1];

    it('lets only programme managers see the import pages; unknown imports are not found', async () => {
      const anonymous = new Client(app);
      const toSignIn = await anonymous.get('/manage/imports/new');
      expect(toSignIn.statusCode).toBe(303);
      expect(toSignIn.headers.location).toMatch(/^\/sign-in\?next=/);
      expect((await participant.get('/manage/imports/new')).statusCode).toBe(403);
      const page = await manager.get('/manage/imports/new');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('imports.new.title'));
      expect(page.body).toContain('enctype="multipart/form-data"');
      expect(page.body).toContain('name="_csrf"');
      for (const url of [
        `/manage/imports/${UNKNOWN_ID}`,
        '/manage/imports/not-an-id',
        `/manage/imports/${UNKNOWN_ID}/errors.csv`,
      ]) {
        expect((await manager.get(url)).statusCode, url).toBe(404);
        expect((await participant.get(url)).statusCode, url).toBe(403);
        expect((await anonymous.get(url)).statusCode, url).toBe(303);
      }
      expect((await manager.send(`/manage/imports/${UNKNOWN_ID}/commit`)).statusCode).toBe(404);
      expect((await participant.send(`/manage/imports/${UNKNOWN_ID}/commit`)).statusCode).toBe(403);
      expect((await anonymous.send(`/manage/imports/${UNKNOWN_ID}/commit`)).statusCode).toBe(401);
    });

    it('uploads, previews and commits a file through the forms, without JavaScript', async () => {
      const w = await world();
      const csv = importCsv([w.row(w.ana, { grade: '<i>A</i>' }), w.row(w.ben)]);
      const response = await uploadAsBrowser(manager, { name: 'results.csv', content: csv });
      expect(response.statusCode).toBe(303);
      const id = importIdOf(response.headers.location as string);
      expect(id).toBeDefined();
      const preview = await manager.get(`/manage/imports/${id}`);
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain(en.t('imports.page.commit', { count: 2 }));
      expect(preview.body).toContain(en.t('imports.page.enrolNote', { count: 2 }));
      expect(preview.body).toContain('&lt;i>A&lt;/i>');
      expect(preview.body).not.toContain('<i>A</i>');
      expect(preview.body).not.toContain('http-equiv="refresh"');
      const commit = await manager.send(`/manage/imports/${id}/commit`);
      expect(commit.statusCode).toBe(303);
      const report = await manager.get(`/manage/imports/${id}`);
      expect(report.body).toContain(en.t('imports.flash.committed'));
      expect(report.body).toContain(en.t('imports.report.newResults', { count: 2 }));
      expect(report.body).not.toContain(en.t('imports.page.commit', { count: 2 }));
      const list = await manager.get('/manage/imports/new');
      expect(list.body).toContain(`/manage/imports/${id}`);
    });

    it('shows every problem with its row in the reader’s language, and offers them as CSV', async () => {
      const w = await world();
      const { browser: french } = await signedIn(app, deps, ['manager'], { locale: 'fr' });
      const csv = importCsv([
        w.row(w.ana),
        w.row({ email: 'nobody@example.org' }),
        w.row(w.ben, { outcome: 'réussi' }),
      ]);
      const response = await uploadAsBrowser(french, { name: 'r.csv', content: csv });
      const id = importIdOf(response.headers.location as string);
      const page = await french.get(`/manage/imports/${id}`);
      expect(page.body).toContain(fr.t('validation.unknownPerson'));
      expect(page.body).toContain(fr.t('imports.error.outcome', { value: 'réussi' }));
      expect(page.body).toContain(fr.t('imports.page.fixAndUpload'));
      expect(page.body).not.toContain(`/manage/imports/${id}/commit`);
      const refused = await french.send(`/manage/imports/${id}/commit`);
      expect(refused.statusCode).toBe(409);
      const csvResponse = await french.get(`/manage/imports/${id}/errors.csv`);
      expect(csvResponse.statusCode).toBe(200);
      expect(csvResponse.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csvResponse.headers['content-disposition']).toMatch(/^attachment;/);
      expect(csvResponse.body.startsWith('\ufeff')).toBe(true);
      expect(csvResponse.body).toContain(
        `3,${fr.t('imports.column.email')},${fr.t('validation.unknownPerson')}`,
      );
    });

    it('decides the type by content, refuses other files and too large ones, and ignores paths in names', async () => {
      const w = await world();
      const imports = await countRows(deps, 'imports');
      const { browser: french } = await signedIn(app, deps, ['manager'], { locale: 'fr' });
      const notCsv = await uploadAsBrowser(french, {
        name: 'results.csv',
        content: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00', 'latin1'),
        type: 'text/csv',
      });
      expect(notCsv.statusCode).toBe(400);
      expect(notCsv.body).toContain(fr.t('imports.error.fileType'));
      const html = await uploadAsBrowser(manager, {
        name: 'page.csv',
        content: '<html><script>alert(1)</script></html>',
      });
      expect(html.statusCode).toBe(400);
      expect(html.body).toContain(
        en.t('imports.error.noHeader', { columns: 'email, course, outcome, completed_on' }),
      );
      const none = await uploadAsBrowser(manager, null);
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain(en.t('imports.error.noFile'));
      const huge = await uploadAsBrowser(manager, {
        name: 'huge.csv',
        content: Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x61),
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.body).toContain(en.t('errors.payload_too_large'));
      expect(await countRows(deps, 'imports')).toBe(imports);

      const filesBefore = readdirSync(deps.config.dataDir, { recursive: true });
      const sneaky = await uploadAsBrowser(manager, {
        name: '../../../etc/passwd.csv',
        content: importCsv([w.row(w.ana)]),
      });
      expect(sneaky.statusCode).toBe(303);
      const id = importIdOf(sneaky.headers.location as string)!;
      const stored = await deps.db
        .selectFrom('imports')
        .select('file_name')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.file_name).toBe('passwd.csv');
      expect(readdirSync(deps.config.dataDir, { recursive: true })).toEqual(filesBefore);
      const page = await manager.get(`/manage/imports/${id}`);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('passwd.csv');
      expect(page.body).not.toContain('../');
    });

    it('refuses an upload without the right CSRF token, storing nothing', async () => {
      const w = await world();
      const imports = await countRows(deps, 'imports');
      const content = importCsv([w.row(w.ana)]);
      for (const csrf of [null, 'made-up']) {
        const response = await uploadAsBrowser(manager, { name: 'r.csv', content }, { csrf });
        expect(response.statusCode).toBe(403);
        expect(response.body).toContain(en.t('errors.csrf_invalid'));
      }
      expect(await countRows(deps, 'imports')).toBe(imports);
    });

    it('shows the progress of a large file with a progress bar that refreshes itself, then its preview and report', async () => {
      const w = await world();
      const people = await insertPeople(deps, 2001);
      const response = await uploadAsBrowser(manager, {
        name: 'big.csv',
        content: importCsv(people.map((p) => w.row(p))),
      });
      const id = importIdOf(response.headers.location as string);
      const waiting = await manager.get(`/manage/imports/${id}`);
      expect(waiting.body).toContain('<meta http-equiv="refresh" content="2"/>');
      expect(waiting.body).toContain('<progress id="import-progress"');
      expect(waiting.body).toContain(en.t('imports.page.checking'));
      expect(waiting.body).toContain(en.t('imports.page.stopRefresh'));
      const still = await manager.get(`/manage/imports/${id}?refresh=off`);
      expect(still.body).not.toContain('http-equiv="refresh"');
      expect(still.body).toContain('<progress id="import-progress"');
      expect(still.body).toContain(en.t('imports.page.startRefresh'));
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      const preview = await manager.get(`/manage/imports/${id}`);
      expect(preview.body).not.toContain('http-equiv="refresh"');
      expect(preview.body).toContain(en.t('imports.page.commit', { count: 2001 }));
      expect(preview.body).toContain(en.t('imports.rows.title', { count: 50, total: 2001 }));
      // Over the threshold: the commit is a job too, and the request returns at once.
      expect((await manager.send(`/manage/imports/${id}/commit`)).statusCode).toBe(303);
      const committing = await manager.get(`/manage/imports/${id}`);
      expect(committing.body).toContain(en.t('imports.flash.committing'));
      expect(committing.body).toContain('<meta http-equiv="refresh" content="2"/>');
      expect(committing.body).toContain(en.t('imports.page.committing'));
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      const report = await manager.get(`/manage/imports/${id}`);
      expect(report.body).not.toContain('http-equiv="refresh"');
      expect(report.body).toContain(en.t('imports.report.newResults', { count: 2001 }));
      expect(report.body).toContain(en.t('imports.report.enrolments', { count: 2001 }));
    }, 120_000);

    it('exports results as a CSV download, to the edition’s facilitators and managers only', async () => {
      const w = await world();
      const upload = await uploadAsBrowser(manager, {
        name: 'r.csv',
        content: importCsv([w.row(w.ana, { grade: '=2+2' })]),
      });
      await manager.send(`/manage/imports/${importIdOf(upload.headers.location as string)}/commit`);
      const response = await manager.get(`/manage/results.csv?edition=${w.code}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="results-${w.code}.csv"`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).toBe(
        `\ufeff${IMPORT_HEADER.join(',')}\n${w.ana.email},${w.programme.electives[0]},${w.code},achievement,'=2+2,,2026-04-30,\n`,
      );
      const byProgramme = await manager.get(`/manage/results.csv?programme=${w.programme.slug}`);
      expect(byProgramme.statusCode).toBe(200);
      expect((await participant.get(`/manage/results.csv?edition=${w.code}`)).statusCode).toBe(403);
      expect((await participant.get(`/manage/results.csv?programme=${w.programme.slug}`)).statusCode).toBe(
        403,
      );
      expect((await new Client(app).get(`/manage/results.csv?edition=${w.code}`)).statusCode).toBe(303);
      expect((await manager.get('/manage/results.csv')).statusCode).toBe(400);
      expect((await manager.get('/manage/results.csv?edition=NOPE9')).statusCode).toBe(404);
      expect((await manager.get('/manage/results.csv?programme=no-such-programme')).statusCode).toBe(404);
      const { browser: facilitator } = await signedIn(app, deps, ['facilitator']);
      expect((await facilitator.get(`/manage/results.csv?edition=${w.code}`)).statusCode).toBe(403);
    });

    it('API: uploads, previews, commits and exports, with error codes for every refusal', async () => {
      const w = await world();
      const content = importCsv([w.row(w.ana), w.row(w.ben, { grade: '12' })]);
      expect(errorCode(await uploadAsApi(app, null, { name: 'r.csv', content }))).toBe('unauthenticated');
      const forbidden = await uploadAsApi(app, participantToken, { name: 'r.csv', content });
      expect([forbidden.statusCode, errorCode(forbidden)]).toEqual([403, 'forbidden']);
      const wrong = await uploadAsApi(
        app,
        managerToken,
        { name: 'r.csv', content: Buffer.from([0x00, 0xff, 0x10]) },
        'es',
      );
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({
        error: {
          code: 'validation_failed',
          fields: [{ path: 'file', message: translator('es').t('imports.error.fileType') }],
        },
      });
      const huge = await uploadAsApi(app, managerToken, {
        name: 'r.csv',
        content: Buffer.alloc(IMPORT_MAX_BYTES + 10, 0x61),
      });
      expect([huge.statusCode, errorCode(huge)]).toEqual([413, 'payload_too_large']);
      const json = await api(app, 'POST', '/api/v1/imports', { token: managerToken, body: { file: 'x' } });
      expect([json.statusCode, errorCode(json)]).toEqual([400, 'validation_failed']);

      const created = await uploadAsApi(app, managerToken, { name: 'r.csv', content });
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(body).toMatchObject({
        fileName: 'r.csv',
        fileType: 'csv',
        status: 'previewed',
        canCommit: true,
        counts: { rows: 2, newResults: 2, enrolments: 2, errors: 0 },
        errors: [],
      });
      expect(body.rows[1]).toMatchObject({ line: 3, grade: '12', change: 'new', enrol: true });
      const got = await api(app, 'GET', `/api/v1/imports/${body.id}`, { token: managerToken });
      expect(got.json()).toEqual(body);
      for (const url of [`/api/v1/imports/${UNKNOWN_ID}`, '/api/v1/imports/nope']) {
        expect(errorCode(await api(app, 'GET', url, { token: managerToken }))).toBe('not_found');
      }
      expect(
        errorCode(await api(app, 'GET', `/api/v1/imports/${body.id}`, { token: participantToken })),
      ).toBe('forbidden');
      expect(errorCode(await api(app, 'GET', `/api/v1/imports/${body.id}`))).toBe('unauthenticated');
      expect(
        errorCode(await api(app, 'POST', `/api/v1/imports/${UNKNOWN_ID}/commit`, { token: managerToken })),
      ).toBe('not_found');
      expect(
        errorCode(await api(app, 'POST', `/api/v1/imports/${body.id}/commit`, { token: participantToken })),
      ).toBe('forbidden');
      const committed = await api(app, 'POST', `/api/v1/imports/${body.id}/commit`, { token: managerToken });
      expect(committed.statusCode).toBe(200);
      expect(committed.json()).toMatchObject({
        status: 'committed',
        report: { newResults: 2, enrolments: 2 },
      });

      const bad = await uploadAsApi(app, managerToken, {
        name: 'bad.csv',
        content: importCsv([w.row({ email: 'nobody@example.org' })]),
      });
      expect(bad.json().errors).toEqual([
        { line: 2, column: 'email', code: 'unknownPerson', message: en.t('validation.unknownPerson') },
      ]);
      const refused = await api(app, 'POST', `/api/v1/imports/${bad.json().id}/commit`, {
        token: managerToken,
      });
      expect([refused.statusCode, errorCode(refused)]).toEqual([409, 'invalid_state']);

      const exported = await api(app, 'GET', `/api/v1/results.csv?edition=${w.code}`, {
        token: managerToken,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(exported.body.split('\n').filter(Boolean)).toHaveLength(3);
      expect(errorCode(await api(app, 'GET', '/api/v1/results.csv', { token: managerToken }))).toBe(
        'validation_failed',
      );
      expect(errorCode(await api(app, 'GET', `/api/v1/results.csv?edition=${w.code}`))).toBe(
        'unauthenticated',
      );
      expect(
        errorCode(
          await api(app, 'GET', `/api/v1/results.csv?edition=${w.code}`, { token: participantToken }),
        ),
      ).toBe('forbidden');
      expect(
        errorCode(await api(app, 'GET', '/api/v1/results.csv?edition=NOPE9', { token: managerToken })),
      ).toBe('not_found');
    });

    it('API: a large file answers 202 and is checked by a job', async () => {
      const w = await world();
      const content = `${importCsv([w.row(w.ana)])}${'\n'.repeat(2100)}`;
      const accepted = await uploadAsApi(app, managerToken, { name: 'big.csv', content });
      expect(accepted.statusCode).toBe(202);
      expect(accepted.json()).toMatchObject({
        status: 'validating',
        job: { status: 'pending' },
        counts: null,
      });
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      const done = await api(app, 'GET', `/api/v1/imports/${accepted.json().id}`, { token: managerToken });
      expect(done.json()).toMatchObject({
        status: 'previewed',
        counts: { rows: 1 },
        job: { status: 'succeeded' },
      });
      const openapi = (await app.inject('/api/openapi.json')).json();
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/imports',
          '/api/v1/imports/{id}',
          '/api/v1/imports/{id}/commit',
          '/api/v1/results.csv',
        ]),
      );
      const { payload, headers } = multipartBody({}, { field: 'other', name: 'x.csv', content: 'a' });
      const wrongField = await app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { ...headers, authorization: `Bearer ${managerToken}` },
        payload,
      });
      expect([wrongField.statusCode, errorCode(wrongField)]).toEqual([400, 'validation_failed']);
    });
  });
}
