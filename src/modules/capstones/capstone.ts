/**
 * The capstone as the application sees it: its states and the one state machine that moves it, the
 * proposal's parts, the milestone and resubmission date rules, the library's licences and the text the
 * library searches. Pure (no I/O). PERSISTED SHAPE: state, licence and message kind codes are stored.
 */
import { countryName } from '../../i18n/countries.js';
import { LOCALES } from '../../i18n/i18n.js';
import { foldForSearch } from '../../kernel/search-fold.js';

/** Where a capstone stands. */
export const CAPSTONE_STATES = [
  /** The proposal is being written (before or after the capstone is unlocked). */
  'draft',
  /** The proposal waits for the committee. */
  'proposed',
  /** The committee returned the proposal for changes. */
  'returned',
  /** The committee rejected the proposal (the candidate may start a new one). */
  'rejected',
  /** The proposal is approved: supervision, milestones, drafts. */
  'approved',
  /** The final document is handed in and goes through the marking engine. */
  'submitted',
  /** The released mark is below the pass mark: one resubmission, with a new deadline. */
  'resubmission',
  'passed',
  'failed',
] as const;
export type CapstoneState = (typeof CAPSTONE_STATES)[number];

export const CAPSTONE_ACTIONS = [
  'submit-proposal',
  'approve',
  'return',
  'reject',
  'redraft',
  'submit-final',
  'pass',
  'require-resubmission',
  'fail',
] as const;
export type CapstoneAction = (typeof CAPSTONE_ACTIONS)[number];

const TRANSITIONS: Record<CapstoneState, Partial<Record<CapstoneAction, CapstoneState>>> = {
  draft: { 'submit-proposal': 'proposed' },
  proposed: { approve: 'approved', return: 'returned', reject: 'rejected' },
  returned: { 'submit-proposal': 'proposed' },
  rejected: { redraft: 'draft' },
  approved: { 'submit-final': 'submitted' },
  submitted: { pass: 'passed', 'require-resubmission': 'resubmission', fail: 'failed' },
  resubmission: { 'submit-final': 'submitted' },
  passed: {},
  failed: {},
};

/** Pure: the state after `action`, or null when the action is not allowed in `state`. */
export function nextCapstoneState(state: CapstoneState, action: CapstoneAction): CapstoneState | null {
  return TRANSITIONS[state]?.[action] ?? null;
}

/** Whether the candidate may still change the proposal. */
export function proposalEditable(state: CapstoneState): boolean {
  return state === 'draft' || state === 'returned' || state === 'rejected';
}

/** The languages a capstone is written in. */
export const CAPSTONE_LANGUAGES = LOCALES;
export type CapstoneLanguage = (typeof CAPSTONE_LANGUAGES)[number];

/** The milestones of an approved capstone, in order. */
export const MILESTONES = ['outline', 'draft', 'final'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** The approach a proposal takes from one counted course (the Academy is one of them). */
export interface Approach {
  /** The course code as counted by the pathway. */
  course: string;
  text: string;
}

/** The proposal as the candidate writes it. */
export interface Proposal {
  title: string;
  country: string;
  policyQuestion: string;
  themes: string[];
  approaches: Approach[];
  language: CapstoneLanguage;
  timeline: Record<Milestone, string | null>;
}

/** A problem with a proposal: a field and a message id. */
export interface ProposalProblem {
  path: string;
  key: string;
  values?: Record<string, string>;
}

/**
 * Pure: what stops a proposal from being submitted to the committee: every counted course (the Academy and
 * the three electives) needs an approach, approaches only name counted courses, and every milestone date
 * is set, in order, and inside the candidate's window (today … deadline).
 */
export function proposalProblems(
  proposal: Proposal,
  countedCourses: readonly string[],
  window: { today: string; deadline: string | null },
): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  const counted = new Set(countedCourses);
  for (const approach of proposal.approaches)
    if (!counted.has(approach.course))
      problems.push({
        path: 'approaches',
        key: 'capstones.error.courseNotCounted',
        values: { course: approach.course },
      });
  for (const course of countedCourses)
    if (!proposal.approaches.some((a) => a.course === course && a.text.trim()))
      problems.push({
        path: `approach.${course}`,
        key: 'capstones.error.approachMissing',
        values: { course },
      });
  problems.push(...timelineProblems(proposal.timeline, window));
  return problems;
}

/**
 * Pure: the problems of a milestone plan: every date set, in order, none before `today` unless that
 * milestone was already reached, and none after the window's deadline — the end of the candidate's window
 * with every extension granted so far (no deadline: no limit).
 */
export function timelineProblems(
  timeline: Record<Milestone, string | null>,
  window: { today: string; deadline: string | null },
  reached: ReadonlySet<Milestone> = new Set(),
): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  let previous = '';
  for (const milestone of MILESTONES) {
    const path = `${milestone}Due`;
    const date = timeline[milestone];
    if (!date) {
      problems.push({ path, key: 'capstones.error.milestoneMissing' });
      continue;
    }
    const earliest = reached.has(milestone) || previous > window.today ? previous : window.today;
    if (date < earliest) problems.push({ path, key: 'capstones.error.milestoneOrder' });
    else if (window.deadline && date > window.deadline)
      problems.push({
        path,
        key: 'capstones.error.milestoneAfterWindow',
        values: { deadline: window.deadline },
      });
    if (date > previous) previous = date;
  }
  return problems;
}

/** How many days ahead a milestone or the window's end is "near". */
export const WARNING_DAYS = 30;

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** A warning on the dashboard: a milestone or the window's end within WARNING_DAYS, or past. */
export interface CapstoneWarning {
  kind: Milestone | 'window';
  date: string;
  days: number;
}

/**
 * Pure: the warnings of a capstone still in progress on `today`: each coming milestone (not yet passed
 * by the capstone's state, nor recorded as reached) and the window's end within WARNING_DAYS, overdue ones
 * included (days < 0).
 */
export function capstoneWarnings(
  state: CapstoneState,
  timeline: Record<Milestone, string | null>,
  deadline: string | null,
  today: string,
  reached: ReadonlySet<Milestone> = new Set(),
): CapstoneWarning[] {
  if (state === 'passed' || state === 'failed' || state === 'submitted') return [];
  const out: CapstoneWarning[] = [];
  const active = state === 'approved' || state === 'resubmission';
  if (active) {
    for (const milestone of MILESTONES) {
      const date = timeline[milestone];
      if (!date || reached.has(milestone)) continue;
      const days = dayNumber(date) - dayNumber(today);
      if (days <= WARNING_DAYS) out.push({ kind: milestone, date, days });
    }
  }
  if (deadline) {
    const days = dayNumber(deadline) - dayNumber(today);
    if (days <= WARNING_DAYS) out.push({ kind: 'window', date: deadline, days });
  }
  return out;
}

/** A capstone is at risk when any warning exists (managers' list). */
export const isAtRisk = (warnings: readonly CapstoneWarning[]) => warnings.length > 0;

/**
 * Pure: may a resubmission be required, with this new deadline? Only once (the first attempt), and the
 * deadline after today and inside the window.
 */
export function resubmissionProblem(
  attempts: number,
  due: string,
  today: string,
  deadline: string | null,
): string | null {
  if (attempts >= 2) return 'capstones.error.resubmittedOnce';
  if (due <= today) return 'capstones.error.dueInPast';
  if (deadline && due > deadline) return 'capstones.error.dueAfterWindow';
  return null;
}

/** The licences an author may choose for the library. */
export const LIBRARY_LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-ND-4.0'] as const;
export type LibraryLicence = (typeof LIBRARY_LICENCES)[number];

/** The licence's page. */
export function licenceUrl(licence: LibraryLicence): string {
  const slug = licence
    .replace(/^CC-/, '')
    .replace(/-4\.0$/, '')
    .toLowerCase();
  return `https://creativecommons.org/licenses/${slug}/4.0/`;
}

/** Abstracts by language (the capstone's language is required, the others optional). */
export type Abstracts = Partial<Record<CapstoneLanguage, string>>;

/**
 * Pure: the folded text the library searches: title, policy question, themes, abstracts and the country's
 * name in every interface language (so "Sudáfrica" finds a capstone about ZA).
 */
export function librarySearchText(input: {
  title: string;
  policyQuestion: string;
  country: string;
  themes: readonly string[];
  abstracts: Abstracts;
}): string {
  return foldForSearch(
    [
      input.title,
      input.policyQuestion,
      ...LOCALES.map((locale) => countryName(input.country, locale)),
      ...input.themes,
      ...Object.values(input.abstracts),
    ].join(' \n '),
  );
}

/**
 * Pure: the filter words a library search document carries after its text (country, language, year), so a
 * search with a filter is answered inside the full-text index (its word lists intersect) rather than by
 * reading every document that has the words. The library's migration writes the same words in SQL.
 */
export function libraryFilterWords(filter: {
  country?: string | null;
  language?: string | null;
  year?: string | number | null;
}): string[] {
  const words: string[] = [];
  if (filter.country) words.push(`zzc${filter.country.toLowerCase()}`);
  if (filter.language) words.push(`zzl${filter.language}`);
  if (filter.year) words.push(`zzy${String(filter.year).slice(0, 4)}`);
  return words;
}

/** Pure: a published capstone's search document: its folded text, then its filter words. */
export function librarySearchDocument(row: {
  search_text: string;
  country: string;
  language: string;
  completed_on: string | null;
}): string {
  const words = libraryFilterWords({ country: row.country, language: row.language, year: row.completed_on });
  return `${row.search_text}\n${words.join(' ')}`;
}

/** The file types a final submission or a draft may be (recognised by content). */
export const CAPSTONE_FILE_TYPES = ['pdf', 'docx'] as const;
/** The largest document (the assignments' platform-wide limit). */
export const CAPSTONE_MAX_BYTES = 20 * 1024 * 1024;

/** Library entries per page. */
export const LIBRARY_PAGE_SIZE = 20;
