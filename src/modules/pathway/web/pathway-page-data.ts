import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { LocalizedText } from '../../../i18n/localized.js';
import { courseTitles } from '../../catalogue/course-titles.js';
import type { CandidateDetail } from '../candidates/candidate-detail.js';

/**
 * What the pathway pages need besides the evaluation: the titles of every course the rules and the
 * record name, and each requirement's course list (to name "the Academy" rather than "academy").
 */
export async function pathwayPageData(db: Executor, deps: Services, details: readonly CandidateDetail[]) {
  const codes = new Set<string>();
  const rules = new Map<string, Map<string, string[]>>();
  for (const detail of details) {
    const byRequirement = new Map<string, string[]>();
    for (const r of detail.rules.requirements) {
      if (r.kind === 'capstone') continue;
      byRequirement.set(r.id, r.courses);
      for (const c of r.courses) codes.add(c);
    }
    rules.set(detail.id, byRequirement);
    for (const [from] of Object.entries(detail.rules.equivalences ?? {})) codes.add(from);
    for (const result of detail.results) codes.add(result.courseCode);
  }
  const titles: Map<string, LocalizedText> = await courseTitles(db, deps, [...codes]);
  return { titles, rules, today: deps.clock.now().toISOString().slice(0, 10) };
}
