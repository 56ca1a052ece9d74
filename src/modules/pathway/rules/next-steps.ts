import type { PathwayEvaluation } from './evaluation.js';
import { countsAs, type PathwayRules } from './rules.js';

/**
 * Pure: the course codes whose open editions are a candidate's next steps — the courses of requirements
 * not met yet, minus those already counted and those already under way (an enrolment counts as the code
 * it is equivalent to: enrolled in the E-Academy, the Academy is under way), plus the courses that count
 * as a wanted one (the E-Academy for the Academy).
 */
export function nextCourseCodes(evaluation: PathwayEvaluation, rules: PathwayRules): string[] {
  const counted = new Set<string>();
  const underWay = new Set<string>();
  for (const requirement of evaluation.requirements) {
    if (requirement.kind === 'capstone') continue;
    for (const component of requirement.components) counted.add(component.countsAs);
    for (const course of requirement.enrolled) underWay.add(countsAs(rules, course));
  }
  const wanted = new Set<string>();
  for (const requirement of evaluation.requirements) {
    if (requirement.status === 'met' || requirement.kind === 'capstone') continue;
    const rule = rules.requirements.find((r) => r.id === requirement.id);
    if (!rule || rule.kind === 'capstone') continue;
    for (const code of rule.courses) if (!counted.has(code) && !underWay.has(code)) wanted.add(code);
  }
  for (const from of Object.keys(rules.equivalences ?? {}))
    if (wanted.has(countsAs(rules, from))) wanted.add(from);
  return [...wanted].sort();
}
