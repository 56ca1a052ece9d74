import {
  docxBytes,
  pdfBytes,
  uploadForm,
  uploadSubmissionForm,
} from '../../../test/helpers/assessment-factories.js';
import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { createAssignment } from './save-assignment.js';
import { saveDraft, startAttempt } from './save-draft.js';
import { uploadReferenceDocument } from './similarity/reference-documents.js';
import { submitAssignment } from './submit-assignment.js';
import { uploadSubmissionFile } from './upload-submission-file.js';

/**
 * Every assignments route with every role. The owner and another participant both hold a place in the
 * edition: each reaches only their own work (the other's file is "not found", the page never shows it);
 * staff manage; the allocated marker (the assessor) and the edition's staff read the submission blind.
 */

type RoleName = EditionRole;

const REFERENCE_TEXT =
  'A model answer on labour migration statistics and the registers that count workers going abroad.';

interface Target {
  editionId: string;
  assignmentId: string;
  submittedId: string;
  submittedFileId: string;
  draftFileId: string;
  otherSubmittedId: string;
  token: string;
  referenceId: string;
}
type Case = MatrixCase<RoleName, 'assignment', Target>;

const e = expectFor;

const staffGet = STAFF_GET;
// A participant's own work: both participants act on their own; staff of the edition are no participants (403).
const ownPost = e(404, {
  anonymous: 401,
  owner: 303,
  otherParticipant: 303,
  editionFacilitator: 403,
  manager: 403,
});
const markerGet = e(403, {
  anonymous: 303,
  assessor: 200,
  editionFacilitator: 200,
  otherFacilitator: 404,
  manager: 200,
});
const a = (t: Target) => `/assignments/${t.assignmentId}`;
const settings = () => ({
  title: 'Brief',
  'instructions.en': 'Write',
  acceptsText: 'on',
  acceptsFiles: 'on',
  groupWork: 'on',
  fileTypes: 'pdf',
  maxFiles: '3',
  maxFileMb: '1',
  resubmission: 'attempts',
  maxAttempts: '5',
  discrepancy: '10',
  passMark: '50',
});

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /editions/:id/assignments/new', kind: 'assignment', path: (t) => `/editions/${t.editionId}/assignments/new`, expect: staffGet },
  { route: 'POST /editions/:id/assignments', kind: 'assignment', path: (t) => `/editions/${t.editionId}/assignments`, body: settings, mutates: true, expect: staffPost(303) },
  { route: 'GET /assignments/:id', kind: 'assignment', path: a, expect: e(404, { anonymous: 303, owner: 200, otherParticipant: 200, editionFacilitator: 200, manager: 200 }), hiddenFrom: ['otherParticipant', 'editionFacilitator', 'manager'] },
  { route: 'GET /assignments/:id/edit', kind: 'assignment', path: (t) => `${a(t)}/edit`, expect: staffGet },
  { route: 'POST /assignments/:id', kind: 'assignment', path: a, body: settings, mutates: true, expect: staffPost(303) },
  { route: 'POST /assignments/:id/draft', kind: 'assignment', path: (t) => `${a(t)}/draft`, body: () => ({ text: 'Draft', declared: 'on' }), mutates: true, expect: ownPost },
  { route: 'POST /assignments/:id/submit', kind: 'assignment', path: (t) => `${a(t)}/submit`, body: () => ({ text: 'Final', declared: 'on' }), mutates: true, expect: ownPost },
  { route: 'POST /assignments/:id/contribution', kind: 'assignment', path: (t) => `${a(t)}/contribution`, body: () => ({ statement: 'I wrote it.' }), mutates: true, expect: ownPost },
  { route: 'POST /assignments/:id/attempts', kind: 'assignment', path: (t) => `${a(t)}/attempts`, mutates: true, expect: ownPost },
  { route: 'POST /assignments/:id/files', kind: 'assignment', path: (t) => `${a(t)}/files`, special: 'upload', mutates: true, expect: ownPost },
  { route: 'POST /assignments/:id/files/:fileId/remove', kind: 'assignment', path: (t) => `${a(t)}/files/${t.draftFileId}/remove`, mutates: true, expect: e(404, { anonymous: 401, owner: 303, editionFacilitator: 403, manager: 403 }) },
  { route: 'GET /assignments/:id/submissions/:submissionId/files/:fileId', kind: 'assignment', path: (t) => `${a(t)}/submissions/${t.submittedId}/files/${t.submittedFileId}`, expect: e(404, { anonymous: 303, owner: 200 }) },
  { route: 'GET /assignments/:id/manage', kind: 'assignment', path: (t) => `${a(t)}/manage`, expect: staffGet },
  { route: 'POST /assignments/:id/overrides', kind: 'assignment', path: (t) => `${a(t)}/overrides`, body: (t) => ({ scope: 'person', personId: t.token, dueAt: '2026-12-20T12:00' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /assignments/:id/submissions/:submissionId/reopen', kind: 'assignment', path: (t) => `${a(t)}/submissions/${t.otherSubmittedId}/reopen`, body: () => ({ reason: 'Wrong file' }), mutates: true, expect: staffPost(303) },
  { route: 'GET /assignments/:id/submissions.zip', kind: 'assignment', path: (t) => `${a(t)}/submissions.zip`, expect: staffGet },
  { route: 'POST /assignments/:id/feedback-zip', kind: 'assignment', path: (t) => `${a(t)}/feedback-zip`, special: 'feedback-zip', expect: staffPost(400) },
  { route: 'POST /assignments/:id/references', kind: 'assignment', path: (t) => `${a(t)}/references`, special: 'reference', mutates: true, expect: staffPost(303) },
  { route: 'POST /assignments/:id/references/:referenceId/remove', kind: 'assignment', path: (t) => `${a(t)}/references/${t.referenceId}/remove`, mutates: true, expect: staffPost(303) },
  { route: 'GET /assignments/marking/:submissionId', kind: 'assignment', path: (t) => `/assignments/marking/${t.submittedId}`, expect: markerGet },
  { route: 'GET /assignments/marking/:submissionId/files/:fileId', kind: 'assignment', path: (t) => `/assignments/marking/${t.submittedId}/files/${t.submittedFileId}`, expect: markerGet },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, 'assignment', Target>({
  module: 'assignments',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['assignment'],
  cases: CASES,
  watched: [
    'assignments',
    'assignment_date_overrides',
    'assignment_submissions',
    'assignment_files',
    'assignment_contributions',
    'assignment_references',
    'marking_submissions',
    'marking_marks',
    'space_items',
    'audit_events',
  ],
  /** An edition where the owner submitted attempt 1 (text and a PDF) and has attempt 2 open with a file; the other participant submitted once; the assessor marks the owner's. */
  async buildTarget(context, _kind, owner) {
    const { deps, people } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner, people.otherParticipant]);
    const { id: assignmentId } = await createAssignment(deps.db, deps, staff, edition.id, {
      title: 'Brief',
      instructions: { en: 'Write' },
      acceptsText: true,
      acceptsFiles: true,
      fileTypes: ['pdf'],
      maxFiles: 3,
      maxFileMb: 1,
      resubmission: 'attempts',
      maxAttempts: 5,
      // Group work without a group set: everyone hands in as a group of one (and may state a contribution).
      groupWork: true,
    });
    const me = actorOf(owner);
    const token = `OWNER-WORK-${assignmentId}`;
    await saveDraft(deps.db, deps, me, assignmentId, { text: token, declared: true });
    const { fileId: submittedFileId } = await uploadSubmissionFile(deps.db, deps, me, assignmentId, {
      fileName: 'mine.pdf',
      bytes: pdfBytes(),
    });
    const { submissionId: submittedId } = await submitAssignment(deps.db, deps, me, assignmentId);
    await startAttempt(deps.db, deps, me, assignmentId);
    const { fileId: draftFileId } = await uploadSubmissionFile(deps.db, deps, me, assignmentId, {
      fileName: 'draft.pdf',
      bytes: pdfBytes(),
    });
    const other = actorOf(people.otherParticipant);
    await saveDraft(deps.db, deps, other, assignmentId, { text: 'Other work', declared: true });
    const { submissionId: otherSubmittedId } = await submitAssignment(deps.db, deps, other, assignmentId);
    const marking = await deps.db
      .selectFrom('marking_submissions')
      .select('id')
      .where('owner_id', '=', submittedId)
      .executeTakeFirstOrThrow();
    await allocateMarker(deps.db, deps, staff, marking.id, { markerId: people.assessor.id, role: 'first' });
    const { id: referenceId } = await uploadReferenceDocument(deps.db, deps, staff, assignmentId, {
      fileName: 'model.docx',
      bytes: await docxBytes('Staff', REFERENCE_TEXT),
    });
    return {
      referenceId,
      editionId: edition.id,
      assignmentId,
      submittedId,
      submittedFileId,
      draftFileId,
      otherSubmittedId,
      token: owner.id,
    };
  },
  shownBy: (target) => `OWNER-WORK-${target.assignmentId}`,
  call: async (_context, c, target, client) =>
    c.special === 'reference'
      ? uploadForm(client, `/assignments/${target.assignmentId}/references`, {
          name: 'reference.docx',
          content: await docxBytes('Staff', REFERENCE_TEXT),
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        })
      : c.special === 'feedback-zip'
        ? uploadForm(client, `/assignments/${target.assignmentId}/feedback-zip`, {
            name: 'feedback.zip',
            content: Buffer.from('not a zip'),
            type: 'application/zip',
          })
        : uploadSubmissionForm(client, target.assignmentId, { name: 'upload.pdf', content: pdfBytes() }),
});
