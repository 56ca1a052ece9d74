import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import {
  type CsvRow,
  IMPORT_HEADER,
  importCsv,
  importTestBench,
} from '../../../../test/helpers/import-helpers.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { type AppError, isAppError } from '../../../kernel/errors.js';
import { commitImport } from './import-commit.js';
// The pathway's own jobs: the certificates these results earn are the credentials tests' business.
import { PATHWAY_JOBS } from './import-jobs.js';
import { getImport } from './import-view.js';
import { exportResults } from './results-export.js';

/** Exports that import back unchanged, XLSX workbooks, and large files handed to jobs (both engines). */

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: result exports, XLSX and large imports`, () => {
    const bench = importTestBench(dialect);
    const { world, upload, state } = bench;

    it('exports results in the import format; importing the export changes nothing', async () => {
      const w = await world();
      const rows: CsvRow[] = [
        {
          email: w.ana.email,
          course: w.programme.electives[0],
          edition: w.code,
          outcome: 'achievement',
          grade: '=1+1',
          completed_on: '2026-04-30',
        },
        {
          email: w.ben.email,
          course: w.programme.electives[0],
          edition: w.code,
          outcome: 'not-passed',
          completed_on: '2026-04-30',
        },
        {
          email: w.ana.email,
          course: w.programme.academy,
          outcome: 'achievement',
          started_on: '2015-01-05',
          completed_on: '2015-03-01',
          reference: '@ref, "quoted"',
        },
      ];
      await commitImport(bench.deps.db, bench.deps, bench.manager, (await upload(importCsv(rows))).id);
      const edition = await text(
        (await exportResults(bench.deps.db, bench.deps, bench.manager, { edition: w.code })).chunks,
      );
      expect(edition.startsWith(`\ufeff${IMPORT_HEADER.join(',')}\n`)).toBe(true);
      expect(edition).toContain(
        `${w.ana.email},${w.programme.electives[0]},${w.code},achievement,'=1+1,,2026-04-30,`,
      );
      expect(edition.split('\n').filter(Boolean)).toHaveLength(3);
      const all = await text(
        (await exportResults(bench.deps.db, bench.deps, bench.manager, { programme: w.programme.slug }))
          .chunks,
      );
      expect(all).toContain(
        `${w.ana.email},${w.programme.academy},,achievement,,2015-01-05,2015-03-01,"'@ref, ""quoted"""`,
      );
      const before = await state();
      const again = await upload(all, 'export.csv');
      const view = await getImport(bench.deps.db, bench.deps, bench.manager, again.id);
      expect(view.problems).toEqual([]);
      expect(view.counts).toMatchObject({ newResults: 0, changedResults: 0, enrolments: 0 });
      expect(view.counts?.unchangedRows).toBe(view.counts?.rows);
      await commitImport(bench.deps.db, bench.deps, bench.manager, again.id);
      expect(JSON.stringify(JSON.parse(await state()).slice(0, 3))).toBe(
        JSON.stringify(JSON.parse(before).slice(0, 3)),
      );
      const scopeError = await failure(exportResults(bench.deps.db, bench.deps, bench.manager, {}));
      expect(isAppError(scopeError, 'validation_failed')).toBe(true);
      expect(
        isAppError(
          await failure(exportResults(bench.deps.db, bench.deps, bench.manager, { edition: 'NOSUCH' })),
          'not_found',
        ),
      ).toBe(true);
    });

    it('reads XLSX workbooks (dates as dates, numbers as grades) like the same CSV', async () => {
      const w = await world();
      const sheet = [
        ['Results 2026'],
        IMPORT_HEADER,
        [
          w.ana.email,
          w.programme.electives[0],
          w.code,
          'achievement',
          87,
          null,
          new Date(Date.UTC(2026, 3, 30)),
          null,
        ],
        [
          w.ben.email,
          w.programme.academy,
          null,
          'Certificado de aprovechamiento',
          null,
          '2012-02-01',
          '2012-05-31',
          'X-9',
        ],
      ];
      const bytes = await writeXlsxFile(sheet, { dateFormat: 'yyyy-mm-dd' }).toBuffer();
      const { id } = await upload(bytes, 'results.xlsx');
      const view = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(view.fileType).toBe('xlsx');
      expect(view.problems).toEqual([]);
      expect(view.rows.map((r) => [r.line, r.grade, r.outcome, r.completedOn, r.startedOn])).toEqual([
        [3, '87', 'achievement', '2026-04-30', null],
        [4, null, 'achievement', '2012-05-31', '2012-02-01'],
      ]);
    });

    it('hands a large file to jobs: checked in the background, committed in the background, once', async () => {
      const w = await world();
      const rows: CsvRow[] = [w.ana, w.ben].map((p) => ({
        email: p.email,
        course: w.programme.electives[0],
        edition: w.code,
        outcome: 'achievement',
        completed_on: '2026-04-30',
      }));
      const { id } = await upload(importCsv(rows), 'big.csv', { inlineMaxRows: 1 });
      let view = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(view.status).toBe('validating');
      expect(view.job).toMatchObject({ kind: 'pathway.import-validate', status: 'pending' });
      expect(await runJobsUntilIdle(bench.deps, PATHWAY_JOBS)).toBe(1);
      view = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(view.status).toBe('previewed');
      expect(view.job).toMatchObject({ status: 'succeeded', progress: 2, total: 2 });
      expect(await commitImport(bench.deps.db, bench.deps, bench.manager, id, { inlineMaxRows: 1 })).toEqual({
        status: 'committing',
      });
      expect(await commitImport(bench.deps.db, bench.deps, bench.manager, id, { inlineMaxRows: 1 })).toEqual({
        status: 'committing',
      });
      expect(await runJobsUntilIdle(bench.deps, PATHWAY_JOBS)).toBe(1);
      view = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(view.status).toBe('committed');
      expect(view.job).toMatchObject({ kind: 'pathway.import-commit', status: 'succeeded' });
      expect(view.report).toMatchObject({ newResults: 2, enrolments: 2 });
      const audit = await bench.deps.db
        .selectFrom('audit_events')
        .select('actor_id')
        .where('action', '=', 'import.committed')
        .where('target_id', '=', id)
        .execute();
      expect(audit).toEqual([{ actor_id: bench.manager.kind === 'user' ? bench.manager.id : null }]);
    });
  });
}
