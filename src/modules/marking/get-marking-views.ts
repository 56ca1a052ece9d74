/**
 * The marking pages' view-models. Blind: a participant appears as their number (P-0042) until a manager
 * reveals the context's identities; a marker sees their own mark only (marks are independent).
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { markerLanguages } from './allocation/marking-languages.repository.js';
import { feedbackFileName } from './feedback/get-feedback-file.js';
import { canMarking } from './marking.policy.js';
import {
  contextsExaminedBy,
  countSubmissionsByState,
  listFeedbackFiles,
  listMarksOfMarker,
  listSubmissionsByIds,
  markedOfContext,
  markerCandidates,
  pageSubmissionsOfContext,
} from './marking.repository.js';
import { contextAccess, sampleOfContext, submissionAccess } from './marking-access.js';
import { MARKER_CHOICES_TABLES, MY_MARKING_TABLES, OVERVIEW_TABLES } from './marking-kept-tables.js';
import { criteriaOf } from './marking-state.js';
import { moderationSample } from './moderation/moderation-sample.js';
import { type BankComment, bankCommentsFor } from './rubrics/get-comment-bank.js';
import type { Criterion, Scores } from './rubrics/rubric.js';
import { type MarkSummary, type SubmissionSummary, summarise } from './submission-summary.js';
import { MARKING_STATES, type MarkingState } from './workflow.js';

export type { MarkSummary, SubmissionSummary } from './submission-summary.js';

/**
 * Everyone who may be allocated as a marker (assessors, facilitators, managers), by name: kept until a
 * person or a role grant is written (`MARKER_CHOICES_TABLES`; ADR 0009), frozen.
 */
const KEPT_MARKER_CHOICES = new KeptResults<readonly { id: string; name: string }[]>({
  tables: MARKER_CHOICES_TABLES,
  maxEntries: 1,
});

/** Reads everyone who may mark, by name (the work behind the kept `markerChoices`). */
export async function readMarkerChoices(db: Executor): Promise<readonly { id: string; name: string }[]> {
  return deepFreeze(
    (await markerCandidates(db))
      .map((p) => ({ id: p.id, name: p.full_name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

function markerChoices(db: Executor): Promise<readonly { id: string; name: string }[]> {
  return KEPT_MARKER_CHOICES.get(db, 'all', () => readMarkerChoices(db));
}

/** Submissions per page of the overview. */
export const OVERVIEW_PAGE_SIZE = 25;

export interface ContextOverview {
  contextId: string;
  title: string;
  revealed: boolean;
  /** Every submission of the context, and how many stand in each state. */
  total: number;
  byState: Partial<Record<MarkingState, number>>;
  /** The state shown (null: every state), the page and the page count. */
  state: MarkingState | null;
  page: number;
  pageCount: number;
  submissions: SubmissionSummary[];
  /** Everyone who may mark, with the languages each declared. */
  markers: { id: string; name: string; languages: string[] }[];
  can: { reveal: boolean; appoint: boolean };
  /** The kept contents this page shows (the same object while they are unchanged: render them once). */
  kept: object;
}

/** Reads the overview's `state` and `page` query parameters (anything else: every state, the first page). */
export function overviewQuery(query: { state?: unknown; page?: unknown }): {
  state: MarkingState | null;
  page: number;
} {
  const state = MARKING_STATES.find((s) => s === query.state) ?? null;
  const page = Number(query.page);
  return { state, page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1 };
}

/** What every staff reader of one page of the overview sees alike (kept: see `KEPT_OVERVIEWS`). */
type OverviewContents = Pick<
  ContextOverview,
  'total' | 'byState' | 'page' | 'pageCount' | 'submissions' | 'markers'
>;

/**
 * The overview's pages, kept by context, state filter, page and whether names are revealed until one of
 * the tables they read is written (`OVERVIEW_TABLES`, checked against the SQL in
 * marking-kept-tables.integration.test.ts; ADR 0009): every staff member of the edition sees the same page,
 * and reading 300 submissions' states, marks, numbers and the moderation sample costs milliseconds a view.
 */
const KEPT_OVERVIEWS = new KeptResults<OverviewContents>({ tables: OVERVIEW_TABLES, maxEntries: 500 });

export async function overviewContents(
  db: Executor,
  contextId: string,
  query: { state: MarkingState | null; page: number },
  revealed: boolean,
): Promise<OverviewContents> {
  const counts = await countSubmissionsByState(db, contextId);
  const byState: Partial<Record<MarkingState, number>> = {};
  for (const c of counts) byState[c.state as MarkingState] = Number(c.n);
  const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
  const shown = query.state ? (byState[query.state] ?? 0) : total;
  const pageCount = Math.max(1, Math.ceil(shown / OVERVIEW_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await pageSubmissionsOfContext(db, contextId, {
    state: query.state,
    limit: OVERVIEW_PAGE_SIZE,
    offset: (page - 1) * OVERVIEW_PAGE_SIZE,
  });
  // Nothing is marked while every submission is still "not marked": no sample to judge.
  const marked = total > (byState['not-marked'] ?? 0) ? await markedOfContext(db, contextId) : [];
  const sample =
    marked.length === 0
      ? new Set<string>()
      : moderationSample(marked.map((m) => ({ id: m.id, mark: m.mark, passMark: m.pass_mark })));
  const summaries = await summarise(db, rows, null, revealed ? new Set([contextId]) : new Set());
  const markers = await markerChoices(db);
  const languages = await markerLanguages(
    db,
    markers.map((m) => m.id),
  );
  return {
    total,
    byState,
    page,
    pageCount,
    submissions: summaries.map((s) => ({ ...s, sampled: sample.has(s.id) })),
    markers: markers.map((m) => ({ ...m, languages: languages.get(m.id) ?? [] })),
  };
}

/**
 * One page of a context's (an edition's) submissions for its staff: states, markers, marks, flags, the
 * moderation sample (judged over the whole context, from its marked submissions only). Who may read it is
 * checked on every request; what they read is kept (`KEPT_OVERVIEWS`).
 */
export async function getContextOverview(
  db: Executor,
  _deps: Services,
  actor: Actor,
  contextId: string,
  query: { state: MarkingState | null; page: number } = { state: null, page: 1 },
): Promise<ContextOverview> {
  const found = await contextAccess(db, actor, contextId);
  const revealed = found.revealed;
  const contents = await KEPT_OVERVIEWS.get(db, `${contextId}|${query.state}|${query.page}|${revealed}`, () =>
    overviewContents(db, contextId, query, revealed),
  );
  const { total, byState } = contents;
  return {
    contextId,
    title: found.courseCode ?? contextId,
    revealed,
    state: query.state,
    ...contents,
    kept: contents,
    can: {
      appoint: canMarking(actor, { facilitator: false, marker: false }, 'marking.reveal'),
      reveal:
        !revealed &&
        total > 0 &&
        byState.released === total &&
        canMarking(actor, { facilitator: false, marker: false }, 'marking.reveal'),
    },
  };
}

/** Submissions shown per page of "My marking". */
export const MY_MARKING_PER_PAGE = 50;

/** One page of "My marking": the submissions on it, how many in all, the page and the page count. */
export interface MyMarking {
  rows: readonly SubmissionSummary[];
  total: number;
  page: number;
  pageCount: number;
  /** The whole kept queue the page is a slice of (the same object while it is unchanged: render once). */
  queue: readonly SubmissionSummary[];
}

/**
 * A marker's whole queue: the submissions allocated to them (their own mark only), oldest first, then an
 * external examiner's sample (read-only, both marks).
 */
export async function myMarkingOf(db: Executor, markerId: string): Promise<SubmissionSummary[]> {
  const mine = await listMarksOfMarker(db, markerId);
  const rows = (await listSubmissionsByIds(db, [...new Set(mine.map((m) => m.submission_id))])).sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
  const own = await summarise(db, rows, markerId);
  const sampled: string[] = [];
  for (const contextId of await contextsExaminedBy(db, markerId))
    sampled.push(...(await sampleOfContext(db, contextId)));
  const ownIds = new Set(rows.map((r) => r.id));
  const examined = await listSubmissionsByIds(
    db,
    sampled.filter((id) => !ownIds.has(id)),
  );
  return [...own, ...(await summarise(db, examined, null))];
}

/**
 * Each marker's queue, kept by marker until one of the tables it reads is written (`MY_MARKING_TABLES`,
 * checked against the SQL in marking-kept-tables.integration.test.ts; ADR 0009): an assessor with a share
 * of 250 capstones reads 250 submissions, 500 marks and their numbers on every visit otherwise.
 */
const KEPT_MY_MARKING = new KeptResults<SubmissionSummary[]>({ tables: MY_MARKING_TABLES, maxEntries: 500 });

/** One page of the actor's queue (`myMarkingOf`, kept). */
export async function getMyMarking(
  db: Executor,
  _deps: Services,
  actor: Actor,
  query: { page?: unknown } = {},
  perPage = MY_MARKING_PER_PAGE,
): Promise<MyMarking> {
  if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const markerId = actor.id;
  const queue = await KEPT_MY_MARKING.get(db, markerId, () => myMarkingOf(db, markerId));
  const total = queue.length;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(overviewQuery(query).page, pageCount);
  const from = (page - 1) * perPage;
  return { rows: queue.slice(from, from + perPage), total, page, pageCount, queue };
}

export interface MarkingPage {
  submission: SubmissionSummary;
  criteria: readonly Criterion[];
  /** The actor's own mark (when allocated). */
  own: MarkSummary | null;
  markers: readonly { id: string; name: string }[];
  /** The marker's bank comments for this submission's rubric (while they may edit their mark). */
  bank: BankComment[];
  /** The submission's feedback files (released with the mark). */
  feedbackFiles: { id: string; name: string }[];
  can: { manage: boolean; mark: boolean; editMark: boolean; addFeedback: boolean; examine: boolean };
}

/** One submission's marking page: the rubric and one's own mark; for staff, both marks and the moderation. */
export async function getMarkingPage(
  db: Executor,
  _deps: Services,
  actor: Actor,
  submissionId: string,
): Promise<MarkingPage> {
  const access = await submissionAccess(db, actor, submissionId);
  const [summary] = await summarise(
    db,
    [access.submission],
    access.can.manage ? null : (access.own?.marker_id ?? null),
    access.revealed === null ? undefined : new Set(access.revealed ? [access.submission.context_id] : []),
    access.marks,
  );
  if (!summary) throw new AppError('not_found');
  const own = access.own
    ? {
        role: access.own.role,
        markerId: access.own.marker_id,
        markerName: '',
        total: access.own.total,
        completed: access.own.completed_at !== null,
        overall: access.own.overall_comment,
        scores: JSON.parse(access.own.scores_json) as Scores,
      }
    : null;
  const editMark =
    access.can.mark &&
    own !== null &&
    !own.completed &&
    ['not-marked', 'in-marking'].includes(access.submission.state);
  return {
    submission: summary,
    criteria: await criteriaOf(db, access.submission),
    own,
    markers: access.can.manage ? await markerChoices(db) : [],
    feedbackFiles: (await listFeedbackFiles(db, [access.submission.id])).map((f) => ({
      id: f.id,
      name: feedbackFileName(f.rank, f.type),
    })),
    bank: editMark && own ? await bankCommentsFor(db, own.markerId, access.submission.rubric_version_id) : [],
    can: {
      manage: access.can.manage,
      examine: access.can.examine,
      mark: access.can.mark,
      editMark,
      addFeedback: (access.can.manage || access.can.mark) && access.submission.state !== 'released',
    },
  };
}
