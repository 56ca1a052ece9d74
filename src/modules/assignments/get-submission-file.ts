import { PDFDocument } from 'pdf-lib';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { markerViewOf } from '../marking/marking.queries.js';
import { CONTENT_TYPES, type FileType } from './assignment.js';
import { assignmentAccess } from './assignment-access.js';
import { findFile, findSubmissionRow } from './assignments.repository.js';
import { stripDocxMetadata } from './similarity/docx-metadata.js';
import { toSettings, workUnitOf } from './submission-state.js';

export interface Download {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

/** A file of the participant's own attempt (never anyone else's: another person's is not found). */
export async function getOwnSubmissionFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  submissionId: string,
  fileId: string,
): Promise<Download> {
  const access = await assignmentAccess(db, actor, assignmentId);
  if (!isId(submissionId) || !isId(fileId)) throw new AppError('not_found');
  const row = await findSubmissionRow(db, submissionId);
  if (!row || row.assignment_id !== access.assignment.id) throw new AppError('not_found');
  // One's own files, or one's group's (group work).
  const unit = await workUnitOf(db, toSettings(access.assignment), access.userId);
  const own = row.group_id ? row.group_id === unit.groupId : row.person_id === access.userId;
  if (!own) throw new AppError('not_found');
  const file = await findFile(db, row.id, fileId);
  const bytes = file ? await deps.storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('not_found');
  return { bytes, fileName: file.original_name, contentType: CONTENT_TYPES[file.type as FileType] };
}

/**
 * Pure-ish: a PDF's copy without the document metadata that could name its author (Author, Creator,
 * Producer, Title, Subject, Keywords); the original is left untouched. A PDF pdf-lib cannot read is served
 * as stored.
 */
export async function stripPdfMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    doc.setAuthor('');
    doc.setCreator('');
    doc.setProducer('');
    doc.setTitle('');
    doc.setSubject('');
    doc.setKeywords([]);
    return await doc.save({ updateFieldAppearances: false });
  } catch {
    return bytes;
  }
}

/** The copy of a submitted file markers download: its document metadata stripped (PDF and DOCX). */
export async function blindCopy(type: string, bytes: Uint8Array): Promise<Uint8Array> {
  if (type === 'pdf') return stripPdfMetadata(bytes);
  if (type === 'docx') return stripDocxMetadata(bytes);
  return bytes;
}

/**
 * A submitted file as a marker (or staff of the edition) downloads it: named by the participant number
 * (P-0042-1.pdf), PDF metadata stripped. Anyone not allowed by the marking engine gets "not found".
 */
export async function getMarkerFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  submissionId: string,
  fileId: string,
): Promise<Download> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const view = await markerViewOf(db, actor, 'assignments', submissionId);
  if (!view || !isId(fileId)) throw new AppError('not_found');
  const file = await findFile(db, submissionId, fileId);
  const bytes = file ? await deps.storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('not_found');
  return {
    bytes: await blindCopy(file.type, bytes),
    fileName: file.marker_name,
    contentType: CONTENT_TYPES[file.type as FileType],
  };
}
