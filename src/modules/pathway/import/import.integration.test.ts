import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { countRows } from '../../../../test/helpers/http-extra.js';
import {
  type CsvRow,
  IMPORT_HEADER,
  importCsv,
  importTestBench,
} from '../../../../test/helpers/import-helpers.js';
import { buildParticipant } from '../../../../test/helpers/pathway-factories.js';
import type { Actor } from '../../../kernel/actor.js';
import { listAuditEvents } from '../../../kernel/audit.js';
import { type AppError, isAppError } from '../../../kernel/errors.js';
import { commitImport } from './import-commit.js';
import { uploadImport } from './import-upload.js';
import { getImport } from './import-view.js';

/** Result imports on the use cases: preview, commit all or nothing, re-import, refusals (both engines). */

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);

for (const dialect of DIALECTS) {
  describe(`${dialect}: result imports`, () => {
    const bench = importTestBench(dialect);
    const { world, upload, state } = bench;

    it('previews, then commits edition results and legacy certificates, enrolling who is not enrolled', async () => {
      const w = await world();
      const rows: CsvRow[] = [
        {
          email: w.ana.email,
          course: w.programme.electives[0],
          edition: w.code,
          outcome: 'achievement',
          grade: '87',
          completed_on: '2026-04-30',
        },
        {
          email: w.ben.email.toUpperCase(),
          course: w.programme.electives[0].toLowerCase(),
          edition: w.code.toLowerCase(),
          outcome: 'Certificat de participation',
          completed_on: '2026-04-30',
        },
        {
          email: w.ana.email,
          course: w.programme.academy,
          outcome: 'Certificate of Achievement',
          started_on: '2023-01-10',
          completed_on: '2023-03-01',
          reference: 'OLD-42',
        },
      ];
      const { id } = await upload(`\ufeffResults exported from the old system\n\n${importCsv(rows)}`);
      const preview = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(preview.status).toBe('previewed');
      expect(preview.problems).toEqual([]);
      expect(preview.counts).toMatchObject({
        rows: 3,
        newResults: 3,
        changedResults: 0,
        unchangedRows: 0,
        enrolments: 2,
        legacyRows: 1,
        errors: 0,
      });
      expect(preview.rows.map((r) => [r.line, r.outcome, r.change, r.enrol])).toEqual([
        [4, 'achievement', 'new', true],
        [5, 'participation', 'new', true],
        [6, 'achievement', 'new', false],
      ]);
      expect(preview.canCommit).toBe(true);
      // Nothing is written by the preview.
      const before = await bench.deps.db
        .selectFrom('results')
        .selectAll()
        .where('user_id', 'in', [w.ana.id, w.ben.id])
        .execute();
      expect(before).toEqual([]);

      expect(await commitImport(bench.deps.db, bench.deps, bench.manager, id)).toEqual({
        status: 'committed',
      });
      const results = await bench.deps.db
        .selectFrom('results')
        .selectAll()
        .where('user_id', 'in', [w.ana.id, w.ben.id])
        .orderBy('completed_on')
        .execute();
      expect(results.map((r) => [r.outcome, r.grade, r.source, r.reference])).toEqual([
        ['achievement', null, 'legacy', 'OLD-42'],
        ['achievement', '87', 'import', null],
        ['participation', null, 'import', null],
      ]);
      const enrolments = await bench.deps.db
        .selectFrom('enrolments')
        .selectAll()
        .where('edition_id', '=', w.edition.id)
        .execute();
      expect(enrolments.map((e) => e.status).sort()).toEqual(['enrolled', 'enrolled']);
      const audit = await listAuditEvents(bench.deps.db, 'user', w.ana.id);
      expect(audit.map((a) => a.action).sort()).toEqual(
        expect.arrayContaining(['enrolment.created', 'result.legacy-recorded', 'result.recorded']),
      );
      const managerId = bench.manager.kind === 'user' ? bench.manager.id : null;
      expect(audit.filter((a) => a.action.startsWith('result.')).every((a) => a.actorId === managerId)).toBe(
        true,
      );
      const report = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(report.status).toBe('committed');
      expect(report.report).toMatchObject({
        newResults: 3,
        changedResults: 0,
        enrolments: 2,
        candidaciesRefreshed: 1,
      });
      // The candidate's standing was re-evaluated in the same transaction: the Academy now counts.
      const standing = await bench.deps.db
        .selectFrom('candidacies')
        .selectAll()
        .where('id', '=', w.candidacyId)
        .executeTakeFirstOrThrow();
      expect(
        JSON.parse(standing.standing_json).requirements.find((r: { id: string }) => r.id === 'academy')
          .status,
      ).toBe('met');
      expect(
        await bench.deps.db.selectFrom('import_files').selectAll().where('import_id', '=', id).execute(),
      ).toEqual([]);
      // Committing again changes nothing.
      const after = await state();
      expect(await commitImport(bench.deps.db, bench.deps, bench.manager, id)).toEqual({
        status: 'committed',
      });
      expect(await state()).toBe(after);
    });

    it('re-importing the same file changes nothing; a changed grade is a change', async () => {
      const w = await world();
      const rows: CsvRow[] = [
        {
          email: w.ana.email,
          course: w.programme.electives[0],
          edition: w.code,
          outcome: 'achievement',
          grade: 'B',
          completed_on: '2026-04-30',
        },
        {
          email: w.ben.email,
          course: w.programme.academy,
          outcome: 'participation',
          completed_on: '2019-06-30',
          reference: 'R-1',
        },
      ];
      const first = await upload(importCsv(rows));
      await commitImport(bench.deps.db, bench.deps, bench.manager, first.id);
      const before = await state();
      const again = await upload(importCsv(rows));
      expect((await getImport(bench.deps.db, bench.deps, bench.manager, again.id)).counts).toMatchObject({
        newResults: 0,
        changedResults: 0,
        unchangedRows: 2,
        enrolments: 0,
      });
      await commitImport(bench.deps.db, bench.deps, bench.manager, again.id);
      const importAudit = 2; // import.uploaded and import.committed of the second file
      expect(JSON.parse(await state())[3]).toBe(JSON.parse(before)[3] + importAudit);
      expect(JSON.stringify(JSON.parse(await state()).slice(0, 3))).toBe(
        JSON.stringify(JSON.parse(before).slice(0, 3)),
      );

      const changed = await upload(
        importCsv([
          { ...rows[0], grade: 'A' },
          { ...rows[1], reference: 'R-2' },
        ]),
      );
      expect((await getImport(bench.deps.db, bench.deps, bench.manager, changed.id)).counts).toMatchObject({
        changedResults: 2,
        unchangedRows: 0,
      });
      await commitImport(bench.deps.db, bench.deps, bench.manager, changed.id);
      const audit = await listAuditEvents(bench.deps.db, 'user', w.ana.id);
      expect(audit[0]).toMatchObject({
        action: 'result.changed',
        before: expect.objectContaining({ grade: 'B' }),
        after: expect.objectContaining({ grade: 'A' }),
      });
    });

    it('reports every problem with its row, and refuses to commit while any remains', async () => {
      const w = await world();
      const e0 = w.programme.electives[0];
      const rows: CsvRow[] = [
        {
          email: 'nobody@example.org',
          course: e0,
          edition: w.code,
          outcome: 'achievement',
          completed_on: '2026-04-30',
        },
        {
          email: w.ana.email,
          course: 'NOPE1',
          edition: w.code,
          outcome: 'achievement',
          completed_on: '2026-04-30',
        },
        {
          email: w.ana.email,
          course: e0,
          edition: 'NOPE2',
          outcome: 'achievement',
          completed_on: '2026-04-30',
        },
        {
          email: w.ana.email,
          course: e0,
          edition: w.other.code!,
          outcome: 'achievement',
          completed_on: '2026-06-30',
        },
        {
          email: w.ana.email,
          course: e0,
          edition: w.code,
          outcome: 'achievement',
          completed_on: '2026-02-01',
        },
        {
          email: w.ana.email,
          course: w.participationOnly.code,
          outcome: 'achievement',
          completed_on: '2020-01-01',
        },
        { email: w.ana.email, course: e0, edition: w.code, outcome: 'passed', completed_on: '31/04/2026' },
        {
          email: w.ben.email,
          course: e0,
          edition: w.code,
          outcome: 'achievement',
          completed_on: '2026-04-30',
          started_on: '2026-03-01',
          reference: 'X',
        },
        {
          email: w.ben.email,
          course: w.programme.academy,
          outcome: 'achievement',
          started_on: '2020-05-01',
          completed_on: '2020-01-01',
        },
        {
          email: w.ben.email,
          course: w.programme.academy,
          outcome: 'achievement',
          completed_on: '2027-01-01',
        },
        {
          email: w.ana.email,
          course: w.programme.academy,
          outcome: 'achievement',
          completed_on: '2021-01-01',
        },
        {
          email: w.ana.email,
          course: w.programme.academy,
          outcome: 'participation',
          completed_on: '2021-01-01',
        },
      ];
      const before = await state();
      const { id } = await upload(importCsv(rows));
      const view = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(view.problems.map((p) => `${p.line}:${p.column ?? ''}:${p.key}`)).toEqual([
        '2:email:validation.unknownPerson',
        '3:course:validation.unknownCourse',
        '4:edition:imports.error.unknownEdition',
        '5:edition:imports.error.editionOfOtherCourse',
        '6:completed_on:validation.completedBeforeStart',
        '7:outcome:validation.noAchievementForCourse',
        '8:completed_on:validation.invalidDate',
        '8:outcome:imports.error.outcome',
        '9:reference:imports.error.legacyOnly',
        '9:started_on:imports.error.legacyOnly',
        '10:completed_on:validation.endBeforeStart',
        '11:completed_on:validation.completedInFuture',
        '12::imports.error.duplicate',
        '13::imports.error.duplicate',
      ]);
      expect(view.counts).toMatchObject({ rows: 12, errorRows: 12, newResults: 0 });
      expect(view.canCommit).toBe(false);
      const refused = await failure(commitImport(bench.deps.db, bench.deps, bench.manager, id));
      expect(isAppError(refused, 'invalid_state')).toBe(true);
      // Nothing but the upload's own audit event.
      expect(JSON.parse(await state())[3]).toBe(JSON.parse(before)[3] + 1);
      expect(JSON.stringify(JSON.parse(await state()).slice(0, 3))).toBe(
        JSON.stringify(JSON.parse(before).slice(0, 3)),
      );
    });

    it('refuses a file that is not a spreadsheet, has no header or lacks a required column; nothing is stored', async () => {
      const imports = await countRows(bench.deps, 'imports');
      const keyOf = async (bytes: Buffer | string) => {
        const error = await failure(upload(bytes));
        return isAppError(error, 'validation_failed') ? error.fields[0]?.key : error;
      };
      expect(await keyOf(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toBe('imports.error.fileType');
      expect(await keyOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
        'imports.error.fileType',
      );
      expect(await keyOf(Buffer.from('caf\xe9', 'latin1'))).toBe('imports.error.fileType');
      expect(await keyOf('')).toBe('imports.error.empty');
      expect(await keyOf('name,age\nAna,3\n')).toBe('imports.error.noHeader');
      expect(await keyOf('email,course,edition\na@example.org,FRP,\n')).toBe('imports.error.missingColumns');
      expect(await keyOf(`${IMPORT_HEADER.join(',')}\n\n`)).toBe('imports.error.noRows');
      expect(await keyOf(`${IMPORT_HEADER.join(',')}\n"a@example.org,FRP\n`)).toBe('imports.error.csvSyntax');
      expect(await keyOf(Buffer.from('PK\x03\x04not really a zip', 'latin1'))).toBe(
        'imports.error.unreadable',
      );
      expect(await countRows(bench.deps, 'imports')).toBe(imports);
    });

    it('refuses the whole commit when something changed since the preview, and shows why', async () => {
      const w = await world();
      const rows: CsvRow[] = [
        {
          email: w.ana.email,
          course: w.programme.electives[0],
          edition: w.code,
          outcome: 'achievement',
          completed_on: '2026-04-30',
        },
        {
          email: w.ben.email,
          course: w.programme.electives[1],
          edition: w.other.code!,
          outcome: 'achievement',
          completed_on: '2026-06-30',
        },
      ];
      const { id } = await upload(importCsv(rows));
      expect((await getImport(bench.deps.db, bench.deps, bench.manager, id)).canCommit).toBe(true);
      await bench.deps.db
        .updateTable('editions')
        .set({ status: 'cancelled' })
        .where('id', '=', w.other.id)
        .execute();
      const before = await state();
      expect(await commitImport(bench.deps.db, bench.deps, bench.manager, id)).toEqual({
        status: 'previewed',
      });
      const view = await getImport(bench.deps.db, bench.deps, bench.manager, id);
      expect(view.problems.map((p) => `${p.line}:${p.key}`)).toEqual(['3:imports.error.editionCancelled']);
      expect(view.canCommit).toBe(false);
      expect(await state()).toBe(before);
    });

    it('refuses everything to someone who is not a programme bench.manager', async () => {
      const participant = await buildParticipant(bench.deps);
      const actor: Actor = { kind: 'user', id: participant.id, roles: ['participant'], via: 'session' };
      const error = await failure(
        uploadImport(bench.deps.db, bench.deps, actor, { fileName: 'a.csv', bytes: Buffer.from('x') }),
      );
      expect(isAppError(error, 'forbidden')).toBe(true);
      expect(
        isAppError(
          await failure(
            uploadImport(
              bench.deps.db,
              bench.deps,
              { kind: 'anonymous' },
              { fileName: 'a.csv', bytes: Buffer.from('x') },
            ),
          ),
          'unauthenticated',
        ),
      ).toBe(true);
      expect(
        isAppError(
          await failure(
            commitImport(bench.deps.db, bench.deps, actor, '00000000-0000-7000-8000-000000000000'),
          ),
          'forbidden',
        ),
      ).toBe(true);
      expect(
        isAppError(
          await failure(
            commitImport(bench.deps.db, bench.deps, bench.manager, '00000000-0000-7000-8000-000000000000'),
          ),
          'not_found',
        ),
      ).toBe(true);
      expect(
        isAppError(
          await failure(getImport(bench.deps.db, bench.deps, bench.manager, 'not-an-id')),
          'not_found',
        ),
      ).toBe(true);
    });
  });
}
