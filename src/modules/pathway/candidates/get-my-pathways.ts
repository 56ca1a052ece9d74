import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Locale } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import type { Edition } from '../../catalogue/course.js';
import { listOpenEditions } from '../../catalogue/list-open-editions.js';
import { canSeePathwayOf } from '../pathway.policy.js';
import { findWorkingLanguages, listCandidaciesOfUser } from '../pathway.repository.js';
import { nextCourseCodes } from '../rules/next-steps.js';
import { type CandidateDetail, detailOf } from './candidate-detail.js';

/** A candidate's own view of one programme, with what to do next. */
export interface MyPathway {
  detail: CandidateDetail;
  /** Open editions of courses that would fill a missing place, soonest first. */
  nextEditions: Edition[];
  /** True when none is taught in a language the candidate works in: the editions shown are in others. */
  nextInOtherLanguages: boolean;
}

/** How many next editions a candidate is shown. */
const NEXT_EDITIONS = 12;

/** The signed-in person's pathways (one per programme they are a candidate of). */
export async function getMyPathways(
  db: Executor,
  deps: Services,
  actor: Actor,
  lang: Locale,
): Promise<MyPathway[]> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  ensure(actor, canSeePathwayOf(actor, actor.id));
  const rows = await listCandidaciesOfUser(db, actor.id);
  // The languages they can learn in, whatever the language of the pages (that one only when none is known).
  const languages = rows.length ? await findWorkingLanguages(db, actor.id) : new Set<string>();
  if (languages.size === 0) languages.add(lang);
  const out: MyPathway[] = [];
  for (const row of rows) {
    const detail = await detailOf(db, deps, row, lang);
    const wanted = nextCourseCodes(detail.evaluation, detail.rules);
    const open = detail.status === 'withdrawn' ? [] : await listOpenEditions(db, deps, actor, wanted, 60);
    // Editions in the candidate's languages; when there is none, the others rather than nothing.
    const theirs = open.filter((edition) => languages.has(edition.language));
    out.push({
      detail,
      nextEditions: (theirs.length ? theirs : open).slice(0, NEXT_EDITIONS),
      nextInOtherLanguages: theirs.length === 0 && open.length > 0,
    });
  }
  return out;
}
