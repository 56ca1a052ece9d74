import { pdfBytes, uploadForm } from '../../../test/helpers/assessment-factories.js';
import { proposalForm } from '../../../test/helpers/capstone-factories.js';
import { runCredentialJobs } from '../../../test/helpers/credential-factories.js';
import { buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { actorOf, buildPathwayProgramme, earn } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { TEST_NOW } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { saveMark } from '../marking/save-mark.js';
import { registerCandidate } from '../pathway/register-candidate.js';
import { allocateAssessors } from './committee/allocate-assessors.js';
import { changeCapstoneExaminer } from './committee/change-capstone-examiner.js';
import { decideProposal } from './committee/decide-proposal.js';
import { nameCommitteeMember } from './committee/name-committee-member.js';
import { submitFinal } from './final/submit-final.js';
import { uploadFinalDocument } from './final/upload-final-document.js';
import { setLibraryConsent } from './library/set-library-consent.js';
import { saveProposal } from './proposal/save-proposal.js';
import { submitProposal } from './proposal/submit-proposal.js';
import { recordOutcome } from './record-outcome.js';
import { addDraft } from './supervision/add-draft.js';
import { assignSupervisor } from './supervision/assign-supervisor.js';
import { setSupervisorLoad } from './supervision/set-supervisor-load.js';

/**
 * Every capstones route with every role, on a capstone in the state the route needs. The candidate owns
 * it; the supervisor is assigned to it (from "approved" on); the assessor is its first marker (from
 * "marked" on); the examiner is the programme's external examiner; the committee member sits on the
 * programme's committee and the manager does not (so only the member decides the proposal). Candidate
 * pages answer "not found" to anyone without standing; refusals change nothing.
 */

type Role = 'candidate' | 'other' | 'supervisor' | 'assessor' | 'examiner' | 'committee' | 'manager';
type Who = Role | 'anonymous';
type Kind = 'draft' | 'proposed' | 'approved' | 'handedIn' | 'marked' | 'released' | 'passed';
const KINDS: Kind[] = ['draft', 'proposed', 'approved', 'handedIn', 'marked', 'released', 'passed'];

interface Target {
  capstoneId: string;
  programmeId: string;
  counted: string[];
  /** The candidate's draft file (a message with a file), from "approved" on. */
  fileId: string;
  /** The handed-in attempt, from "handedIn" on. */
  attemptId: string;
}
type Case = MatrixCase<Who, Kind, Target>;

const e = (all: number, others: Partial<Record<Who, number>>): Record<Who, number> => ({
  anonymous: all,
  candidate: all,
  other: all,
  supervisor: all,
  assessor: all,
  examiner: all,
  committee: all,
  manager: all,
  ...others,
});
const c = (t: Target) => `/capstones/${t.capstoneId}`;
/** Managers (the committee member is one) manage; everyone else is refused; signed out: 401. */
const managers = e(403, { anonymous: 401, committee: 303, manager: 303 });
/** The candidate's own forms: others with standing are refused, those without are told nothing exists. */
const own = e(404, { anonymous: 401, candidate: 303, supervisor: 403, committee: 403, manager: 403 });
/** Before a supervisor is assigned, the supervisor has no standing either. */
const ownDraft = { ...own, supervisor: 404 };
const pub = e(200, {});

let spare: [TestPerson, TestPerson];
let shift = 0;

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /capstones/my', kind: 'draft', path: () => '/capstones/my', expect: e(200, { anonymous: 303, candidate: 303 }) },
  { route: 'POST /capstones/my/proposal', kind: 'draft', path: () => '/capstones/my/proposal', body: (t) => proposalForm(t.counted), mutates: true, expect: e(403, { anonymous: 401, candidate: 303 }) },
  { route: 'GET /capstones', kind: 'proposed', path: () => '/capstones', expect: e(200, { anonymous: 303, candidate: 403, other: 403 }) },
  { route: 'GET /capstones/admin', kind: 'draft', path: () => '/capstones/admin', expect: e(403, { anonymous: 303, committee: 200, manager: 200 }) },
  { route: 'POST /capstones/supervisors', kind: 'draft', path: () => '/capstones/supervisors', body: () => ({ personId: spare[0].id, maxLoad: '5' }), expect: managers },
  { route: 'POST /capstones/settings/:id', kind: 'draft', path: (t) => `/capstones/settings/${t.programmeId}`, body: () => ({ rubricId: '', passMark: '50', discrepancy: '15' }), expect: managers },
  { route: 'POST /capstones/examiners', kind: 'draft', path: () => '/capstones/examiners', body: (t) => ({ programmeId: t.programmeId, examinerId: spare[1].id }), expect: managers },
  { route: 'POST /capstones/examiners/withdraw', kind: 'draft', path: () => '/capstones/examiners/withdraw', body: (t) => ({ programmeId: t.programmeId, examinerId: people.examiner.id }), mutates: true, expect: managers },
  { route: 'POST /capstones/committee', kind: 'draft', path: () => '/capstones/committee', body: (t) => ({ committeeProgrammeId: t.programmeId, memberId: people.committee.id }), expect: managers },
  { route: 'GET /capstones/marking/:id', kind: 'marked', path: (t) => `/capstones/marking/${t.attemptId}`, expect: e(404, { anonymous: 303, candidate: 403, other: 403, assessor: 200, examiner: 200, committee: 200, manager: 200 }) },
  { route: 'GET /capstones/marking/:id/document', kind: 'marked', path: (t) => `/capstones/marking/${t.attemptId}/document`, expect: e(404, { anonymous: 303, candidate: 403, other: 403, assessor: 200, examiner: 200, committee: 200, manager: 200 }) },
  { route: 'GET /capstones/:id', kind: 'approved', path: c, expect: e(404, { anonymous: 303, candidate: 200, supervisor: 200, committee: 200, manager: 200 }) },
  { route: 'POST /capstones/:id/proposal', kind: 'draft', path: (t) => `${c(t)}/proposal`, body: (t) => proposalForm(t.counted), mutates: true, expect: ownDraft },
  { route: 'POST /capstones/:id/submit-proposal', kind: 'draft', path: (t) => `${c(t)}/submit-proposal`, mutates: true, expect: ownDraft },
  { route: 'POST /capstones/:id/decision', kind: 'proposed', path: (t) => `${c(t)}/decision`, body: () => ({ decision: 'approve' }), mutates: true, expect: e(403, { anonymous: 401, committee: 303 }) },
  { route: 'POST /capstones/:id/supervisor', kind: 'approved', path: (t) => `${c(t)}/supervisor`, body: () => ({ supervisorId: people.supervisor.id }), mutates: true, expect: managers },
  { route: 'POST /capstones/:id/messages', kind: 'approved', path: (t) => `${c(t)}/messages`, body: () => ({ body: 'Section 2 needs evidence.' }), mutates: true, expect: e(404, { anonymous: 401, candidate: 303, supervisor: 303, committee: 403, manager: 403 }) },
  { route: 'POST /capstones/:id/milestones', kind: 'approved', path: (t) => `${c(t)}/milestones`, body: () => ({ milestone: 'outline', reachedOn: '2026-11-01' }), mutates: true, expect: e(404, { anonymous: 401, candidate: 403, supervisor: 303, committee: 303, manager: 303 }) },
  { route: 'POST /capstones/:id/timeline', kind: 'approved', path: (t) => `${c(t)}/timeline`, body: () => ({ outlineDue: '2027-02-01', draftDue: '2027-04-01', finalDue: '2027-06-01' }), mutates: true, expect: e(404, { anonymous: 401, candidate: 403, supervisor: 303, committee: 303, manager: 303 }) },
  { route: 'POST /capstones/:id/final', kind: 'approved', path: (t) => `${c(t)}/final`, body: () => ({ abstract_en: 'Recommendations for Ghana.', declared: 'on' }), mutates: true, expect: own },
  { route: 'POST /capstones/:id/assessors', kind: 'handedIn', path: (t) => `${c(t)}/assessors`, body: () => ({ firstMarkerId: spare[0].id, secondMarkerId: spare[1].id }), mutates: true, expect: managers },
  { route: 'POST /capstones/:id/outcome', kind: 'released', path: (t) => `${c(t)}/outcome`, body: () => ({ outcome: 'pass' }), mutates: true, expect: managers },
  { route: 'POST /capstones/:id/library', kind: 'passed', path: (t) => `${c(t)}/library`, body: () => ({ consent: 'on', licence: 'CC-BY-4.0' }), mutates: true, expect: own },
  { route: 'POST /capstones/:id/drafts', kind: 'approved', path: (t) => `${c(t)}/drafts`, special: 'upload', mutates: true, expect: e(404, { anonymous: 401, candidate: 303, supervisor: 303, committee: 403, manager: 403 }) },
  { route: 'POST /capstones/:id/document', kind: 'approved', path: (t) => `${c(t)}/document`, special: 'upload', mutates: true, expect: own },
  { route: 'GET /capstones/:id/files/:fileId', kind: 'approved', path: (t) => `${c(t)}/files/${t.fileId}`, expect: e(404, { anonymous: 303, candidate: 200, supervisor: 200, committee: 200, manager: 200 }) },
  { route: 'GET /capstones/:id/attempts/:fileId', kind: 'marked', path: (t) => `${c(t)}/attempts/${t.attemptId}`, expect: e(404, { anonymous: 303, candidate: 200, supervisor: 200, committee: 200, manager: 200 }) },
  { route: 'GET /library/capstones', kind: 'passed', path: () => '/library/capstones?q=ghana', expect: pub },
  { route: 'GET /library/capstones/:id', kind: 'passed', path: (t) => `/library/capstones/${t.capstoneId}`, expect: pub },
  { route: 'GET /library/capstones/:id/document', kind: 'passed', path: (t) => `/library/capstones/${t.capstoneId}/document`, expect: pub },
  { route: 'GET /api/v1/capstones', kind: 'passed', path: () => '/api/v1/capstones?q=ghana', expect: pub },
];

let people: Record<Role, TestPerson>;
const SYSTEM = systemActor('test');
const mark = (value: string) => ({
  points: {},
  comments: {},
  overall: 'Sound.',
  mark: value,
  complete: true,
});

runRouteMatrix<Role, Kind, Target>({
  module: 'capstones',
  roles: {
    candidate: ['participant'],
    other: ['participant'],
    supervisor: ['facilitator'],
    assessor: ['assessor'],
    examiner: ['assessor'],
    committee: ['manager'],
    manager: ['manager'],
  },
  owner: 'candidate',
  kinds: KINDS,
  cases: CASES,
  watched: [
    'capstones',
    'capstone_attempts',
    'capstone_messages',
    'capstone_milestones',
    'capstone_committee',
    'capstone_settings',
    'capstone_supervisors',
    'capstone_library_search',
    'marking_examiners',
    'marking_marks',
    'marking_submissions',
  ],
  async setup(context) {
    people = context.people;
    spare = [
      await buildPerson(context.deps, { roles: ['assessor'] }),
      await buildPerson(context.deps, { roles: ['assessor'] }),
    ];
    await setSupervisorLoad(context.deps.db, context.deps, actorOf(people.manager), {
      personId: people.supervisor.id,
      maxLoad: 100,
    });
  },
  /** A capstone of `owner` in a programme of its own (its committee and examiner named) in the state `kind`. */
  async buildTarget(context, kind, owner) {
    const { deps } = context;
    const step = KINDS.indexOf(kind);
    const programme = await buildPathwayProgramme(deps);
    // The candidate writes the capstone of their first candidacy: each new one is registered a minute
    // earlier than the last, so it is the one the proposal form writes.
    deps.clock.set(new Date(Date.parse(TEST_NOW) - ++shift * 60_000).toISOString());
    const { id: candidacyId } = await registerCandidate(deps.db, deps, SYSTEM, programme.slug, {
      email: owner.email,
      registeredOn: '2024-01-08',
    });
    deps.clock.set(TEST_NOW);
    await earn(deps, owner, programme.academy, '2024-06-10', '2024-06-21');
    const counted = [programme.academy, ...programme.electives.slice(0, 3)];
    for (const [index, code] of counted.slice(1).entries())
      await earn(deps, owner, code, `2025-0${index + 1}-06`, `2025-0${index + 1}-28`);
    await runCredentialJobs(deps);
    const { programme_id: programmeId } = await deps.db
      .selectFrom('candidacies')
      .select('programme_id')
      .where('id', '=', candidacyId)
      .executeTakeFirstOrThrow();
    const manager = actorOf(people.manager);
    await nameCommitteeMember(deps.db, deps, manager, {
      committeeProgrammeId: programmeId,
      memberId: people.committee.id,
    });
    await changeCapstoneExaminer(deps.db, deps, manager, { programmeId, examinerId: people.examiner.id });
    const me = actorOf(owner);
    const { id: capstoneId } = await saveProposal(deps.db, deps, me, proposalForm(counted));
    const target: Target = { capstoneId, programmeId, counted, fileId: '', attemptId: '' };
    if (step < 1) return target;
    await submitProposal(deps.db, deps, me, capstoneId);
    if (step < 2) return target;
    await decideProposal(deps.db, deps, actorOf(people.committee), capstoneId, { decision: 'approve' });
    await assignSupervisor(deps.db, deps, manager, capstoneId, { supervisorId: people.supervisor.id });
    ({ id: target.fileId } = await addDraft(
      deps.db,
      deps,
      me,
      capstoneId,
      {
        fileName: 'outline.pdf',
        bytes: pdfBytes('Outline'),
      },
      'My outline.',
    ));
    await uploadFinalDocument(deps.db, deps, me, capstoneId, {
      fileName: 'final.pdf',
      bytes: pdfBytes('Final'),
    });
    if (step < 3) return target;
    await submitFinal(deps.db, deps, me, capstoneId, {
      declared: 'on',
      abstract_en: 'Ghana and its workers.',
    });
    const attempt = await deps.db
      .selectFrom('capstone_attempts')
      .select('id')
      .where('capstone_id', '=', capstoneId)
      .executeTakeFirstOrThrow();
    target.attemptId = attempt.id;
    if (step < 4) return target;
    await allocateAssessors(deps.db, deps, manager, capstoneId, {
      firstMarkerId: people.assessor.id,
      secondMarkerId: spare[0].id,
    });
    const { id: submissionId } = await deps.db
      .selectFrom('marking_submissions')
      .select('id')
      .where('owner_id', '=', attempt.id)
      .executeTakeFirstOrThrow();
    await saveMark(deps.db, deps, actorOf(people.assessor), submissionId, mark('62'));
    await saveMark(deps.db, deps, actorOf(spare[0]), submissionId, mark('66'));
    if (step < 5) return target;
    await agreeMark(deps.db, deps, manager, submissionId, { mark: '', note: '', feedback: '' });
    await releaseMark(deps.db, deps, manager, submissionId);
    if (step < 6) return target;
    await recordOutcome(deps.db, deps, manager, capstoneId, { outcome: 'pass' });
    await setLibraryConsent(deps.db, deps, me, capstoneId, { consent: 'on', licence: 'CC-BY-4.0' });
    return target;
  },
  shownBy: (target) => target.capstoneId,
  call: (_context, _c, target, client) =>
    uploadForm(client, `${_c.path(target)}`, { name: 'draft.pdf', content: pdfBytes('Draft') }),
});
