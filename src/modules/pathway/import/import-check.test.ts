import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRows, enrolmentKey, type ImportLookups, legacyKey, writesFingerprint } from './import-check.js';
import type { ImportRow } from './import-format.js';

/** Checking rows against what exists: pure, with the look-ups given as maps. */

const TODAY = '2026-11-28';

function lookups(): ImportLookups {
  const edition = {
    id: 'ed-1',
    code: 'FRP-1',
    courseId: 'c-frp',
    startsOn: '2026-03-01',
    status: 'scheduled',
  };
  const cancelled = {
    id: 'ed-2',
    code: 'FRP-X',
    courseId: 'c-frp',
    startsOn: '2026-03-01',
    status: 'cancelled',
  };
  const other = { id: 'ed-3', code: 'LMA-1', courseId: 'c-lma', startsOn: '2026-01-01', status: 'scheduled' };
  return {
    people: new Map([
      ['ana@example.org', 'u-ana'],
      ['ben@example.org', 'u-ben'],
      ['cy@example.org', 'u-cy'],
    ]),
    courses: new Map([
      ['FRP', { id: 'c-frp', credentialOnSuccess: 'achievement' }],
      ['LMA', { id: 'c-lma', credentialOnSuccess: 'achievement' }],
      ['PART', { id: 'c-part', credentialOnSuccess: 'participation' }],
    ]),
    editions: new Map([
      ['FRP-1', edition],
      ['ed-1', edition],
      ['FRP-X', cancelled],
      ['LMA-1', other],
    ]),
    enrolments: new Map([
      [enrolmentKey('ed-1', 'u-ana'), { id: 'en-ana', result: null }],
      [
        enrolmentKey('ed-1', 'u-ben'),
        {
          id: 'en-ben',
          result: {
            outcome: 'achievement',
            grade: 'A',
            startedOn: null,
            completedOn: '2026-04-30',
            reference: null,
          },
        },
      ],
    ]),
    legacy: new Map([
      [
        legacyKey('u-ana', 'c-lma', '2015-06-30'),
        { outcome: 'achievement', grade: null, startedOn: null, completedOn: '2015-06-30', reference: 'R-1' },
      ],
    ]),
  };
}

const base: Omit<ImportRow, 'line'> = {
  email: 'ana@example.org',
  course: 'FRP',
  edition: 'FRP-1',
  outcome: 'achievement',
  grade: null,
  startedOn: null,
  completedOn: '2026-04-30',
  reference: null,
};
const rowsOf = (...rows: Partial<ImportRow>[]): ImportRow[] =>
  rows.map((r, i) => ({ ...base, line: i + 2, ...r }));

describe('checking rows', () => {
  it('says what committing each row does: new result, changed, unchanged, with an enrolment or not', () => {
    const { rows, problems, counts } = checkRows(
      rowsOf(
        {},
        { email: 'ben@example.org', grade: 'B' },
        { email: 'cy@example.org' },
        { edition: null, course: 'LMA', completedOn: '2015-06-30', reference: 'R-1' },
        { edition: null, course: 'LMA', completedOn: '2016-06-30', email: 'ben@example.org' },
      ),
      [],
      lookups(),
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.change, r.enrol])).toEqual([
      ['new', false],
      ['changed', false],
      ['new', true],
      ['unchanged', false],
      ['new', false],
    ]);
    expect(counts).toEqual({
      rows: 5,
      newResults: 3,
      changedResults: 1,
      unchangedRows: 1,
      enrolments: 1,
      legacyRows: 2,
      errorRows: 0,
      errors: 0,
    });
    const same = checkRows(rowsOf({ email: 'ben@example.org', grade: 'A' }), [], lookups(), TODAY);
    expect(same.rows[0]?.change).toBe('unchanged');
  });

  it('refuses unknown people, courses and editions, editions of another course, cancelled editions, early dates and the wrong credential', () => {
    const { problems, counts } = checkRows(
      rowsOf(
        { email: 'nobody@example.org' },
        { course: 'NOPE' },
        { edition: 'NOPE-1' },
        { edition: 'LMA-1' },
        { edition: 'FRP-X' },
        { completedOn: '2026-02-28' },
        { course: 'PART', edition: null },
        { edition: null, course: 'LMA', completedOn: '2027-01-01' },
      ),
      [],
      lookups(),
      TODAY,
    );
    expect(problems.map((p) => `${p.line}:${p.column}:${p.key}`)).toEqual([
      '2:email:validation.unknownPerson',
      '3:course:validation.unknownCourse',
      '4:edition:imports.error.unknownEdition',
      '5:edition:imports.error.editionOfOtherCourse',
      '6:edition:imports.error.editionCancelled',
      '7:completed_on:validation.completedBeforeStart',
      '8:outcome:validation.noAchievementForCourse',
      '9:completed_on:validation.completedInFuture',
    ]);
    expect(counts).toMatchObject({ rows: 8, errorRows: 8, newResults: 0 });
  });

  it('refuses every row of a group that gives the same result twice (by code or by id), naming the others', () => {
    const { problems, rows } = checkRows(
      rowsOf({}, { grade: 'X' }, { edition: 'ed-1' }, { email: 'ben@example.org' }),
      [],
      lookups(),
      TODAY,
    );
    expect(problems.map((p) => [p.line, p.key, p.values])).toEqual([
      [2, 'imports.error.duplicate', { lines: '3, 4' }],
      [3, 'imports.error.duplicate', { lines: '2, 4' }],
      [4, 'imports.error.duplicate', { lines: '2, 3' }],
    ]);
    expect(rows.map((r) => r.change)).toEqual([null, null, null, 'changed']);
  });

  it('keeps the problems found without the database, and does not look such rows up', () => {
    const { problems, rows } = checkRows(
      rowsOf({ email: 'nobody@example.org' }),
      [{ line: 2, column: 'grade', key: 'validation.tooLong' }],
      lookups(),
      TODAY,
    );
    expect(problems).toEqual([{ line: 2, column: 'grade', key: 'validation.tooLong' }]);
    expect(rows[0]?.change).toBeNull();
  });

  it('gives the same preview whatever the order of the rows (property)', () => {
    const row = fc.record({
      email: fc.constantFrom('ana@example.org', 'ben@example.org', 'cy@example.org', 'nobody@example.org'),
      course: fc.constantFrom('FRP', 'LMA', 'PART'),
      edition: fc.constantFrom('FRP-1', 'ed-1', 'FRP-X', 'LMA-1', null),
      outcome: fc.constantFrom('achievement', 'participation'),
      grade: fc.constantFrom(null, 'A', 'B'),
      completedOn: fc.constantFrom('2026-04-30', '2015-06-30', '2026-02-01'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.infiniteStream(fc.nat()), (raw, randoms) => {
        const ordered = raw.map((r, i) => ({ ...base, ...r, line: i + 2 }));
        const shuffled = [...ordered];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        // The file's row numbers follow the rows' new positions.
        const renumbered = shuffled.map((r, i) => ({ ...r, line: i + 2 }));
        const a = checkRows(ordered, [], lookups(), TODAY);
        const b = checkRows(renumbered, [], lookups(), TODAY);
        expect(b.counts).toEqual(a.counts);
        const outcome = (result: typeof a, rows: ImportRow[]) =>
          rows
            .map((r, i) =>
              JSON.stringify([
                r.email,
                r.course,
                r.edition,
                r.outcome,
                r.grade,
                r.completedOn,
                result.rows[i]?.change,
                result.rows[i]?.enrol,
              ]),
            )
            .sort();
        expect(outcome(b, renumbered)).toEqual(outcome(a, ordered));
      }),
      { numRuns: 300 },
    );
  });
});

describe('writesFingerprint', () => {
  const row = (email: string): ImportRow => ({
    line: 2,
    email,
    course: 'FRP',
    edition: 'FRP-1',
    outcome: 'achievement',
    grade: 'B',
    startedOn: null,
    completedOn: '2026-04-30',
    reference: null,
  });
  const rows = [row('ana@example.org'), row('cy@example.org')];

  it('is the same for the same decisions and ids, whatever else the look-ups hold', () => {
    const before = checkRows(rows, [], lookups(), TODAY);
    const more = lookups();
    (more.people as Map<string, string>).set('dee@example.org', 'u-dee');
    expect(writesFingerprint(checkRows(rows, [], more, TODAY).rows, more)).toBe(
      writesFingerprint(before.rows, lookups()),
    );
  });

  it('changes when a place the rows would make appears meanwhile', () => {
    const before = checkRows(rows, [], lookups(), TODAY);
    const after = lookups();
    (after.enrolments as Map<string, { id: string; result: null }>).set(enrolmentKey('ed-1', 'u-cy'), {
      id: 'en-cy',
      result: null,
    });
    const again = checkRows(rows, [], after, TODAY);
    expect(again.problems).toEqual([]);
    expect(writesFingerprint(again.rows, after)).not.toBe(writesFingerprint(before.rows, lookups()));
  });
});
