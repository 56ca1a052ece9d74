/**
 * Bulk files of an assignment for its staff: every participant's latest submission as one zip to download
 * (blind: named by participant number, document metadata stripped), and a zip of feedback files to upload,
 * matched to the submissions by the participant number that starts each file's name (P-0042.pdf,
 * P-0042-comments.docx). A zip that cannot be read, or a name that matches no submission, refuses the whole
 * upload with a translated message: nothing is stored.
 */
import { posix } from 'node:path';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { walkZip, type ZipLimits } from '../../integrations/zip/safe-zip.js';
import type { ZipWriteEntry } from '../../integrations/zip/zip-writer.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import type { UploadedUserFile } from '../../kernel/uploaded-file.js';
import { groupById } from '../groups/groups.port.js';
import {
  attachFeedbackFiles,
  FEEDBACK_FILE_MAX_BYTES,
  type FeedbackFileInput,
} from '../marking/feedback/attach-feedback-files.js';
import { ensureParticipantNumber, markingOfOwner, participantOfNumber } from '../marking/marking.queries.js';
import { assignmentAccess, ensureManage } from './assignment-access.js';
import { listFiles, listSubmittedOfAssignment } from './assignments.repository.js';
import type { SubmissionRow } from './assignments.tables.js';
import { blindCopy } from './get-submission-file.js';
import { latestPerWorkUnit } from './similarity/similarity-check.js';
import { MARKING_OWNER } from './submission-state.js';

/** A feedback zip: at most 500 files of at most 20 MB, 200 MB in all. */
export const FEEDBACK_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: FEEDBACK_FILE_MAX_BYTES,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
};
export const FEEDBACK_ZIP_MAX_BYTES = 200 * 1024 * 1024;

/** Each person's latest submission: their own, or their group's (every member of the group maps to it). */
async function latestOfEachPerson(
  db: Executor,
  rows: readonly SubmissionRow[],
): Promise<Map<string, SubmissionRow>> {
  const out = new Map<string, SubmissionRow>();
  for (const row of latestPerWorkUnit(rows)) {
    out.set(row.person_id, row);
    const group = row.group_id ? await groupById(db, row.group_id) : null;
    for (const member of group?.memberIds ?? []) out.set(member, row);
  }
  return out;
}

/**
 * Every latest submission as zip entries — once per group for group work (under the number of whoever
 * started it) —: `P-0042/P-0042-1.pdf`, `P-0042/P-0042.txt`.
 */
export async function getSubmissionsZip(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
): Promise<{ fileName: string; entries: ZipWriteEntry[] }> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  const latest = latestPerWorkUnit(await listSubmittedOfAssignment(db, access.assignment.id));
  const files = await listFiles(
    db,
    latest.map((r) => r.id),
  );
  const entries: ZipWriteEntry[] = [];
  for (const row of latest) {
    const label = await ensureParticipantNumber(db, access.assignment.edition_id, row.person_id);
    if (row.text.trim())
      entries.push({ name: `${label}/${label}.txt`, bytes: Buffer.from(row.text, 'utf8') });
    for (const file of files.filter((f) => f.submission_id === row.id)) {
      const bytes = await deps.storage.get(file.storage_key);
      if (bytes)
        entries.push({ name: `${label}/${file.marker_name}`, bytes: await blindCopy(file.type, bytes) });
    }
  }
  return { fileName: `submissions-${access.assignment.id.slice(0, 8)}.zip`, entries };
}

function zipProblem(key: string, values: Record<string, string> = {}): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, values }]);
}

/** Feedback files from one zip, matched by participant number to each one's latest submission. */
export async function uploadFeedbackZip(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  upload: UploadedUserFile,
): Promise<number> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  if (upload.tooLarge) throw zipProblem('assignments.error.zipTooLarge');
  const entries: { path: string; bytes: Buffer }[] = [];
  try {
    await walkZip(upload.bytes, FEEDBACK_ZIP_LIMITS, (path, bytes) => {
      const base = posix.basename(path);
      // Folders' and systems' clutter (macOS resource forks, hidden files) is not feedback.
      if (path.startsWith('__MACOSX/') || base.startsWith('.')) return;
      entries.push({ path, bytes });
    });
  } catch {
    throw zipProblem('assignments.error.badZip');
  }
  if (entries.length === 0) throw zipProblem('assignments.error.zipEmpty');
  const latest = await latestOfEachPerson(db, await listSubmittedOfAssignment(db, access.assignment.id));
  const files: FeedbackFileInput[] = [];
  for (const entry of entries) {
    const label = /^P-\d{1,9}/i.exec(posix.basename(entry.path))?.[0] ?? '';
    const person = label ? await participantOfNumber(db, access.assignment.edition_id, label) : null;
    const submission = person ? latest.get(person) : undefined;
    const marking = submission ? await markingOfOwner(db, MARKING_OWNER, submission.id) : null;
    if (!marking) throw zipProblem('assignments.error.zipUnknownNumber', { name: entry.path });
    if (marking.released) throw zipProblem('assignments.error.zipReleased', { name: entry.path });
    files.push({ submissionId: marking.id, bytes: entry.bytes, label: entry.path });
  }
  return attachFeedbackFiles(db, deps, actor, files);
}
