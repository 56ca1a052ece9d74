/**
 * What an assessor (or the committee, or the external examiner of the sample) sees of a handed-in
 * capstone while marking: blind. The participant number, the proposal's title, country, question, themes,
 * approaches and language, the abstracts and the document — never the candidate's name, the supervisor,
 * the messages or the drafts. The document is named by the number, PDF metadata stripped.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { stripPdfMetadata } from '../assignments/get-submission-file.js';
import { canMarking } from '../marking/marking.policy.js';
import { markerViewOf } from '../marking/marking.queries.js';
import type { Abstracts, Proposal } from './capstone.js';
import { abstractsOf, proposalOf } from './capstone-access.js';
import { findAttempt, findCapstone } from './capstones.repository.js';
import { contentTypeOf } from './final/capstone-files.js';

export interface MarkerPage {
  attemptId: string;
  attempt: number;
  participantNumber: string;
  markingSubmissionId: string;
  proposal: Omit<Proposal, 'timeline'>;
  abstracts: Abstracts;
  type: string;
  sha256: string;
}

async function markerAccess(db: Executor, actor: Actor, attemptId: string) {
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.beMarker'));
  if (!isId(attemptId)) throw new AppError('not_found');
  const view = await markerViewOf(db, actor, 'capstones', attemptId);
  const attempt = view ? await findAttempt(db, attemptId) : undefined;
  const capstone = attempt ? await findCapstone(db, attempt.capstone_id) : undefined;
  if (!view || !attempt || !capstone || attempt.submitted_at === null) throw new AppError('not_found');
  return { view, attempt, capstone };
}

/** The blind page of a handed-in attempt (its markers, the committee, the sample's examiner; else 404). */
export async function getMarkerPage(
  db: Executor,
  _deps: Services,
  actor: Actor,
  attemptId: string,
): Promise<MarkerPage> {
  const { view, attempt, capstone } = await markerAccess(db, actor, attemptId);
  const { timeline: _, ...proposal } = proposalOf(capstone);
  return {
    attemptId: attempt.id,
    attempt: attempt.attempt,
    participantNumber: view.participantNumber,
    markingSubmissionId: view.submissionId,
    proposal,
    abstracts: abstractsOf(attempt.abstracts_json),
    type: attempt.type,
    sha256: attempt.sha256,
  };
}

/** The document as a marker downloads it: `P-0042-capstone-1.pdf`, PDF metadata stripped. */
export async function getMarkerDocument(db: Executor, deps: Services, actor: Actor, attemptId: string) {
  const { view, attempt } = await markerAccess(db, actor, attemptId);
  const bytes = await deps.storage.get(attempt.storage_key);
  if (!bytes) throw new AppError('not_found');
  return {
    bytes: attempt.type === 'pdf' ? await stripPdfMetadata(bytes) : bytes,
    fileName: `${view.participantNumber}-capstone-${attempt.attempt}.${attempt.type}`,
    contentType: contentTypeOf(attempt.type),
  };
}
