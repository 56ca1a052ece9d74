/**
 * The view-models of the capstone's own pages: the candidate's home (what is missing before it unlocks,
 * the proposal form), and a capstone's page as its candidate, its supervisor or the committee sees it.
 * Assessors never reach these pages (they mark on the blind page).
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type Actor, hasRole } from '../../kernel/actor.js';
import { toDateString } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { activePeopleWithRole, personNames } from '../identity/identity.queries.js';
import { markerViewOf, type ReleasedMarking, releasedMarkings } from '../marking/marking.queries.js';
import type { Reason } from '../pathway/rules/evaluation.js';
import {
  type Abstracts,
  type CapstoneState,
  type CapstoneWarning,
  capstoneWarnings,
  type LibraryLicence,
  type Milestone,
  type Proposal,
} from './capstone.js';
import { abstractsOf, capstoneAccess, licenceOf, proposalOf, stateOf } from './capstone-access.js';
import { type CandidateStanding, candidacyStanding, candidateStandings } from './capstone-candidate.js';
import {
  findCapstoneOfCandidacy,
  listAttempts,
  listMessages,
  listMilestonesReached,
  listSupervisors,
  supervisorLoads,
} from './capstones.repository.js';
import { milestonesOutsideWindow, type ShiftOffer, shiftOffer } from './milestones/milestone-plan.js';

/** What the pathway says, as the candidate's pages show it. */
export interface StandingView {
  unlocked: boolean;
  countedCourses: string[];
  deadline: string | null;
  waitingFor: string[];
  reasons: Reason[];
}

const standingView = (standing: CandidateStanding): StandingView => ({
  unlocked: standing.unlocked,
  countedCourses: standing.countedCourses,
  deadline: standing.deadline,
  waitingFor: standing.waitingFor,
  reasons: standing.evaluation.reasons,
});

export interface CapstoneHome {
  /** Null: not a candidate of any programme. */
  standing: StandingView | null;
  /** The capstone's id when one exists (the home then leads there). */
  capstoneId: string | null;
}

/** The signed-in person's capstone home. */
export async function getCapstoneHome(db: Executor, deps: Services, actor: Actor): Promise<CapstoneHome> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const [standing] = await candidateStandings(db, actor.id, toDateString(deps.clock.now()));
  if (!standing) return { standing: null, capstoneId: null };
  const capstone = await findCapstoneOfCandidacy(db, standing.candidacy.id);
  return { standing: standingView(standing), capstoneId: capstone?.id ?? null };
}

export interface MessageView {
  id: string;
  kind: 'message' | 'feedback' | 'draft';
  author: string;
  body: string;
  file: { name: string; type: string; sha256: string } | null;
  at: string;
}

export interface AttemptView {
  id: string;
  attempt: number;
  fileName: string;
  type: string;
  sha256: string;
  submittedAt: string | null;
  digest: string | null;
  abstracts: Abstracts;
  marking: ReleasedMarking | null;
}

export interface CapstonePage {
  id: string;
  state: CapstoneState;
  proposal: Proposal;
  candidateName: string;
  committeeComment: string | null;
  supervisor: { id: string; name: string } | null;
  standing: StandingView | null;
  warnings: CapstoneWarning[];
  /** The milestones recorded as reached (outline, full draft) and the day. */
  milestonesReached: { milestone: Milestone; reachedOn: string }[];
  /** Today's date (the default day a milestone is recorded as reached). */
  today: string;
  /**
   * An approved capstone's plan against the window as it is now: the plan shifted by an extension granted
   * since it was made (offered, not applied: the supervisor plans again), and the milestones a shortened
   * window leaves outside.
   */
  plan: { shift: ShiftOffer | null; outsideWindow: Milestone[] };
  messages: MessageView[];
  attempts: AttemptView[];
  resubmissionDue: string | null;
  outcomeMark: number | null;
  completedOn: string | null;
  credentialId: string | null;
  library: { published: boolean; licence: LibraryLicence | null; showAuthor: boolean; linkDiploma: boolean };
  can: {
    own: boolean;
    decide: boolean;
    supervise: boolean;
    manage: boolean;
    message: boolean;
    recordMilestone: boolean;
    /** Plan the milestones again (an approved capstone; its supervisor or a manager). */
    replanMilestones: boolean;
  };
  /** For the committee: supervisors with their load, assessors to choose from, the marking submission. */
  staff: {
    supervisors: { id: string; name: string; load: number; max: number }[];
    assessors: { id: string; name: string }[];
    markingSubmissionId: string | null;
  } | null;
}

/** A capstone's page (its candidate, its supervisor, the committee; anyone else: 404). */
export async function getCapstonePage(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
): Promise<CapstonePage> {
  const { row, can } = await capstoneAccess(db, actor, capstoneId);
  const today = toDateString(deps.clock.now());
  const standing = await candidacyStanding(db, row.candidacy_id, today);
  const proposal = proposalOf(row);
  const messages = await listMessages(db, row.id);
  const reached = (await listMilestonesReached(db, row.id)).map((m) => ({
    milestone: m.milestone as Milestone,
    reachedOn: m.reached_on,
  }));
  const attempts = await listAttempts(db, row.id);
  const names = await personNames(db, [
    row.user_id,
    ...(row.supervisor_id ? [row.supervisor_id] : []),
    ...messages.map((m) => m.author_id ?? ''),
  ]);
  const released = await releasedMarkings(
    db,
    'capstones',
    attempts.map((a) => a.id),
  );
  let staff: CapstonePage['staff'] = null;
  if (can.manage) {
    const loads = await supervisorLoads(db);
    const supervisors = await listSupervisors(db);
    const supervisorNames = await personNames(
      db,
      supervisors.map((s) => s.person_id),
    );
    const assessors = (await activePeopleWithRole(db, 'assessor')).filter(
      (p) => p.id !== row.supervisor_id && p.id !== row.user_id,
    );
    const last = attempts.filter((a) => a.submitted_at !== null).at(-1);
    staff = {
      supervisors: supervisors.map((s) => ({
        id: s.person_id,
        name: supervisorNames.get(s.person_id) ?? s.person_id,
        load: loads.get(s.person_id) ?? 0,
        max: s.max_load,
      })),
      assessors: assessors.map((p) => ({ id: p.id, name: p.fullName })),
      markingSubmissionId: last
        ? ((await markerViewOf(db, actor, 'capstones', last.id))?.submissionId ?? null)
        : null,
    };
  }
  const supervisor = actor.kind === 'user' && actor.id === row.supervisor_id;
  const reachedSet = new Set(reached.map((m) => m.milestone));
  const deadline = standing?.deadline ?? null;
  const inProgress = row.state === 'approved';
  return {
    id: row.id,
    state: stateOf(row),
    proposal,
    candidateName: names.get(row.user_id) ?? '',
    committeeComment: row.committee_comment,
    supervisor: row.supervisor_id
      ? { id: row.supervisor_id, name: names.get(row.supervisor_id) ?? row.supervisor_id }
      : null,
    standing: standing ? standingView(standing) : null,
    warnings: capstoneWarnings(stateOf(row), proposal.timeline, deadline, today, reachedSet),
    milestonesReached: reached,
    today,
    plan: {
      shift: inProgress
        ? shiftOffer(
            proposal.timeline,
            { plannedDeadline: row.planned_deadline, deadline, today },
            reachedSet,
          )
        : null,
      outsideWindow: inProgress ? milestonesOutsideWindow(proposal.timeline, deadline, reachedSet) : [],
    },
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind as MessageView['kind'],
      author: (m.author_id && names.get(m.author_id)) || '—',
      body: m.body,
      file: m.storage_key
        ? { name: m.file_name ?? '', type: m.file_type ?? '', sha256: m.sha256 ?? '' }
        : null,
      at: m.created_at,
    })),
    attempts: attempts.map((a) => ({
      id: a.id,
      attempt: a.attempt,
      fileName: a.original_name,
      type: a.type,
      sha256: a.sha256,
      submittedAt: a.submitted_at,
      digest: a.digest,
      abstracts: abstractsOf(a.abstracts_json),
      marking: released.get(a.id) ?? null,
    })),
    resubmissionDue: row.resubmission_due,
    outcomeMark: row.outcome_mark,
    completedOn: row.completed_on,
    credentialId: row.credential_id,
    library: {
      published: row.published_at !== null,
      licence: licenceOf(row),
      showAuthor: row.library_show_author === 1,
      linkDiploma: row.library_link_diploma === 1,
    },
    can: {
      ...can,
      message:
        (can.own || supervisor) && row.supervisor_id !== null && !['passed', 'failed'].includes(row.state),
      recordMilestone: can.supervise && ['approved', 'resubmission'].includes(row.state),
      replanMilestones: can.supervise && row.state === 'approved',
    },
    staff,
  };
}

/** Whether the actor holds a staff role that may open the committee's pages. */
export const isCommittee = (actor: Actor) => hasRole(actor, 'manager');
