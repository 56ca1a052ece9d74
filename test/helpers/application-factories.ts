import type { LightMyRequestResponse } from 'fastify';
import type { Deps } from '../../src/deps.js';
import { type Actor, systemActor } from '../../src/kernel/actor.js';
import { MOTIVATION_MIN_LENGTH } from '../../src/modules/admissions/application.js';
import { uploadApplicationFile } from '../../src/modules/admissions/files/upload-application-file.js';
import { saveApplicationStep } from '../../src/modules/admissions/save-application-step.js';
import { startApplication } from '../../src/modules/admissions/start-application.js';
import { submitApplication } from '../../src/modules/admissions/submit-application.js';
import { createRuleVersion } from '../../src/modules/pathway/rule-versions.js';
import { buildCourse, buildPerson, buildProgramme, type TestPerson } from './factories.js';
import type { Client } from './http-extra.js';
import { multipartBody } from './import-helpers.js';
import { actorOf, pathwayRules } from './pathway-factories.js';
import type { TestDeps } from './test-deps.js';

/** A tiny valid PDF (one empty page). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export const MOTIVATION = `${'I work on labour migration policy and want to deepen my skills. '.repeat(
  Math.ceil(MOTIVATION_MIN_LENGTH / 60) + 1,
)}`.trim();

/** Every step's answers of an applicant who meets the default eligibility rules. */
export function eligibleAnswers(): Record<string, Record<string, unknown>> {
  return {
    person: { fullName: 'Amina Diallo', countryOfResidence: 'SN', nationality: 'SN', sex: 'female' },
    work: {
      constituency: 'government',
      organisation: 'Ministry of Labour',
      position: 'Adviser',
      yearsOfExperience: 6,
    },
    education: {
      highestDegree: 'master',
      fieldOfStudy: 'law',
      languages: [
        { code: 'fr', level: 'native' },
        { code: 'en', level: 'advanced' },
      ],
    },
    motivation: { motivation: MOTIVATION },
    review: { consent: true },
  };
}

/** Fills every step of an application with `answers` (default: eligible) and uploads a CV. */
export async function fillApplication(
  deps: Deps,
  actor: Actor,
  id: string,
  answers = eligibleAnswers(),
  options: { cv?: boolean } = {},
): Promise<void> {
  for (const [step, stepAnswers] of Object.entries(answers)) {
    await saveApplicationStep(deps.db, deps, actor, id, { step, answers: stepAnswers });
  }
  if (options.cv !== false)
    await uploadApplicationFile(deps.db, deps, actor, id, {
      kind: 'cv',
      file: { fileName: 'cv.pdf', bytes: TINY_PDF },
    });
}

/** A person with a draft application to the test programme (optionally complete, optionally submitted). */
export async function buildApplication(
  deps: Deps,
  options: {
    person?: TestPerson;
    complete?: boolean;
    submit?: boolean;
    answers?: Record<string, Record<string, unknown>>;
    justification?: string;
  } = {},
): Promise<{ id: string; person: TestPerson; actor: Actor; programmeId: string }> {
  const programmeId = await buildProgramme(deps);
  const person = options.person ?? (await buildPerson(deps));
  const actor = actorOf(person);
  const { id } = await startApplication(deps.db, deps, actor, {
    programmeSlug: 'labour-migration',
    locale: 'en',
  });
  if (options.complete || options.submit) await fillApplication(deps, actor, id, options.answers);
  if (options.submit)
    await submitApplication(deps.db, deps, actor, id, { justification: options.justification });
  return { id, person, actor, programmeId };
}

/** Uploads a document through the web form of a signed-in browser (with its CSRF token unless told otherwise). */
export async function uploadForm(
  browser: Client,
  applicationId: string,
  kind: string,
  file: { name: string; content: Buffer | string; type?: string } | null,
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const fields: Record<string, string> = { kind };
  if (options.csrf !== false) fields._csrf = await browser.csrf();
  const { payload, headers } = multipartBody(fields, file ? { type: 'application/pdf', ...file } : null);
  const response = await browser.app.inject({
    method: 'POST',
    url: `/my/applications/${applicationId}/files`,
    remoteAddress: browser.address,
    headers: { ...headers, cookie: browser.jar.header() },
    payload,
  });
  browser.jar.store(response);
  return response;
}

/** The labour-migration programme with six courses and its pathway rules in force (what admissions need). */
export async function buildProgrammeWithRules(deps: TestDeps): Promise<void> {
  await buildProgramme(deps);
  const codes: string[] = [];
  for (let i = 0; i < 6; i++) codes.push((await buildCourse(deps)).code);
  await createRuleVersion(deps.db, deps, systemActor('test'), 'labour-migration', {
    effectiveFrom: '2015-01-01',
    note: 'v1',
    rules: pathwayRules({
      academy: codes[0]!,
      eAcademy: codes[1]!,
      electives: codes.slice(2) as [string, string, string, string],
    }),
  });
}
