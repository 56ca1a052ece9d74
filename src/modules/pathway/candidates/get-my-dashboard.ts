/**
 * The candidate dashboard (`/my/pathway`): each of the signed-in person's pathways evaluated afresh from
 * their own records on every request, with the open editions that would fill a missing place. What is the
 * same for every candidate of a programme (its rules, the open editions of its courses, their titles) is
 * kept until its tables change; what is the person's own is read in one statement
 * (`listPathwayFactsOfPerson`), so a result recorded, an enrolment or an extension shows at once.
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Locale } from '../../../i18n/i18n.js';
import type { LocalizedText } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import type { Edition } from '../../catalogue/course.js';
import { keptCourseTitles } from '../../catalogue/course-titles.js';
import { listKeptOpenEditions } from '../../catalogue/list-open-editions.js';
import type { Programme } from '../../programmes/programme.js';
import { findProgrammeById } from '../../programmes/programmes.queries.js';
import { canSeePathwayOf } from '../pathway.policy.js';
import {
  DOCUMENT_SEPARATOR,
  listPathwayFactsOfPerson,
  type PersonPathwayFactsRow,
} from '../person-facts.repository.js';
import { buildCandidateRecordFromFacts } from '../rules/candidate-record.js';
import { evaluatePathway } from '../rules/evaluate.js';
import type { PathwayEvaluation } from '../rules/evaluation.js';
import { nextCourseCodes } from '../rules/next-steps.js';
import type { PathwayRules } from '../rules/rules.js';
import { rulesOfVersion } from '../standing.js';
import { workingLanguagesOf } from './working-languages.js';

/** One pathway as the dashboard shows it (the fields it shares with `MyPathway`'s detail). */
export interface DashboardPathway {
  detail: {
    id: string;
    programme: Programme;
    status: string;
    rules: PathwayRules;
    evaluation: PathwayEvaluation;
  };
  /** Open editions of courses that would fill a missing place, soonest first. */
  nextEditions: readonly Edition[];
  /** True when none is taught in a language the candidate works in: the editions shown are in others. */
  nextInOtherLanguages: boolean;
}

/** The dashboard's data: the pathways, the titles of the courses they name, each one's course lists. */
export interface MyDashboard {
  pathways: DashboardPathway[];
  titles: ReadonlyMap<string, LocalizedText>;
  /** Per candidacy, each requirement's courses (to name "the Academy" rather than "academy"). */
  rules: Map<string, Map<string, string[]>>;
  today: string;
  /** The person's time zone (null: not set), for what is counted from their own day. */
  timeZone: string | null;
}

/** How many next editions a candidate is shown. */
const NEXT_EDITIONS = 12;
/** How many of the soonest open editions of the wanted courses are looked at for the candidate's languages. */
const NEXT_EDITIONS_SEEN = 60;

const NONE: readonly never[] = [];

/** The course codes of a programme's rules: its requirements' courses and the courses counting as one. */
function programmeCodes(rules: PathwayRules): string[] {
  const codes = new Set<string>(Object.keys(rules.equivalences ?? {}));
  for (const r of rules.requirements) if (r.kind !== 'capstone') for (const c of r.courses) codes.add(c);
  return [...codes].sort();
}

/** The signed-in person's dashboard (one pathway per programme they are a candidate of). */
export async function getMyDashboard(
  db: Executor,
  deps: Services,
  actor: Actor,
  lang: Locale,
): Promise<MyDashboard> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  ensure(actor, canSeePathwayOf(actor, actor.id));
  const today = deps.clock.now().toISOString().slice(0, 10);
  const rows = (await listPathwayFactsOfPerson(db, actor.id)).filter((row) => row.id !== null);
  const languages = languagesOf(rows[0], lang);
  const pathways: DashboardPathway[] = [];
  const codes = new Set<string>();
  const byCandidacy = new Map<string, Map<string, string[]>>();
  for (const row of rows) {
    const pathway = await pathwayOf(db, deps, actor, row, today, languages);
    pathways.push(pathway);
    const { rules, evaluation } = pathway.detail;
    const courses = new Map<string, string[]>();
    for (const r of rules.requirements) if (r.kind !== 'capstone') courses.set(r.id, r.courses);
    byCandidacy.set(pathway.detail.id, courses);
    for (const code of programmeCodes(rules)) codes.add(code);
    for (const r of evaluation.requirements)
      if (r.kind !== 'capstone') for (const c of r.components) codes.add(c.course);
  }
  return {
    pathways,
    titles: codes.size ? await keptCourseTitles(db, deps, [...codes]) : new Map(),
    rules: byCandidacy,
    today,
    timeZone: rows[0]?.time_zone ?? null,
  };
}

/** The languages the person can learn in; the language of the pages when none is known. */
function languagesOf(row: PersonPathwayFactsRow | undefined, lang: Locale): Set<string> {
  if (!row) return new Set([lang]);
  const languages = workingLanguagesOf(row, row.answers ? row.answers.split(DOCUMENT_SEPARATOR) : NONE);
  if (languages.size === 0) languages.add(lang);
  return languages;
}

async function pathwayOf(
  db: Executor,
  deps: Services,
  actor: Actor,
  row: PersonPathwayFactsRow,
  today: string,
  languages: ReadonlySet<string>,
): Promise<DashboardPathway> {
  const [programme, rules] = await Promise.all([
    findProgrammeById(db, row.programme_id!),
    rulesOfVersion(db, row.rule_version_id!),
  ]);
  if (!programme) throw new AppError('not_found');
  const record = buildCandidateRecordFromFacts(
    {
      registeredOn: row.registered_on!,
      status: row.status!,
      capstoneStatus: row.capstone_status!,
      capstoneCompletedOn: row.capstone_completed_on,
    },
    row.results ?? undefined,
    row.enrolments ?? undefined,
    // The engine counts the months; the reasons are the managers' (the candidate's page shows them).
    row.extension_months
      ? row.extension_months.split(' ').map((months) => ({ months: Number(months), reason: '' }))
      : NONE,
  );
  // The page says why in its own words (`explainReason` per reason): no explanation text is made here.
  const evaluation = evaluatePathway(rules, record, today, { explain: false });
  const detail = { id: row.id!, programme, status: row.status!, rules, evaluation };
  if (row.status === 'withdrawn') return { detail, nextEditions: NONE, nextInOtherLanguages: false };
  const wanted = new Set(nextCourseCodes(evaluation, rules));
  const open = wanted.size
    ? (await listKeptOpenEditions(db, deps, actor, programmeCodes(rules)))
        .filter((edition) => wanted.has(edition.courseCode))
        .slice(0, NEXT_EDITIONS_SEEN)
    : NONE;
  // Editions in the candidate's languages; when there is none, the others rather than nothing.
  const theirs = open.filter((edition) => languages.has(edition.language));
  return {
    detail,
    nextEditions: (theirs.length ? theirs : open).slice(0, NEXT_EDITIONS),
    nextInOtherLanguages: theirs.length === 0 && open.length > 0,
  };
}
