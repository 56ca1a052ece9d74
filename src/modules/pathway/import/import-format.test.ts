import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, cellText, exportText } from '../../../integrations/spreadsheets/cells.js';
import {
  decodeText,
  detectDelimiter,
  estimateRowCount,
  readCsv,
  sniffFileType,
} from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { isAppError } from '../../../kernel/errors.js';
import {
  findHeader,
  type HeaderMatch,
  IMPORT_COLUMNS,
  missingColumns,
  normaliseRow,
  parseOutcome,
  rowCells,
} from './import-format.js';
import { safeFileName } from './import-record.js';
import { parseImportRows } from './import-rows.js';

/** The import format, pure: cells, header detection, row normalisation, the file sniffing. */

const STANDARD: HeaderMatch = {
  rowIndex: 0,
  columns: Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c, i])),
};

const problemKeys = (cells: Cell[]) =>
  normaliseRow(cells, STANDARD, 2).problems.map((p) => `${p.column}:${p.key}`);

describe('cells', () => {
  it('turns spreadsheet values into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 3, 30)))).toBe('2026-04-30');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText(87)).toBe('87');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('true');
    expect(cellText('\ufeff  FRP \u200b')).toBe('FRP');
  });

  it('protects formula-like text in exports and reads it back unchanged', () => {
    for (const value of ['=1+1', '+33 1 23', '-5', '@sum', 'A+', 'plain']) {
      expect(cellText(exportText(value))).toBe(value);
    }
    expect(exportText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(exportText('A+')).toBe('A+');
    expect(cellText("'quoted")).toBe("'quoted");
  });

  it('reads outcomes as codes or as their labels in English, French and Spanish', () => {
    expect(parseOutcome('achievement')).toBe('achievement');
    expect(parseOutcome('NOT PASSED')).toBe('not-passed');
    expect(parseOutcome('Certificate of Participation')).toBe('participation');
    expect(parseOutcome('certificat de reussite')).toBe('achievement');
    expect(parseOutcome('Non réussi')).toBe('not-passed');
    expect(parseOutcome('Abandono')).toBe('withdrawn');
    expect(parseOutcome('Certificado de participación')).toBe('participation');
    expect(parseOutcome('passed')).toBeNull();
  });
});

describe('the header', () => {
  it('is the first row naming email, course and another column, after title lines', () => {
    const rows: Cell[][] = [['Results of 2026'], [], ['Email', 'Course', 'Outcome', 'Completed on', 'Name']];
    const header = findHeader(rows);
    expect(header?.rowIndex).toBe(2);
    expect(header?.columns).toEqual({ email: 0, course: 1, outcome: 2, completed_on: 3 });
    expect(missingColumns(header!)).toEqual([]);
  });

  it('may be written in French or Spanish, in any case and column order', () => {
    const fr = findHeader([['Résultat', 'COURRIEL', 'cours', 'Session', 'Terminé le']]);
    expect(fr?.columns).toEqual({ outcome: 0, email: 1, course: 2, edition: 3, completed_on: 4 });
    const es = findHeader([['Correo electrónico', 'Curso', 'Edición', 'Resultado', 'Finalizado el']]);
    expect(es?.columns).toMatchObject({ email: 0, course: 1, edition: 2, outcome: 3, completed_on: 4 });
  });

  it('is missing when no row names the columns, and lists the required columns it lacks', () => {
    expect(
      findHeader([
        ['name', 'age'],
        ['Ana', 3],
      ]),
    ).toBeNull();
    expect(missingColumns(findHeader([['email', 'course', 'edition']])!)).toEqual([
      'outcome',
      'completed_on',
    ]);
  });
});

describe('a row', () => {
  const row = (values: Partial<Record<(typeof IMPORT_COLUMNS)[number], Cell>>) =>
    IMPORT_COLUMNS.map((c) => values[c] ?? null);

  it('is normalised: email lower case, codes upper case, labels as codes, empty as null', () => {
    const { row: out, problems } = normaliseRow(
      row({
        email: ' Ana@Example.ORG ',
        course: 'frp',
        edition: 'frp-2027-03',
        outcome: 'Certificate of Achievement',
        grade: 87,
        completed_on: '2027-04-16',
      }),
      STANDARD,
      7,
    );
    expect(problems).toEqual([]);
    expect(out).toEqual({
      line: 7,
      email: 'ana@example.org',
      course: 'FRP',
      edition: 'FRP-2027-03',
      outcome: 'achievement',
      grade: '87',
      startedOn: null,
      completedOn: '2027-04-16',
      reference: null,
    });
  });

  it('accepts an edition id instead of a code', () => {
    const id = '0195f3c2-8b1d-7abc-8def-0123456789ab';
    const { row: out, problems } = normaliseRow(
      row({
        email: 'a@example.org',
        course: 'FRP',
        edition: id.toUpperCase(),
        outcome: 'achievement',
        completed_on: '2027-01-01',
      }),
      STANDARD,
      2,
    );
    expect(problems).toEqual([]);
    expect(out.edition).toBe(id);
  });

  it('lists each problem with its column', () => {
    expect(problemKeys(row({}))).toEqual([
      'email:validation.required',
      'course:validation.required',
      'outcome:validation.required',
      'completed_on:validation.required',
    ]);
    expect(
      problemKeys(
        row({
          email: 'not-an-email',
          course: '1BAD',
          edition: 'bad code!',
          outcome: 'passed',
          grade: 'x'.repeat(21),
          started_on: '2027-02-30',
          completed_on: '16/04/2027',
          reference: 'r'.repeat(101),
        }),
      ),
    ).toEqual([
      'email:validation.invalidEmail',
      'course:validation.courseCode',
      'edition:imports.error.editionCode',
      'outcome:imports.error.outcome',
      'grade:validation.tooLong',
      'started_on:validation.invalidDate',
      'completed_on:validation.invalidDate',
      'reference:validation.tooLong',
      'started_on:imports.error.legacyOnly',
      'reference:imports.error.legacyOnly',
    ]);
    expect(
      problemKeys(
        row({
          email: 'a@example.org',
          course: 'LMA',
          outcome: 'achievement',
          started_on: '2020-02-01',
          completed_on: '2020-01-01',
        }),
      ),
    ).toEqual(['completed_on:validation.endBeforeStart']);
    expect(
      problemKeys(
        row({
          email: 'a@example.org',
          course: 'LMA',
          edition: 'LMA-1',
          outcome: 'achievement',
          completed_on: '2020-01-01',
          reference: 'X',
        }),
      ),
    ).toEqual(['reference:imports.error.legacyOnly']);
  });

  it('normalising a normalised row again gives the same row (property)', () => {
    const code = fc.stringMatching(/^[A-Z][A-Z0-9-]{1,15}$/);
    const date = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const messy = (s: string) =>
      fc.constantFrom(s, s.toLowerCase(), ` ${s} `, s.toUpperCase()).filter((v) => v.trim() !== '');
    const rawRow = fc.record({
      email: fc
        .emailAddress()
        .filter((e) => e.length <= 254)
        .chain(messy),
      course: code.chain(messy),
      edition: fc.option(code, { nil: null }),
      outcome: fc.constantFrom(
        'achievement',
        'Certificate of Participation',
        'Non réussi',
        'withdrawn',
        'NOT-PASSED',
      ),
      grade: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      started: fc.option(date, { nil: null }),
      completed: date,
      reference: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(rawRow, (raw) => {
        const legacy = raw.edition === null;
        const cells: Cell[] = [
          raw.email,
          raw.course,
          raw.edition,
          raw.outcome,
          raw.grade,
          legacy ? raw.started : null,
          raw.completed,
          legacy ? raw.reference : null,
        ];
        const first = normaliseRow(cells, STANDARD, 5);
        const again = normaliseRow(rowCells(first.row), STANDARD, 5);
        expect(again.row).toEqual(first.row);
        expect(again.problems).toEqual(first.problems);
      }),
      { numRuns: 300 },
    );
  });
});

describe('files', () => {
  it('are typed by content: a zip is XLSX, UTF-8 text is CSV, anything else is refused', () => {
    expect(sniffFileType(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('xlsx');
    expect(sniffFileType(Buffer.from('\ufeffemail,course\n'))).toBe('csv');
    expect(sniffFileType(Buffer.from('email;cours\r\n'))).toBe('csv');
    expect(sniffFileType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBeNull();
    expect(sniffFileType(Buffer.from('caf\xe9', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from('%PDF-1.7\n\x00\x01', 'latin1'))).toBeNull();
    expect(decodeText(Buffer.from('\xef\xbb\xbfhello', 'latin1'))).toBe('hello');
  });

  it('CSV: finds the delimiter, keeps the starting line of each record, reports a broken quote', () => {
    expect(detectDelimiter('email;course;outcome\na;b;c')).toBe(';');
    expect(detectDelimiter('email\tcourse\toutcome')).toBe('\t');
    expect(detectDelimiter('email,course,outcome')).toBe(',');
    const rows = readCsv('title\n\nemail,course\n"a\nb",X\nc,D\n');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['title']],
      [2, ['']],
      [3, ['email', 'course']],
      [4, ['a\nb', 'X']],
      [6, ['c', 'D']],
    ]);
    try {
      readCsv('email,course\n"a,b\n');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'validation_failed') && error.fields[0]?.key).toBe('imports.error.csvSyntax');
    }
    expect(estimateRowCount(Buffer.from('a\nb\nc\n'), 'csv')).toBe(3);
  });

  it('a sheet without data rows, header or required columns is refused as a whole', () => {
    const keyOf = (cells: Cell[][]) => {
      try {
        parseImportRows(cells.map((c, i) => ({ line: i + 1, cells: c })));
        return null;
      } catch (error) {
        return isAppError(error, 'validation_failed') ? error.fields[0]?.key : error;
      }
    };
    expect(keyOf([['a', 'b']])).toBe('imports.error.noHeader');
    expect(keyOf([['email', 'course', 'grade']])).toBe('imports.error.missingColumns');
    expect(
      keyOf([
        ['email', 'course', 'outcome', 'completed_on'],
        [null, ''],
      ]),
    ).toBe('imports.error.noRows');
    const parsed = parseImportRows([
      { line: 1, cells: ['email', 'course', 'outcome', 'completed_on'] },
      { line: 2, cells: [] },
      { line: 3, cells: ['a@example.org', 'frp', 'achievement', '2027-01-01'] },
    ]);
    expect(parsed.rows.map((r) => [r.line, r.course])).toEqual([[3, 'FRP']]);
  });

  it('keep only a printable last name segment as their name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\ana\\results.csv')).toBe('results.csv');
    expect(safeFileName('..')).toBe('upload');
    expect(safeFileName(undefined)).toBe('upload');
    expect(safeFileName('a\u0000b\u202e.csv')).toBe('ab.csv');
  });
});
