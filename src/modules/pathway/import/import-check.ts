/**
 * Pure checks of import rows against what exists (people, courses, editions, enrolments, results), given
 * as maps that the caller loads in batches. Decides, per row, what committing it would do. PERSISTED
 * SHAPE: `CheckedRow` and `ImportCounts` are stored as JSON on the import.
 */
import { resultDateProblems } from '../result-dates.js';
import type { ImportColumn, ImportRow, RowProblem } from './import-format.js';

export interface KnownCourse {
  id: string;
  credentialOnSuccess: string;
}

export interface KnownEdition {
  id: string;
  code: string | null;
  courseId: string;
  startsOn: string;
  status: string;
}

export interface KnownResult {
  outcome: string;
  grade: string | null;
  startedOn: string | null;
  completedOn: string;
  reference: string | null;
}

/** What exists, keyed as the rows refer to it. */
export interface ImportLookups {
  /** Email (lower case) → person id. */
  people: ReadonlyMap<string, string>;
  /** Course code → course. */
  courses: ReadonlyMap<string, KnownCourse>;
  /** Edition code or id → edition. */
  editions: ReadonlyMap<string, KnownEdition>;
  /** `editionId|userId` → the enrolment and its result. */
  enrolments: ReadonlyMap<string, { id: string; result: KnownResult | null }>;
  /** `userId|courseId|completedOn` → the legacy certificate. */
  legacy: ReadonlyMap<string, KnownResult>;
}

/** What committing a row does: a new result, a changed one, or nothing; null for a row with problems. */
export type RowChange = 'new' | 'changed' | 'unchanged';

export interface CheckedRow extends ImportRow {
  change: RowChange | null;
  /** The person is not enrolled in the edition yet: committing enrols them. */
  enrol: boolean;
}

export interface ImportCounts {
  rows: number;
  newResults: number;
  changedResults: number;
  unchangedRows: number;
  enrolments: number;
  legacyRows: number;
  errorRows: number;
  errors: number;
}

export const enrolmentKey = (editionId: string, userId: string) => `${editionId}|${userId}`;
export const legacyKey = (userId: string, courseId: string, completedOn: string) =>
  `${userId}|${courseId}|${completedOn}`;

/** The key of "the same result": one per person and edition, or per person, course and completion date. */
function sameResultKey(row: ImportRow, userId: string, courseId: string, edition: KnownEdition | undefined) {
  return edition ? `e|${edition.id}|${userId}` : `l|${legacyKey(userId, courseId, row.completedOn)}`;
}

function sameValues(a: KnownResult, b: KnownResult, legacy: boolean): boolean {
  const base = a.outcome === b.outcome && a.grade === b.grade && a.completedOn === b.completedOn;
  return legacy ? base && a.startedOn === b.startedOn && a.reference === b.reference : base;
}

/** The problems of one row that need the lookups; pushes onto `problems`. */
function lookupProblems(row: ImportRow, lookups: ImportLookups, today: string, problems: RowProblem[]) {
  const problem = (column: ImportColumn, key: string, values?: Record<string, string | number>) =>
    problems.push(values ? { line: row.line, column, key, values } : { line: row.line, column, key });
  const userId = lookups.people.get(row.email);
  if (!userId) problem('email', 'validation.unknownPerson');
  const course = lookups.courses.get(row.course);
  if (!course) problem('course', 'validation.unknownCourse', { value: row.course });
  const edition = row.edition === null ? undefined : lookups.editions.get(row.edition);
  if (row.edition !== null) {
    if (!edition) problem('edition', 'imports.error.unknownEdition', { value: row.edition });
    else if (course && edition.courseId !== course.id)
      problem('edition', 'imports.error.editionOfOtherCourse', { value: row.edition, course: row.course });
    else if (edition.status === 'cancelled') problem('edition', 'imports.error.editionCancelled');
  }
  // The check every path that records a result shares (the start before completion is checked on reading).
  const isUsable = edition && (!course || edition.courseId === course.id) && edition.status !== 'cancelled';
  const editionStartsOn = isUsable ? edition.startsOn : null;
  for (const { key } of resultDateProblems({ completedOn: row.completedOn, editionStartsOn }, today))
    problem('completed_on', key);
  if (course && row.outcome === 'achievement' && course.credentialOnSuccess !== 'achievement')
    problem('outcome', 'validation.noAchievementForCourse');
  return { userId, course, edition };
}

/** What committing a valid row would do, from what exists. */
function changeOf(
  row: ImportRow,
  userId: string,
  courseId: string,
  edition: KnownEdition | undefined,
  lookups: ImportLookups,
) {
  const incoming: KnownResult = {
    outcome: row.outcome,
    grade: row.grade,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    reference: row.reference,
  };
  if (edition) {
    const enrolment = lookups.enrolments.get(enrolmentKey(edition.id, userId));
    if (!enrolment) return { change: 'new' as const, enrol: true };
    if (!enrolment.result) return { change: 'new' as const, enrol: false };
    return {
      change: sameValues(enrolment.result, incoming, false) ? ('unchanged' as const) : ('changed' as const),
      enrol: false,
    };
  }
  const existing = lookups.legacy.get(legacyKey(userId, courseId, row.completedOn));
  if (!existing) return { change: 'new' as const, enrol: false };
  return {
    change: sameValues(existing, incoming, true) ? ('unchanged' as const) : ('changed' as const),
    enrol: false,
  };
}

/**
 * Pure: checks normalised rows (with the problems normalisation found) against the lookups. Rows that
 * describe the same result (same person and edition, or same person, course and completion date) are
 * all refused, each naming the others: the file does not say which one is right. The outcome does not
 * depend on the order of the rows.
 */
export function checkRows(
  rows: readonly ImportRow[],
  formatProblems: readonly RowProblem[],
  lookups: ImportLookups,
  today: string,
): { rows: CheckedRow[]; problems: RowProblem[]; counts: ImportCounts } {
  const problems: RowProblem[] = [...formatProblems];
  const badLines = new Set(formatProblems.map((p) => p.line));
  const resolved: {
    row: ImportRow;
    key: string | null;
    userId?: string;
    courseId?: string;
    edition?: KnownEdition;
  }[] = [];
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    if (badLines.has(row.line)) {
      resolved.push({ row, key: null });
      continue;
    }
    const before = problems.length;
    const { userId, course, edition } = lookupProblems(row, lookups, today, problems);
    if (problems.length > before || !userId || !course) {
      badLines.add(row.line);
      resolved.push({ row, key: null });
      continue;
    }
    const key = sameResultKey(row, userId, course.id, edition);
    const sameResult = byKey.get(key);
    if (sameResult) sameResult.push(row.line);
    else byKey.set(key, [row.line]);
    resolved.push({ row, key, userId, courseId: course.id, edition });
  }
  for (const lines of byKey.values()) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      badLines.add(line);
      const others = lines.filter((l) => l !== line).join(', ');
      problems.push({ line, column: null, key: 'imports.error.duplicate', values: { lines: others } });
    }
  }
  const checked: CheckedRow[] = resolved.map(({ row, userId, courseId, edition }) =>
    badLines.has(row.line) || !userId || !courseId
      ? { ...row, change: null, enrol: false }
      : { ...row, ...changeOf(row, userId, courseId, edition, lookups) },
  );
  problems.sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
  return { rows: checked, problems, counts: countRows(checked, problems) };
}

/** Pure: the preview's counts. */
export function countRows(rows: readonly CheckedRow[], problems: readonly RowProblem[]): ImportCounts {
  const counts: ImportCounts = {
    rows: rows.length,
    newResults: 0,
    changedResults: 0,
    unchangedRows: 0,
    enrolments: 0,
    legacyRows: 0,
    errorRows: new Set(problems.map((p) => p.line)).size,
    errors: problems.length,
  };
  for (const row of rows) {
    if (row.change === 'new') counts.newResults += 1;
    if (row.change === 'changed') counts.changedResults += 1;
    if (row.change === 'unchanged') counts.unchangedRows += 1;
    if (row.enrol) counts.enrolments += 1;
    if (row.edition === null && row.change !== null) counts.legacyRows += 1;
  }
  return counts;
}

/**
 * Pure: what the writes were built from, as one text — the decision on every row and the ids it refers
 * to. The swap checks the rows again; the staged rows are still right when this text is unchanged.
 */
export function writesFingerprint(rows: readonly CheckedRow[], lookups: ImportLookups): string {
  const parts: string[] = [];
  for (const row of rows) {
    const userId = lookups.people.get(row.email) ?? '';
    const edition = row.edition === null ? undefined : lookups.editions.get(row.edition);
    const enrolment = edition ? lookups.enrolments.get(enrolmentKey(edition.id, userId)) : undefined;
    parts.push(
      `${row.change}|${row.enrol}|${userId}|${lookups.courses.get(row.course)?.id ?? ''}|${edition?.id ?? ''}|${enrolment?.id ?? ''}`,
    );
  }
  return parts.join('\n');
}
