import { pdfBytes, uploadForm } from '../../../test/helpers/assessment-factories.js';
import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { createAssignment } from '../assignments/save-assignment.js';
import { saveDraft } from '../assignments/save-draft.js';
import { submitAssignment } from '../assignments/submit-assignment.js';
import { uploadSubmissionFile } from '../assignments/upload-submission-file.js';
import { allocateMarker } from './allocation/allocate-markers.js';
import { attachFeedbackFiles } from './feedback/attach-feedback-files.js';
import { agreeMark } from './moderation/moderate-submission.js';
import { releaseMark } from './release-marks.js';
import { saveBankComment } from './rubrics/save-bank-comment.js';
import { saveRubric } from './rubrics/save-rubric.js';
import { markFromForm, saveMark } from './save-mark.js';

/**
 * Every marking route with every role, on a submission in the state each route needs: the allocated marker
 * (the assessor) marks; the edition's facilitator and managers allocate, moderate and release; only a
 * manager reveals identities; a facilitator of another edition is told nothing exists; refusals change nothing.
 */

type RoleName = EditionRole;
type Kind = 'open' | 'marked' | 'agreed' | 'released';

interface Target {
  editionId: string;
  markingId: string;
  rubricId: string;
  spareMarkerId: string;
  /** A feedback file of the submission. */
  feedbackFileId: string;
  /** The assessor's own bank comment. */
  bankCommentId: string;
}
type Case = MatrixCase<RoleName, Kind, Target>;

const e = expectFor;
const staffGet = STAFF_GET;
const rubricGet = e(403, { anonymous: 303, editionFacilitator: 200, otherFacilitator: 200, manager: 200 });
const rubricPost = e(403, { anonymous: 401, editionFacilitator: 303, otherFacilitator: 303, manager: 303 });
const s = (t: Target) => `/marking/submissions/${t.markingId}`;
const rubric = () => ({ title: 'Rubric', 'c1.title': 'Analysis', 'c1.weight': '1', 'c1.maxPoints': '10' });

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /marking/rubrics', kind: 'open', path: () => '/marking/rubrics', expect: rubricGet },
  { route: 'GET /marking/rubrics/new', kind: 'open', path: () => '/marking/rubrics/new', expect: rubricGet },
  { route: 'POST /marking/rubrics', kind: 'open', path: () => '/marking/rubrics', body: rubric, mutates: true, expect: rubricPost },
  { route: 'GET /marking/rubrics/:rubricId', kind: 'open', path: (t) => `/marking/rubrics/${t.rubricId}`, expect: rubricGet },
  { route: 'POST /marking/rubrics/:rubricId', kind: 'open', path: (t) => `/marking/rubrics/${t.rubricId}`, body: rubric, mutates: true, expect: rubricPost },
  { route: 'GET /marking/my', kind: 'open', path: () => '/marking/my', expect: e(403, { anonymous: 303, assessor: 200, editionFacilitator: 200, otherFacilitator: 200, manager: 200 }), hiddenFrom: ['editionFacilitator', 'otherFacilitator', 'manager'] },
  { route: 'GET /marking/editions/:id', kind: 'open', path: (t) => `/marking/editions/${t.editionId}`, expect: staffGet },
  { route: 'POST /marking/editions/:id/allocate', kind: 'open', path: (t) => `/marking/editions/${t.editionId}/allocate`, body: (t) => ({ markerIds: t.spareMarkerId, role: 'first' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /marking/editions/:id/release', kind: 'agreed', path: (t) => `/marking/editions/${t.editionId}/release`, mutates: true, expect: staffPost(303) },
  { route: 'POST /marking/editions/:id/bulk', kind: 'marked', path: (t) => `/marking/editions/${t.editionId}/bulk`, body: (t) => ({ submissionIds: t.markingId, bulkAction: 'start-review' }), mutates: true, expect: staffPost(200) },
  { route: 'POST /marking/editions/:id/reveal', kind: 'released', path: (t) => `/marking/editions/${t.editionId}/reveal`, mutates: true, expect: e(403, { anonymous: 401, manager: 303 }) },
  { route: 'POST /marking/editions/:id/examiners', kind: 'open', path: (t) => `/marking/editions/${t.editionId}/examiners`, body: (t) => ({ personId: t.spareMarkerId }), mutates: true, expect: e(403, { anonymous: 401, manager: 303 }) },
  { route: 'GET /marking/submissions/:submissionId', kind: 'open', path: s, expect: e(403, { anonymous: 303, assessor: 200, editionFacilitator: 200, otherFacilitator: 404, manager: 200 }) },
  { route: 'POST /marking/submissions/:submissionId/mark', kind: 'open', path: (t) => `${s(t)}/mark`, body: () => ({ 'points.c1': '7', overall: 'Fine', complete: 'on' }), mutates: true, expect: e(403, { anonymous: 401, assessor: 303, otherFacilitator: 404 }) },
  { route: 'POST /marking/submissions/:submissionId/allocate', kind: 'open', path: (t) => `${s(t)}/allocate`, body: (t) => ({ markerId: t.spareMarkerId, role: 'first' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /marking/submissions/:submissionId/review', kind: 'marked', path: (t) => `${s(t)}/review`, body: () => ({ action: 'start-review' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /marking/submissions/:submissionId/agree', kind: 'marked', path: (t) => `${s(t)}/agree`, body: () => ({ mark: '70', note: 'Agreed' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /marking/submissions/:submissionId/insert-comment', kind: 'open', path: (t) => `${s(t)}/insert-comment`, body: () => ({ 'comment.c1': 'Fine', insertComment: 'c1' }), expect: e(403, { anonymous: 401, assessor: 200, otherFacilitator: 404, editionFacilitator: 409, manager: 409 }) },
  { route: 'POST /marking/comments', kind: 'open', path: () => '/marking/comments', body: () => ({ text: 'Cite your sources.' }), mutates: true, expect: e(403, { anonymous: 401, assessor: 303, editionFacilitator: 303, otherFacilitator: 303, manager: 303 }) },
  { route: 'POST /marking/languages', kind: 'open', path: () => '/marking/languages', body: () => ({ languages: ['es', 'fr'] }), mutates: true, expect: e(403, { anonymous: 401, assessor: 303, editionFacilitator: 303, otherFacilitator: 303, manager: 303 }) },
  { route: 'POST /marking/comments/:commentId/remove', kind: 'open', path: (t) => `/marking/comments/${t.bankCommentId}/remove`, mutates: true, expect: e(403, { anonymous: 401, assessor: 303, editionFacilitator: 404, otherFacilitator: 404, manager: 404 }) },
  { route: 'POST /marking/submissions/:submissionId/feedback-files', kind: 'open', path: (t) => `${s(t)}/feedback-files`, special: 'feedback-file', mutates: true, expect: e(403, { anonymous: 401, assessor: 303, editionFacilitator: 303, otherFacilitator: 404, manager: 303 }) },
  { route: 'GET /marking/feedback-files/:fileId', kind: 'released', path: (t) => `/marking/feedback-files/${t.feedbackFileId}`, expect: e(404, { anonymous: 303, owner: 200, assessor: 200, editionFacilitator: 200, manager: 200, administrator: 403 }) },
  { route: 'POST /marking/submissions/:submissionId/release', kind: 'agreed', path: (t) => `${s(t)}/release`, mutates: true, expect: staffPost(303) },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, Kind, Target>({
  module: 'marking',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['open', 'marked', 'agreed', 'released'],
  cases: CASES,
  watched: [
    'marking_comments',
    'marking_feedback_files',
    'marking_marker_languages',
    'marking_rubrics',
    'marking_rubric_versions',
    'marking_submissions',
    'marking_marks',
    'marking_contexts',
    'space_item_progress',
    'notifications',
    'audit_events',
  ],
  /** The owner's submission marked with a one-criterion rubric, the assessor its marker, in the state `kind` names. */
  async buildTarget(context, kind, owner) {
    const { deps, people } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const { id: rubricId } = await saveRubric(deps.db, deps, staff, null, {
      title: 'R',
      criteria: [{ id: 'c1', title: 'Analysis', weight: 1, maxPoints: 10, levels: [] }],
    });
    const { id: assignmentId } = await createAssignment(deps.db, deps, staff, edition.id, {
      title: 'Brief',
      instructions: { en: 'Write' },
      acceptsText: true,
      acceptsFiles: true,
      fileTypes: ['pdf'],
      rubricId,
    });
    const me = actorOf(owner);
    await saveDraft(deps.db, deps, me, assignmentId, { text: 'Work', declared: true });
    await uploadSubmissionFile(deps.db, deps, me, assignmentId, { fileName: 'w.pdf', bytes: pdfBytes() });
    const { submissionId } = await submitAssignment(deps.db, deps, me, assignmentId);
    const { id: markingId } = await deps.db
      .selectFrom('marking_submissions')
      .select('id')
      .where('owner_id', '=', submissionId)
      .executeTakeFirstOrThrow();
    await allocateMarker(deps.db, deps, staff, markingId, { markerId: people.assessor.id, role: 'first' });
    if (kind !== 'open')
      await saveMark(
        deps.db,
        deps,
        actorOf(people.assessor),
        markingId,
        markFromForm({ 'points.c1': '7', complete: 'on' }),
      );
    const feedbackFileId = (
      await attachFeedbackFiles(deps.db, deps, staff, [
        { submissionId: markingId, bytes: pdfBytes('M'), label: 'f' },
      ]).then(() =>
        deps.db
          .selectFrom('marking_feedback_files')
          .select('id')
          .where('submission_id', '=', markingId)
          .executeTakeFirstOrThrow(),
      )
    ).id;
    if (kind === 'agreed' || kind === 'released') await agreeMark(deps.db, deps, staff, markingId, {});
    if (kind === 'released') await releaseMark(deps.db, deps, staff, markingId);
    const spare = await buildPerson(deps, { roles: ['assessor'] });
    const { id: bankCommentId } = await saveBankComment(deps.db, deps, actorOf(people.assessor), {
      text: 'Cite your sources.',
    });
    return {
      editionId: edition.id,
      markingId,
      rubricId,
      spareMarkerId: spare.id,
      bankCommentId,
      feedbackFileId,
    };
  },
  shownBy: (target) => target.markingId,
  call: (_context, _c, target, client) =>
    uploadForm(client, `/marking/submissions/${target.markingId}/feedback-files`, {
      name: 'feedback.pdf',
      content: pdfBytes('Marker'),
    }),
});
