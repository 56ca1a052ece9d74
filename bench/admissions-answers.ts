/**
 * The synthetic applicants' vocabulary (countries, names, languages, motivation sentences) and their
 * answers to the application form, step by step (admissions-data.ts).
 */
import {
  APPLICATION_STEPS,
  type ApplicationAnswers,
  type ApplicationStep,
  CONSTITUENCIES,
  DEGREES,
  FIELDS_OF_STUDY,
  SEXES,
} from '../src/modules/admissions/application.js';

/** Countries of residence, the first ones more frequent (NG about 9 %). */
export const COUNTRIES = ['NG', 'PH', 'MX', 'KE', 'NP', 'SN', 'GH', 'CO', 'BD', 'MA', 'ET', 'VN', 'JO', 'GT'];
export const MORE_COUNTRIES = [
  'TN',
  'ZA',
  'ID',
  'LK',
  'KG',
  'PE',
  'EC',
  'UG',
  'CM',
  'CI',
  'ML',
  'BF',
  'IN',
  'PK',
];
const LANGUAGE_CODES = ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'sw', 'hi', 'ne', 'tl'] as const;
const LEVELS = ['basic', 'intermediate', 'advanced', 'native'] as const;
export const LOCALES = ['en', 'fr', 'es'] as const;
export const GIVEN = [
  'Amina',
  'Jean',
  'María',
  'Nguyễn',
  'Olga',
  'Ravi',
  'Fatima',
  'Kwame',
  'Li',
  'Sofía',
  'Youssef',
];
export const FAMILY = [
  'Diallo',
  'Martin',
  'García',
  'Trần',
  'Petrova',
  'Sharma',
  'Benali',
  'Mensah',
  'Okafor',
];
export const SENTENCES = [
  'I coordinate the reintegration of returning migrant workers and need a firmer grounding in policy. ',
  'Our organisation negotiates bilateral labour agreements and I want to base them on evidence. ',
  'Je travaille sur la protection des travailleurs migrants et la reconnaissance de leurs compétences. ',
  'Trabajo en la inspección laboral y quiero mejorar la protección de las personas migrantes. ',
];
/** The answers of every step up to `reached` (a submitted application: all of them, consent given). */
export function answersUpTo(
  reached: ApplicationStep,
  g: {
    fullName: string;
    country: string;
    pick: <T>(items: readonly T[]) => T;
    chance: (p: number) => boolean;
    next: () => number;
    submitted: boolean;
  },
): ApplicationAnswers {
  const upTo = APPLICATION_STEPS.indexOf(reached);
  const has = (step: ApplicationStep) => g.submitted || APPLICATION_STEPS.indexOf(step) < upTo;
  const answers: Record<string, unknown> = {};
  if (has('person')) {
    answers.fullName = g.fullName;
    answers.countryOfResidence = g.country;
    answers.nationality = g.chance(0.8) ? g.country : g.pick(COUNTRIES);
    if (g.chance(0.9)) answers.sex = g.pick(SEXES);
  }
  if (has('work')) {
    answers.constituency = g.pick(CONSTITUENCIES);
    answers.organisation = `${g.pick(['Ministry of Labour', 'Trade Union Congress', 'Employers Federation', 'Migrant Rights Network', 'University'])} ${Math.floor(g.next() * 500)}`;
    answers.position = g.pick([
      'Programme officer',
      'Director',
      'Researcher',
      'Labour inspector',
      'Coordinator',
    ]);
    // Mostly experienced; about a fifth under the 3-year rule.
    answers.yearsOfExperience = g.chance(0.2) ? Math.floor(g.next() * 3) : 3 + Math.floor(g.next() * 22);
  }
  if (has('education')) {
    answers.highestDegree = g.chance(0.1) ? g.pick(DEGREES.slice(0, 2)) : g.pick(DEGREES.slice(2));
    answers.fieldOfStudy = g.pick(FIELDS_OF_STUDY);
    const codes = new Set([
      g.pick(['en', 'fr', 'es'] as const),
      g.pick(LANGUAGE_CODES),
      g.pick(LANGUAGE_CODES),
    ]);
    answers.languages = [...codes].map((code, i) => ({
      code,
      level:
        i === 0 ? (g.chance(0.9) ? g.pick(['advanced', 'native'] as const) : 'intermediate') : g.pick(LEVELS),
    }));
  }
  if (has('motivation')) {
    // 400–2,800 characters, as the form allows 300–3,000.
    const length = 400 + Math.floor(g.next() * 2400);
    let text = '';
    while (text.length < length) text += g.pick(SENTENCES);
    answers.motivation = text.slice(0, length).trim();
  }
  if (g.submitted) answers.consent = true;
  return answers as ApplicationAnswers;
}
