/**
 * The attendance CSV: a header row with `email` and `attended` (any case, accents ignored; French and
 * Spanish headers `courriel`/`correo` and `present`/`presente`/`asistio` too), then one row per person.
 * `attended` reads yes/no in English, French and Spanish, true/false, 1/0 or x/empty. Pure: rows in,
 * checked rows out; the use case matches emails to the edition's participants.
 */
import { type Cell, cellText, foldLabel } from '../../integrations/spreadsheets/cells.js';
import type { SheetRow } from '../../integrations/spreadsheets/read-spreadsheet.js';

/** Rows an attendance file may hold (a big edition has a few hundred participants). */
export const ATTENDANCE_MAX_ROWS = 2000;

const EMAIL_HEADERS = new Set(['email', 'e_mail', 'mail', 'courriel', 'correo', 'correo_electronico']);
const ATTENDED_HEADERS = new Set(['attended', 'attendance', 'present', 'presente', 'asistio', 'asistencia']);
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'o', 'si', 'present', 'presente', 'attended']);
const NO = new Set(['no', 'n', 'false', '0', '', 'non', 'absent', 'absente', 'ausente']);

/** Pure: a cell's yes/no, or null when it is neither. */
export function readAttended(cell: Cell): boolean | null {
  const folded = foldLabel(cellText(cell));
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}

/** One data row as read: its line, email (lower case) and yes/no, or the message id of its problem. */
export interface AttendanceCsvRow {
  line: number;
  email: string;
  attended: boolean | null;
  problem: string | null;
}

/** Pure: the columns of the header row, or the message id of what is missing. */
export function attendanceColumns(header: readonly Cell[]): { email: number; attended: number } | string {
  const folded = header.map((c) => foldLabel(cellText(c)));
  const email = folded.findIndex((h) => EMAIL_HEADERS.has(h));
  const attended = folded.findIndex((h) => ATTENDED_HEADERS.has(h));
  if (email < 0 || attended < 0) return 'webinars.csv.missingColumns';
  return { email, attended };
}

/** Pure: every data row checked on its own (email shape, yes/no, repeated email); blank lines skipped. */
export function readAttendanceRows(rows: readonly SheetRow[]): {
  rows: AttendanceCsvRow[];
  problem: string | null;
} {
  const [header, ...data] = rows;
  if (!header) return { rows: [], problem: 'webinars.csv.empty' };
  const columns = attendanceColumns(header.cells);
  if (typeof columns === 'string') return { rows: [], problem: columns };
  const seen = new Set<string>();
  const out: AttendanceCsvRow[] = [];
  for (const row of data) {
    if (row.cells.every((c) => cellText(c) === '')) continue;
    const email = cellText(row.cells[columns.email]).toLowerCase();
    const attended = readAttended(row.cells[columns.attended]);
    let problem: string | null = null;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem = 'webinars.csv.badEmail';
    else if (seen.has(email)) problem = 'webinars.csv.repeated';
    else if (attended === null) problem = 'webinars.csv.badAttended';
    seen.add(email);
    out.push({ line: row.line, email, attended, problem });
  }
  if (out.length === 0) return { rows: [], problem: 'webinars.csv.empty' };
  if (out.length > ATTENDANCE_MAX_ROWS) return { rows: [], problem: 'webinars.csv.tooManyRows' };
  return { rows: out, problem: null };
}
