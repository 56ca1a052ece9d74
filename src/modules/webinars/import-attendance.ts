import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { decodeText, readCsv } from '../../integrations/spreadsheets/read-spreadsheet.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { applyAttendance } from './apply-attendance.js';
import { type AttendanceCsvRow, readAttendanceRows } from './attendance-csv.js';
import { webinarAccessFor } from './webinar-access.js';

/** Largest attendance file read (bytes). */
export const ATTENDANCE_MAX_BYTES = 1024 * 1024;

/** One row of the preview: as read, with the participant it names and its problem (a message id) if any. */
export interface AttendancePreviewRow extends AttendanceCsvRow {
  person: { id: string; fullName: string } | null;
}

export interface AttendancePreview {
  rows: AttendancePreviewRow[];
  /** A problem of the whole file (no header, no rows), as a message id. */
  problem: string | null;
  /** True when every row is fine: the import may be confirmed. */
  ready: boolean;
  attended: number;
}

async function previewOf(db: Executor, editionId: string, text: string): Promise<AttendancePreview> {
  const read = readAttendanceRows(readCsv(text));
  const people = await confirmedParticipants(db, editionId);
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const rows = read.rows.map((row): AttendancePreviewRow => {
    const person = byEmail.get(row.email) ?? null;
    return {
      ...row,
      person: person ? { id: person.id, fullName: person.fullName } : null,
      problem: row.problem ?? (person ? null : 'webinars.csv.notParticipant'),
    };
  });
  return {
    rows,
    problem: read.problem,
    ready: read.problem === null && rows.every((r) => r.problem === null),
    attended: rows.filter((r) => r.attended).length,
  };
}

/** Pure-ish: the CSV's text (UTF-8, with or without BOM), or a translated refusal. */
export function attendanceText(bytes: Uint8Array): string {
  if (bytes.length > ATTENDANCE_MAX_BYTES) throw new AppError('payload_too_large');
  const text = decodeText(Buffer.from(bytes));
  if (text === null)
    throw new AppError('validation_failed', {}, [{ path: 'file', key: 'webinars.csv.notText' }]);
  return text;
}

/** Reads an attendance CSV and says, row by row, what importing it would do (nothing is written). Staff. */
export async function previewAttendanceImport(
  db: Executor,
  actor: Actor,
  itemId: string,
  text: string,
): Promise<AttendancePreview> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  return previewOf(db, access.item.editionId, text);
}

/**
 * Imports an attendance CSV, all or nothing: any problem in any row refuses the whole file (the preview
 * says which rows) and nothing is written. Staff of the edition.
 */
export async function importAttendance(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  text: string,
): Promise<{ rows: number; attended: number }> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  const preview = await previewOf(db, access.item.editionId, text);
  if (!preview.ready)
    throw new AppError('validation_failed', {}, [{ path: 'file', key: 'webinars.csv.notReady' }]);
  return inTransaction(db, async (trx) => {
    await applyAttendance(
      trx,
      deps,
      actor,
      access.item.id,
      preview.rows.map((r) => ({ userId: r.person!.id, attended: r.attended === true })),
      'csv',
    );
    await audit(trx, deps.clock, actor, {
      action: 'webinars.attendance-imported',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { rows: preview.rows.length, attended: preview.attended, source: 'csv' },
    });
    return { rows: preview.rows.length, attended: preview.attended };
  });
}
