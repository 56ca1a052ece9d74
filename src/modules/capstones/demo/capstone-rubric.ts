/**
 * The demo programme's capstone rubric (issue 15's five example criteria, titled in English, French and
 * Spanish), its pass mark, and the marks the demo's assessors give on it: each assessor's points and
 * comment on every criterion, marked through the marking engine like any assessor's.
 */
import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { saveRubric } from '../../marking/rubrics/save-rubric.js';
import { type MarkInput, markFromForm } from '../../marking/save-mark.js';
import { findProgramme } from '../../programmes/programmes.queries.js';
import { saveCapstoneSettings } from '../save-capstone-settings.js';

/** Five criteria of equal weight, each out of 20 points. */
export const DEMO_CAPSTONE_RUBRIC = {
  title: 'Capstone',
  criteria: [
    {
      id: 'c1',
      title: 'Analytical use of the Academy and of the three courses',
      titles: {
        en: 'Analytical use of the Academy and of the three courses',
        fr: 'Utilisation analytique de l’Académie et des trois cours',
        es: 'Uso analítico de la Academia y de los tres cursos',
      },
    },
    {
      id: 'c2',
      title: 'Analysis of the country context',
      titles: {
        en: 'Analysis of the country context',
        fr: 'Analyse du contexte national',
        es: 'Análisis del contexto del país',
      },
    },
    {
      id: 'c3',
      title: 'Quality and feasibility of the policy recommendations',
      titles: {
        en: 'Quality and feasibility of the policy recommendations',
        fr: 'Qualité et faisabilité des recommandations politiques',
        es: 'Calidad y viabilidad de las recomendaciones de política',
      },
    },
    {
      id: 'c4',
      title: 'Use of evidence and of international labour standards',
      titles: {
        en: 'Use of evidence and of international labour standards',
        fr: 'Utilisation des données probantes et des normes internationales du travail',
        es: 'Uso de la evidencia y de las normas internacionales del trabajo',
      },
    },
    {
      id: 'c5',
      title: 'Structure and language',
      titles: { en: 'Structure and language', fr: 'Structure et langue', es: 'Estructura y lengua' },
    },
  ].map((criterion) => ({ ...criterion, weight: 1, maxPoints: 20, levels: [] })),
};

/** The demo programme's capstone pass mark and discrepancy threshold (percent). */
export const DEMO_CAPSTONE_PASS_MARK = 50;
const DEMO_DISCREPANCY = 10;

/**
 * Makes the capstone rubric and sets it, with the pass mark, as the demo programme's capstone assessment
 * (before any capstone is handed in: the marking engine binds each hand-in to the rubric then in force).
 */
export async function seedCapstoneRubric(deps: Deps, manager: Actor, programmeSlug: string): Promise<void> {
  const programme = await findProgramme(deps.db, programmeSlug);
  if (!programme) return;
  const { id: rubricId } = await saveRubric(deps.db, deps, manager, null, DEMO_CAPSTONE_RUBRIC);
  await saveCapstoneSettings(deps.db, deps, manager, programme.id, {
    rubricId,
    passMark: String(DEMO_CAPSTONE_PASS_MARK),
    discrepancy: String(DEMO_DISCREPANCY),
  });
}

const PASSING: readonly (readonly [string, string])[][] = [
  [
    ['14', 'Uses the Academy’s rights-based approach and each course’s method explicitly.'],
    ['13', 'A precise picture of the mining corridor and of who bears the costs.'],
    ['14', 'Recommendations are costed and name who acts; the register is feasible.'],
    ['13', 'Cites C102 and C118 on social security; the data come from both countries.'],
    ['14', 'Clear structure and plain language.'],
  ],
  [
    ['15', 'The three courses are combined well in the analysis of portability.'],
    ['15', 'The country context is analysed in depth.'],
    ['15', 'Feasible and well-sequenced recommendations.'],
    ['14', 'Good use of the ILO conventions and of the benefits data.'],
    ['15', 'Well written; the summary stands on its own.'],
  ],
];

const FAILING: readonly (readonly [string, string])[][] = [
  [
    ['7', 'The courses are named but their approaches are not used in the analysis.'],
    ['8', 'The context is described in general terms only.'],
    ['8', 'The recommendations are not tied to the findings.'],
    ['7', 'Few sources; no labour standard is discussed.'],
    ['8', 'The structure is hard to follow.'],
  ],
  [
    ['8', 'The analysis does not draw on the Academy or the courses.'],
    ['9', 'Some relevant facts about the country, not analysed.'],
    ['8', 'Recommendations too general to be carried out.'],
    ['8', 'Evidence is thin; the relevant conventions are missing.'],
    ['9', 'Readable, but the argument is not structured.'],
  ],
];

/** Pure: what the demo's `marker`-th assessor (0 or 1) gives a capstone on the rubric, complete. */
export function demoCapstoneMark(passed: boolean, marker: number): MarkInput {
  const rows = (passed ? PASSING : FAILING)[marker] ?? [];
  const fields: Record<string, string> = {
    overall: passed
      ? 'A clear, well-evidenced set of recommendations.'
      : 'The analysis does not use the courses’ approaches.',
    complete: 'on',
  };
  for (const [index, [points, comment]] of rows.entries()) {
    fields[`points.c${index + 1}`] = points;
    fields[`comment.c${index + 1}`] = comment;
  }
  return markFromForm(fields);
}
