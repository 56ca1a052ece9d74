import { buildCase } from '../../../test/helpers/case-factories.js';
import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  LEARNER_GET,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { addDocument } from './add-document.js';
import { getCase } from './get-case.js';
import { saveAnswer } from './save-answer.js';

/**
 * Every cases route with every role: a case opens to the edition's confirmed participant (the owner, who
 * answers), its facilitator and managers (who give feedback, and do not answer: 403); anyone else is told
 * it does not exist; a refusal changes nothing.
 */

interface Target {
  itemId: string;
  answerId: string;
  documentId: string;
}
type Case = MatrixCase<EditionRole, 'case', Target>;

const e = expectFor;
const c = (t: Target) => `/cases/${t.itemId}`;
const answerGet = e(404, { anonymous: 303, owner: 200, editionFacilitator: 403, manager: 403 });
const answerPost = e(404, { anonymous: 401, owner: 303, editionFacilitator: 403, manager: 403 });

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /cases/:itemId/manage', kind: 'case', path: (t) => `${c(t)}/manage`, expect: STAFF_GET },
  { route: 'POST /cases/:itemId', kind: 'case', path: (t) => c(t), body: () => ({ 'context.en': 'Sundara.' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /cases/:itemId/news', kind: 'case', path: (t) => `${c(t)}/news`, body: () => ({ 'title.en': 'News', releaseAt: '2026-12-01T10:00' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /cases/:itemId/answers/:answerId/feedback', kind: 'case', path: (t) => `${c(t)}/answers/${t.answerId}/feedback`, body: () => ({ feedback: 'Good.' }), mutates: true, expect: staffPost(303) },
  // Without a file the upload is refused (400, nothing stored) once the staff check has passed.
  { route: 'POST /cases/:itemId/documents', kind: 'case', path: (t) => `${c(t)}/documents`, expect: staffPost(400) },
  { route: 'GET /cases/:itemId/documents/:documentId', kind: 'case', path: (t) => `${c(t)}/documents/${t.documentId}`, expect: LEARNER_GET },
  { route: 'GET /cases/:itemId/answer', kind: 'case', path: (t) => `${c(t)}/answer`, expect: answerGet },
  { route: 'POST /cases/:itemId/answer', kind: 'case', path: (t) => `${c(t)}/answer`, body: () => ({ body: 'My answer.' }), mutates: true, expect: answerPost },
];

runRouteMatrix<Exclude<EditionRole, 'anonymous'>, 'case', Target>({
  module: 'cases',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['case'],
  cases: CASES,
  watched: ['cases', 'case_releases', 'case_documents', 'case_answers', 'audit_events'],
  /** A new edition (its facilitator set) where `owner` has a confirmed place and has answered a case. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const { itemId } = await buildCase(deps, staff, edition.id);
    await saveAnswer(deps.db, deps, actorOf(owner), itemId, { body: 'First answer.' });
    const view = await getCase(deps.db, deps, staff, itemId);
    const document = await addDocument(
      deps.db,
      deps,
      staff,
      itemId,
      { title: 'Survey' },
      {
        fileName: 'survey.pdf',
        bytes: Buffer.from('%PDF-1.4'),
      },
    );
    return { itemId, answerId: view.answers[0]?.id ?? '', documentId: document.id };
  },
  shownBy: (target) => target.itemId,
});
