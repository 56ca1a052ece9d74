import type { Deps } from '../../../deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { createPerson, findPersonIdByEmail } from '../../identity/create-person.js';
import { DEMO_PASSWORD } from '../../identity/demo/demo-people.js';
import { DEMO_PROGRAMME_SLUG } from '../../programmes/demo/demo-programme.js';
import { getProgramme } from '../../programmes/get-programme.js';
import { DEFAULT_CRITERIA, loadAdmissionSettings, saveAdmissionSettings } from '../admission-settings.js';
import { MOTIVATION_MIN_LENGTH } from '../application.js';
import { DEFAULT_ELIGIBILITY_RULES } from '../eligibility.js';
import { uploadApplicationFile } from '../files/upload-application-file.js';
import { saveApplicationStep } from '../save-application-step.js';
import { startApplication } from '../start-application.js';
import { submitApplication } from '../submit-application.js';

/** A tiny valid one-page PDF standing for the demo applicants' CVs and letters. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

type Steps = Record<string, Record<string, unknown>>;
interface DemoApplicant {
  email: string;
  fullName: string;
  locale: 'en' | 'fr' | 'es';
  answers: Steps;
  /** Submit (with this justification when a rule is not met); otherwise the draft stays a draft. */
  submit?: { justification?: string };
  letter?: boolean;
}

const motivation = (sentence: string) =>
  sentence.repeat(Math.ceil(MOTIVATION_MIN_LENGTH / sentence.length) + 1).trim();

const APPLICANTS: DemoApplicant[] = [
  {
    email: 'kofi.boateng@example.org',
    fullName: 'Kofi Boateng',
    locale: 'en',
    answers: {
      person: { fullName: 'Kofi Boateng', countryOfResidence: 'GH', nationality: 'GH', sex: 'male' },
      work: {
        constituency: 'workers',
        organisation: 'Ghana Trades Union Congress',
        position: 'Migration desk officer',
      },
    },
  },
  {
    email: 'priya.raman@example.org',
    fullName: 'Priya Raman',
    locale: 'en',
    answers: {
      person: { fullName: 'Priya Raman', countryOfResidence: 'IN', nationality: 'IN', sex: 'female' },
      work: {
        constituency: 'government',
        organisation: 'Ministry of External Affairs',
        position: 'Under Secretary, Overseas Employment',
        yearsOfExperience: 8,
      },
      education: {
        highestDegree: 'master',
        fieldOfStudy: 'public-administration',
        languages: [
          { code: 'en', level: 'advanced' },
          { code: 'hi', level: 'native' },
        ],
      },
      motivation: {
        motivation: motivation(
          'I negotiate bilateral labour agreements and want to ground them in evidence on recruitment costs and skills recognition. ',
        ),
      },
      review: { consent: true },
    },
    submit: {},
    letter: true,
  },
  {
    email: 'jean.mukendi@example.org',
    fullName: 'Jean Mukendi',
    locale: 'fr',
    answers: {
      person: {
        fullName: 'Jean Mukendi',
        countryOfResidence: 'CD',
        nationality: 'CD',
        sex: 'prefer-not-to-say',
      },
      work: {
        constituency: 'diaspora',
        organisation: 'Association des Congolais de l’étranger',
        position: 'Coordinateur',
        yearsOfExperience: 2,
      },
      education: {
        highestDegree: 'bachelor',
        fieldOfStudy: 'social-sciences',
        languages: [{ code: 'fr', level: 'native' }],
      },
      motivation: {
        motivation: motivation(
          'J’accompagne les travailleurs migrants de retour et je veux mieux connaître les politiques de réintégration. ',
        ),
      },
      review: { consent: true },
    },
    submit: {
      justification:
        'Avant de rejoindre l’association, j’ai travaillé quatre ans comme bénévole auprès de migrants de retour.',
    },
  },
  {
    email: 'valentina.rojas@example.org',
    fullName: 'Valentina Rojas',
    locale: 'es',
    answers: {
      person: { fullName: 'Valentina Rojas', countryOfResidence: 'CO', nationality: 'VE', sex: 'female' },
      work: {
        constituency: 'ngo',
        organisation: 'Red de Apoyo al Migrante',
        position: 'Directora de programas',
        yearsOfExperience: 5,
      },
      education: {
        highestDegree: 'master',
        fieldOfStudy: 'law',
        languages: [
          { code: 'es', level: 'native' },
          { code: 'en', level: 'intermediate' },
        ],
      },
      motivation: {
        motivation: motivation(
          'Dirijo programas de integración laboral de personas migrantes y quiero fortalecer la incidencia en políticas públicas. ',
        ),
      },
      review: { consent: true },
    },
    submit: {},
  },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function ensureApplicant(deps: Deps, system: Actor, applicant: DemoApplicant): Promise<Actor> {
  const existing = await findPersonIdByEmail(deps.db, deps, applicant.email);
  const id =
    existing ??
    (
      await createPerson(deps.db, deps, system, {
        email: applicant.email,
        password: DEMO_PASSWORD,
        fullName: applicant.fullName,
        preferredLocale: applicant.locale,
        roles: ['participant'],
      })
    ).id;
  return { kind: 'user', id, roles: ['participant'], via: 'session' };
}

/**
 * Demo admissions, through the same use cases applicants and managers use: the programme open for
 * applications for four months, a draft, two submitted eligible applications (one in Spanish) and one
 * submitted with a justification. Idempotent: a person who already applied is left as they are.
 */
export async function seedDemoAdmissions(deps: Deps): Promise<void> {
  const system = systemActor('seed');
  const programme = await getProgramme(deps.db, deps, system, DEMO_PROGRAMME_SLUG);
  if (!(await loadAdmissionSettings(deps.db, programme.id)).isSaved) {
    await saveAdmissionSettings(deps.db, deps, system, programme.id, {
      open: true,
      closesOn: addDays(deps.clock.now().toISOString().slice(0, 10), 120),
      eligibility: DEFAULT_ELIGIBILITY_RULES,
      criteria: DEFAULT_CRITERIA,
    });
  }
  for (const applicant of APPLICANTS) {
    const actor = await ensureApplicant(deps, system, applicant);
    const { id, created } = await startApplication(deps.db, deps, actor, {
      programmeSlug: DEMO_PROGRAMME_SLUG,
      locale: applicant.locale,
    });
    if (!created) continue;
    for (const [step, answers] of Object.entries(applicant.answers)) {
      await saveApplicationStep(deps.db, deps, actor, id, { step, answers });
    }
    if (!applicant.submit) continue;
    const file = (name: string) => ({ fileName: name, bytes: DEMO_PDF });
    await uploadApplicationFile(deps.db, deps, actor, id, { kind: 'cv', file: file('CV.pdf') });
    if (applicant.letter)
      await uploadApplicationFile(deps.db, deps, actor, id, {
        kind: 'letter',
        file: file('Nomination letter.pdf'),
      });
    await submitApplication(deps.db, deps, actor, id, applicant.submit);
  }
}
