/**
 * The demo's case study, written for the demo in English, French and Spanish: in the next Academy in
 * English (A9012027), next to the role-play, a case on Sundara's seasonal workers with news released
 * during the Academy ("the government announces a bilateral agreement…") and a debrief after the deadline.
 * Idempotent: an edition that has a case is left as it is.
 */
import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { addDays } from '../../../kernel/clock.js';
import { findEditionWithCourse } from '../../catalogue/catalogue.queries.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { saveItem } from '../../spaces/save-item.js';
import { saveSection } from '../../spaces/save-section.js';
import { itemsOfKind, sectionsOfEdition } from '../../spaces/spaces.queries.js';
import { CASE_KIND } from '../case-access.js';
import { saveCase } from '../save-case.js';
import { scheduleNews } from '../schedule-news.js';

export const DEMO_CASE_EDITION = 'A9012027';
const SECTION = {
  en: 'Role-play and case study',
  fr: 'Jeu de rôle et étude de cas',
  es: 'Juego de rol y estudio de caso',
};

const CASE = {
  title: {
    en: 'Case study: recruitment fees in the Sundara–Veldmark corridor',
    fr: 'Étude de cas : les frais de recrutement dans le corridor Sundara–Veldmark',
    es: 'Estudio de caso: las comisiones de contratación en el corredor Sundara–Veldmark',
  },
  context: {
    en: '## Sundara at a glance\n\n| | 2026 |\n|---|---|\n| Population | 30 million |\n| Workers leaving each year | 200,000 |\n| Remittances | 9 % of GDP |\n| Average recruitment cost paid by a worker | 4.5 months of wages |\n\nMost workers go to Veldmark through about 300 private agencies. A 2025 survey of returnees found that one in three had borrowed to pay recruitment fees, and one in ten had their passport kept by an employer.',
    fr: '## Le Sundara en bref\n\n| | 2026 |\n|---|---|\n| Population | 30 millions |\n| Départs de travailleurs par an | 200 000 |\n| Envois de fonds | 9 % du PIB |\n| Coût moyen du recrutement payé par un travailleur | 4,5 mois de salaire |\n\nLa plupart des travailleurs partent au Veldmark par l’intermédiaire d’environ 300 agences privées. Une enquête de 2025 auprès des personnes revenues a montré qu’un tiers avait emprunté pour payer les frais de recrutement et qu’un dixième s’était vu confisquer son passeport par un employeur.',
    es: '## Sundara en cifras\n\n| | 2026 |\n|---|---|\n| Población | 30 millones |\n| Trabajadores que salen cada año | 200 000 |\n| Remesas | 9 % del PIB |\n| Coste medio de contratación pagado por un trabajador | 4,5 meses de salario |\n\nLa mayoría de los trabajadores van a Veldmark a través de unas 300 agencias privadas. Una encuesta de 2025 a retornados mostró que uno de cada tres se había endeudado para pagar las comisiones de contratación y que a uno de cada diez un empleador le había retenido el pasaporte.',
  },
  questions: {
    en: '1. Who pays recruitment costs today, and who should under the ILO General Principles and Operational Guidelines for Fair Recruitment?\n2. Which three measures would you put in a bilateral agreement to bring the costs down?\n3. How would you monitor them?',
    fr: '1. Qui paie aujourd’hui les coûts de recrutement, et qui devrait les payer selon les principes généraux et directives opérationnelles de l’OIT concernant le recrutement équitable ?\n2. Quelles trois mesures mettriez-vous dans un accord bilatéral pour réduire ces coûts ?\n3. Comment en assureriez-vous le suivi ?',
    es: '1. ¿Quién paga hoy los costes de contratación, y quién debería pagarlos según los principios generales y directrices prácticas de la OIT para una contratación equitativa?\n2. ¿Qué tres medidas incluiría en un acuerdo bilateral para reducir esos costes?\n3. ¿Cómo haría su seguimiento?',
  },
  debrief: {
    en: 'Most groups put the employer-pays principle first; the strongest answers also gave the labour inspectorates of both countries a joint role and linked agency licences to complaints.',
    fr: 'La plupart des groupes ont placé en tête le principe de l’employeur payeur ; les meilleures réponses donnaient aussi un rôle conjoint aux inspections du travail des deux pays et liaient les licences des agences aux plaintes.',
    es: 'La mayoría de los grupos pusieron en primer lugar el principio de que paga el empleador; las mejores respuestas también daban un papel conjunto a las inspecciones de trabajo de ambos países y vinculaban las licencias de las agencias a las quejas.',
  },
};

const NEWS = [
  {
    day: 0,
    title: {
      en: 'Veldmark raises its farm-work quota',
      fr: 'Le Veldmark relève son quota de travail agricole',
      es: 'Veldmark aumenta su cupo de trabajo agrícola',
    },
    body: {
      en: 'Veldmark will admit 10,000 more seasonal workers this year.',
      fr: 'Le Veldmark admettra 10 000 saisonniers de plus cette année.',
      es: 'Veldmark admitirá 10 000 temporeros más este año.',
    },
  },
  {
    day: 5,
    title: {
      en: 'The government announces a bilateral agreement',
      fr: 'Le gouvernement annonce un accord bilatéral',
      es: 'El gobierno anuncia un acuerdo bilateral',
    },
    body: {
      en: 'Sundara and Veldmark announce that a bilateral agreement will be signed next month; agencies will need a joint licence. How does this change your answer?',
      fr: 'Le Sundara et le Veldmark annoncent la signature d’un accord bilatéral le mois prochain ; les agences auront besoin d’une licence conjointe. En quoi cela change-t-il votre réponse ?',
      es: 'Sundara y Veldmark anuncian que firmarán un acuerdo bilateral el próximo mes; las agencias necesitarán una licencia conjunta. ¿Cómo cambia esto su respuesta?',
    },
  },
];

export async function seedDemoCases(deps: Deps): Promise<{ items: number }> {
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_CASE_EDITION);
  const found = editionId ? await findEditionWithCourse(deps.db, editionId) : null;
  if (!editionId || !found) return { items: 0 };
  if ((await itemsOfKind(deps.db, CASE_KIND, [editionId])).length) return { items: 0 };
  const system = systemActor('seed');
  const existing = (await sectionsOfEdition(deps.db, editionId)).find((s) => s.title.en === SECTION.en);
  const sectionId =
    existing?.id ?? (await saveSection(deps.db, deps, system, editionId, null, { title: SECTION })).id;
  const { id: itemId } = await saveItem(deps.db, deps, system, editionId, null, {
    sectionId,
    kind: CASE_KIND,
    title: CASE.title,
    settings: {},
    completionRule: 'viewed',
    required: false,
  });
  await saveCase(deps.db, deps, system, itemId, {
    context: CASE.context,
    questions: CASE.questions,
    debrief: CASE.debrief,
    deadlineAt: `${addDays(found.edition.startsOn, 8)}T17:00Z`,
  });
  for (const news of NEWS)
    await scheduleNews(deps.db, deps, system, itemId, {
      title: news.title,
      body: news.body,
      releaseAt: `${addDays(found.edition.startsOn, news.day)}T08:00Z`,
    });
  return { items: 1 };
}
