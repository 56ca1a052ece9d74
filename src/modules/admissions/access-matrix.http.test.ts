import { randomBytes } from 'node:crypto';
import {
  eligibleAnswers,
  fillApplication,
  TINY_PDF,
  uploadForm,
} from '../../../test/helpers/application-factories.js';
import { buildProgramme, type TestPerson } from '../../../test/helpers/factories.js';
import { multipartBody } from '../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { loadAdmissionSettings } from './admission-settings.js';
import { assignReviewer } from './review/assign-reviewers.js';
import { decideApplication } from './review/decide-application.js';
import { settingsFormValues } from './review/review-settings.js';
import { startApplication } from './start-application.js';
import { submitApplication } from './submit-application.js';

/**
 * Every admissions route (web and API, applicant and staff side) with every role: the status each gets,
 * that a refusal changes nothing, and that lists never show someone else's application. Routes are read
 * from the module's registrations, so a new admissions route without a row here fails the first test.
 */

const ROLES = [
  'anonymous',
  'applicant',
  'otherParticipant',
  'assignedAssessor',
  'unassignedAssessor',
  'facilitator',
  'manager',
  'administrator',
] as const;
type RoleName = (typeof ROLES)[number];
type Expect = Record<RoleName, number>;
type Kind = 'submitted' | 'draft' | 'decided' | 'ineligible';

/** One application of a fixture, with what its routes need. */
interface Target {
  id: string;
  slug: string;
  reviewerId: string;
  applicant: TestPerson;
}
type Case = MatrixCase<RoleName, Kind, Target>;

/** Builds the table row: a default for everyone, then the roles that differ. */
const e = (all: number, others: Partial<Expect>): Expect =>
  ({ ...Object.fromEntries(ROLES.map((r) => [r, all])), ...others }) as Expect;

const WEB_SCORE = {
  'scores.experience': '4',
  'scores.motivation': '5',
  'scores.impact': '3',
  recommendation: 'accept',
};
const API_SCORE = { scores: { experience: 4, motivation: 5, impact: 3 }, recommendation: 'accept' };
/** The managers' settings form as the page fills it (the defaults): a valid body. */
let settingsBody: Record<string, unknown> = {};
const STEP = { fullName: 'Amina Diallo', countryOfResidence: 'SN', nationality: 'SN', sex: 'female' };

// Applicant side: only the applicant; staff who may read it get 403; anyone else 404 (invisible).
const ownGet = e(404, { anonymous: 303, applicant: 200 });
const ownPost = (ok: number) =>
  e(404, { anonymous: 401, applicant: ok, manager: 403, assignedAssessor: 403 });
const ownDraftPost = (ok: number) => e(404, { anonymous: 401, applicant: ok, manager: 403 });
const ownApi = (ok: number) => e(404, { anonymous: 401, applicant: ok, manager: 403, assignedAssessor: 403 });
const ownDraftApi = (ok: number) => e(404, { anonymous: 401, applicant: ok, manager: 403 });
// Staff side: managers; assigned reviewers read, score and comment; other assessors do not see it (404);
// people who are not staff at all get 403 before anything is looked up. Only assigned reviewers score
// (a manager too, once assigned); the CSV export is for managers.
const staffRead = (anon: number) =>
  e(403, { anonymous: anon, manager: 200, assignedAssessor: 200, unassignedAssessor: 404 });
const reviewWeb = e(403, { anonymous: 401, manager: 303, assignedAssessor: 303, unassignedAssessor: 404 });
const reviewApi = e(403, { anonymous: 401, manager: 200, assignedAssessor: 200, unassignedAssessor: 404 });
const managerWeb = e(403, { anonymous: 401, manager: 303 });
const managerApi = e(403, { anonymous: 401, manager: 200 });

// One row per route, kept on one line each so the matrix reads as a table.
// biome-ignore format: a table
const CASES: Case[] = [
  // ——— applicant web pages ———
  { route: 'GET /programmes/:slug/apply', kind: 'submitted', path: (t) => `/programmes/${t.slug}/apply`, expect: e(200, { anonymous: 303, applicant: 303 }) },
  { route: 'POST /programmes/:slug/apply', kind: 'submitted', path: (t) => `/programmes/${t.slug}/apply`, mutates: true, expect: e(303, { anonymous: 401 }) },
  { route: 'GET /my/applications', kind: 'submitted', path: () => '/my/applications', expect: e(200, { anonymous: 303 }), hiddenFrom: ROLES.filter((r) => r !== 'applicant') },
  { route: 'GET /my/applications/:id', kind: 'submitted', path: (t) => `/my/applications/${t.id}`, expect: ownGet },
  { route: 'GET /my/applications/:id/steps/:step', kind: 'draft', path: (t) => `/my/applications/${t.id}/steps/person`, expect: ownGet },
  { route: 'POST /my/applications/:id/steps/:step', kind: 'draft', path: (t) => `/my/applications/${t.id}/steps/person`, body: () => STEP, mutates: true, expect: ownDraftPost(303) },
  { route: 'POST /my/applications/:id/files', kind: 'draft', path: (t) => `/my/applications/${t.id}/files`, special: 'upload', mutates: true, expect: ownDraftPost(303) },
  { route: 'GET /my/applications/:id/files/:kind', kind: 'submitted', path: (t) => `/my/applications/${t.id}/files/cv`, expect: e(404, { anonymous: 303, applicant: 200, manager: 200, assignedAssessor: 200 }) },
  { route: 'GET /my/applications/:id/files/:kind/delete', kind: 'draft', path: (t) => `/my/applications/${t.id}/files/cv/delete`, expect: e(404, { anonymous: 303, applicant: 200 }) },
  { route: 'POST /my/applications/:id/files/:kind/delete', kind: 'draft', path: (t) => `/my/applications/${t.id}/files/cv/delete`, mutates: true, expect: ownDraftPost(303) },
  { route: 'POST /my/applications/:id/submit', kind: 'draft', path: (t) => `/my/applications/${t.id}/submit`, body: () => ({ consent: 'on' }), mutates: true, expect: ownDraftPost(303) },
  { route: 'POST /my/applications/:id/withdraw', kind: 'submitted', path: (t) => `/my/applications/${t.id}/withdraw`, mutates: true, expect: ownPost(303) },
  // ——— applicant API ———
  { route: 'GET /api/v1/applications/mine', kind: 'submitted', path: () => '/api/v1/applications/mine', expect: e(200, { anonymous: 401 }), hiddenFrom: ROLES.filter((r) => r !== 'applicant') },
  { route: 'POST /api/v1/applications/mine', kind: 'submitted', path: () => '/api/v1/applications/mine', body: (t) => ({ programme: t.slug }), mutates: true, expect: e(201, { anonymous: 401, applicant: 200 }) },
  { route: 'GET /api/v1/applications/mine/:id', kind: 'submitted', path: (t) => `/api/v1/applications/mine/${t.id}`, expect: e(404, { anonymous: 401, applicant: 200 }) },
  { route: 'PUT /api/v1/applications/mine/:id/steps/:step', kind: 'draft', path: (t) => `/api/v1/applications/mine/${t.id}/steps/person`, body: () => STEP, mutates: true, expect: ownDraftApi(200) },
  { route: 'POST /api/v1/applications/mine/:id/files', kind: 'draft', path: (t) => `/api/v1/applications/mine/${t.id}/files`, special: 'upload', mutates: true, expect: ownDraftApi(201) },
  { route: 'GET /api/v1/applications/mine/:id/files/:kind', kind: 'submitted', path: (t) => `/api/v1/applications/mine/${t.id}/files/cv`, expect: e(404, { anonymous: 401, applicant: 200, manager: 200, assignedAssessor: 200 }) },
  { route: 'DELETE /api/v1/applications/mine/:id/files/:kind', kind: 'draft', path: (t) => `/api/v1/applications/mine/${t.id}/files/cv`, mutates: true, expect: ownDraftApi(200) },
  { route: 'POST /api/v1/applications/mine/:id/submit', kind: 'draft', path: (t) => `/api/v1/applications/mine/${t.id}/submit`, body: () => ({}), mutates: true, expect: ownDraftApi(200) },
  { route: 'POST /api/v1/applications/mine/:id/withdraw', kind: 'submitted', path: (t) => `/api/v1/applications/mine/${t.id}/withdraw`, mutates: true, expect: ownApi(200) },
  // ——— staff web pages ———
  { route: 'GET /manage/applications', kind: 'submitted', path: (t) => `/manage/applications?programme=${t.slug}`, expect: e(403, { anonymous: 303, manager: 200, assignedAssessor: 200, unassignedAssessor: 200 }), hiddenFrom: ['unassignedAssessor'] },
  { route: 'GET /review', kind: 'submitted', path: (t) => `/review?programme=${t.slug}`, expect: e(403, { anonymous: 303, manager: 200, assignedAssessor: 200, unassignedAssessor: 200 }), hiddenFrom: ['unassignedAssessor', 'manager'] },
  { route: 'GET /manage/applications.csv', kind: 'submitted', path: (t) => `/manage/applications.csv?programme=${t.slug}`, expect: e(403, { anonymous: 303, manager: 200 }) },
  { route: 'GET /manage/applications/:id', kind: 'submitted', path: (t) => `/manage/applications/${t.id}`, expect: staffRead(303) },
  { route: 'GET /manage/applications/:id/files/:kind', kind: 'submitted', path: (t) => `/manage/applications/${t.id}/files/cv`, expect: e(404, { anonymous: 303, applicant: 200, manager: 200, assignedAssessor: 200 }) },
  { route: 'POST /manage/applications/:id/reviewers', kind: 'submitted', path: (t) => `/manage/applications/${t.id}/reviewers`, body: (t) => ({ reviewerId: t.reviewerId }), mutates: true, expect: managerWeb },
  { route: 'POST /manage/applications/:id/reviewers/:reviewerId/remove', kind: 'submitted', path: (t) => `/manage/applications/${t.id}/reviewers/${t.reviewerId}/remove`, mutates: true, expect: managerWeb },
  { route: 'POST /manage/applications/:id/score', kind: 'submitted', path: (t) => `/manage/applications/${t.id}/score`, body: () => WEB_SCORE, mutates: true, expect: { ...reviewWeb, manager: 403 } },
  { route: 'POST /manage/applications/:id/comments', kind: 'submitted', path: (t) => `/manage/applications/${t.id}/comments`, body: () => ({ body: 'A comment.' }), mutates: true, expect: reviewWeb },
  { route: 'POST /manage/applications/:id/decision', kind: 'submitted', path: (t) => `/manage/applications/${t.id}/decision`, body: () => ({ decision: 'reject', message: 'Not this year.' }), mutates: true, expect: managerWeb },
  { route: 'POST /manage/applications/:id/reopen', kind: 'decided', path: (t) => `/manage/applications/${t.id}/reopen`, body: () => ({ reopenReason: 'New facts.' }), mutates: true, expect: managerWeb },
  { route: 'POST /manage/applications/:id/override', kind: 'ineligible', path: (t) => `/manage/applications/${t.id}/override`, body: () => ({ overrideReason: 'Equivalent experience.' }), mutates: true, expect: managerWeb },
  { route: 'GET /manage/programmes/:slug/admissions', kind: 'submitted', path: (t) => `/manage/programmes/${t.slug}/admissions`, expect: e(403, { anonymous: 303, manager: 200 }) },
  { route: 'POST /manage/programmes/:slug/admissions', kind: 'submitted', path: (t) => `/manage/programmes/${t.slug}/admissions`, body: () => settingsBody, mutates: true, expect: managerWeb },
  // ——— staff API ———
  { route: 'GET /api/v1/applications', kind: 'submitted', path: (t) => `/api/v1/applications?programme=${t.slug}`, expect: e(403, { anonymous: 401, manager: 200, assignedAssessor: 200, unassignedAssessor: 200 }), hiddenFrom: ['unassignedAssessor'] },
  { route: 'GET /api/v1/applications/:id', kind: 'submitted', path: (t) => `/api/v1/applications/${t.id}`, expect: staffRead(401) },
  { route: 'POST /api/v1/applications/:id/reviewers', kind: 'submitted', path: (t) => `/api/v1/applications/${t.id}/reviewers`, body: (t) => ({ reviewerId: t.reviewerId }), mutates: true, expect: managerApi },
  { route: 'DELETE /api/v1/applications/:id/reviewers/:reviewerId', kind: 'submitted', path: (t) => `/api/v1/applications/${t.id}/reviewers/${t.reviewerId}`, mutates: true, expect: managerApi },
  { route: 'PUT /api/v1/applications/:id/score', kind: 'submitted', path: (t) => `/api/v1/applications/${t.id}/score`, body: () => API_SCORE, mutates: true, expect: { ...reviewApi, manager: 403 } },
  { route: 'POST /api/v1/applications/:id/comments', kind: 'submitted', path: (t) => `/api/v1/applications/${t.id}/comments`, body: () => ({ body: 'A comment.' }), mutates: true, expect: reviewApi },
  { route: 'POST /api/v1/applications/:id/decision', kind: 'submitted', path: (t) => `/api/v1/applications/${t.id}/decision`, body: () => ({ decision: 'reject', message: 'Not this year.' }), mutates: true, expect: managerApi },
  { route: 'POST /api/v1/applications/:id/reopen', kind: 'decided', path: (t) => `/api/v1/applications/${t.id}/reopen`, body: () => ({ reason: 'New facts.' }), mutates: true, expect: managerApi },
  { route: 'POST /api/v1/applications/:id/eligibility-override', kind: 'ineligible', path: (t) => `/api/v1/applications/${t.id}/eligibility-override`, body: () => ({ reason: 'Equivalent experience.' }), mutates: true, expect: managerApi },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, Kind, Target>({
  module: 'admissions',
  roles: {
    applicant: ['participant'],
    otherParticipant: ['participant'],
    assignedAssessor: ['assessor'],
    unassignedAssessor: ['assessor'],
    facilitator: ['facilitator'],
    manager: ['manager'],
    administrator: ['administrator'],
  },
  owner: 'applicant',
  kinds: ['submitted', 'draft', 'decided', 'ineligible'],
  cases: CASES,
  watched: [
    'applications',
    'application_files',
    'application_reviewers',
    'application_scores',
    'application_comments',
    'application_decisions',
    'admission_settings',
    'candidacies',
    'notifications',
    'jobs',
    'audit_events',
  ],
  async setup({ deps }) {
    const programmeId = await buildProgramme(deps);
    settingsBody = settingsFormValues(await loadAdmissionSettings(deps.db, programmeId));
  },
  /** An application of `kind` by `applicant` to a programme of its own, assigned to the assigned assessor. */
  async buildTarget({ deps, people }, kind, applicant) {
    const manager = actorOf(people.manager);
    const slug = `p-${randomBytes(4).toString('hex')}`;
    await buildProgramme(deps, slug);
    const actor = actorOf(applicant);
    const { id } = await startApplication(deps.db, deps, actor, { programmeSlug: slug, locale: 'en' });
    const answers = eligibleAnswers();
    if (kind === 'ineligible') answers.work = { ...answers.work, yearsOfExperience: 1 };
    await fillApplication(deps, actor, id, answers);
    const target = { id, slug, reviewerId: people.assignedAssessor.id, applicant };
    if (kind === 'draft') return target;
    await submitApplication(
      deps.db,
      deps,
      actor,
      id,
      kind === 'ineligible' ? { justification: 'Long volunteer work.' } : {},
    );
    await assignReviewer(deps.db, deps, manager, id, { reviewerId: people.assignedAssessor.id });
    if (kind === 'decided')
      await decideApplication(deps.db, deps, manager, id, { decision: 'reject', message: 'No.' });
    return target;
  },
  shownBy: (target) => target.id,
  /** Uploads of a PDF letter: the web form (with its CSRF token) or the API. */
  async call({ app }, c, target, client, token) {
    const url = c.path(target);
    if (!url.startsWith('/api/'))
      return uploadForm(client, target.id, 'letter', { name: 'letter.pdf', content: TINY_PDF });
    const form = multipartBody(
      { kind: 'letter' },
      { name: 'letter.pdf', content: TINY_PDF, type: 'application/pdf' },
    );
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return app.inject({
      method: 'POST',
      url,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
  },
});
