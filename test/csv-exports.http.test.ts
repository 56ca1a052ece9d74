import { parse } from 'csv-parse/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/kernel/actor.js';
import { createGroupSet } from '../src/modules/groups/manage-group-sets.js';
import { openPeerEvaluation } from '../src/modules/groups/peer-evaluations.js';
import { recordClassResults } from '../src/modules/pathway/record-result.js';
import { enrolDirectly } from '../src/modules/places/enrol-directly.js';
import { saveResultPolicy } from '../src/modules/results/save-result-policy.js';
import { saveItem } from '../src/modules/spaces/save-item.js';
import { saveSection } from '../src/modules/spaces/save-section.js';
import { buildApplication, eligibleAnswers } from './helpers/application-factories.js';
import { DIALECTS } from './helpers/dialects.js';
import { buildPerson } from './helpers/factories.js';
import { createTestApp } from './helpers/http.js';
import { type Client, signedIn, tokenOf } from './helpers/http-extra.js';
import { importCsv, uploadAsBrowser } from './helpers/import-helpers.js';
import {
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
  registerAs,
} from './helpers/pathway-factories.js';
import type { TestDeps } from './helpers/test-deps.js';

/**
 * Every CSV export of the app (each `.csv` route, found in the app's routes) goes through the one
 * formula-safe writer: a name, organisation, grade or reference that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`) comes out with a leading apostrophe, and no cell of any export starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return.
 */

const FORMULA = '=HYPERLINK("x")';
const SYSTEM = systemActor('test');

/** The cells of a CSV download (after its byte-order mark). */
function cells(response: LightMyRequestResponse): string[] {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toContain('text/csv');
  return (parse(response.body.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][]).flat();
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: every CSV export is formula-safe`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let manager: Client;
    let token: string;
    const urls: Record<string, () => string> = {};
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      const signed = await signedIn(app, deps, ['manager', 'facilitator', 'administrator']);
      manager = signed.browser;
      token = await tokenOf(deps, signed.person);
      // A candidate named like a formula, with a place and a result graded like one.
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps, { fullName: FORMULA });
      await registerAs(deps, programme, person, '2026-01-05');
      const edition = await buildDatedEdition(deps, programme.electives[0], '2026-02-02', '2026-03-13', {
        code: 'CSV-1',
      });
      const { id: enrolmentId } = await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
        email: person.email,
        fundingKind: 'sponsor',
        fundingName: '@sponsor',
      } as never);
      await recordClassResults(deps.db, deps, SYSTEM, edition.id, [
        { enrolmentId, result: { outcome: 'achievement', grade: FORMULA, completedOn: '2026-03-13' } },
      ]);
      const placesEdition = await buildDatedEdition(deps, programme.electives[1], '2027-02-01', '2027-03-12');
      await enrolDirectly(deps.db, deps, SYSTEM, placesEdition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      // A result policy over one item of that edition's space (its gradebook lists the person).
      const section = await saveSection(deps.db, deps, SYSTEM, placesEdition.id, null, {
        title: { en: 'Assessment' },
      });
      const essay = await saveItem(deps.db, deps, SYSTEM, placesEdition.id, null, {
        sectionId: section.id,
        kind: 'page',
        title: { en: 'Essay' },
        settings: { body: { en: 'Write' } },
      });
      await saveResultPolicy(deps.db, deps, SYSTEM, placesEdition.id, {
        passMark: '60',
        achievementGives: 'achievement',
        participationGives: 'participation',
        components: { [essay.id]: { weight: '1', minMark: '', cutoff: '2027-03-12' } },
      });
      // A group set of that edition with a peer evaluation (its results list the person by name).
      const { id: setId } = await createGroupSet(
        deps.db,
        deps,
        SYSTEM,
        placesEdition.id,
        { name: FORMULA, groupCount: 1, formation: 'balanced' },
        'Group',
      );
      await openPeerEvaluation(deps.db, deps, SYSTEM, setId, {
        criteria: FORMULA,
        closesAt: '2027-12-01T00:00:00.000Z',
      });
      // An applicant who wrote a formula as name and organisation.
      const answers = eligibleAnswers();
      answers.person = { ...answers.person, fullName: FORMULA };
      answers.work = { ...answers.work, organisation: `+${FORMULA}` };
      const applicant = await buildPerson(deps, { fullName: FORMULA });
      await buildApplication(deps, { person: applicant, submit: true, answers });
      // An import whose problems name a formula-like cell.
      const upload = await uploadAsBrowser(manager, {
        name: 'results.csv',
        content: importCsv([{ email: person.email, course: FORMULA, edition: FORMULA, outcome: '-1' }]),
      });
      const importId = upload.headers.location?.toString().split('/').pop() ?? '';
      expect(importId).not.toBe('');
      urls['GET /manage/candidates.csv'] = () => `/manage/candidates.csv?programme=${programme.slug}`;
      urls['GET /manage/applications.csv'] = () => '/manage/applications.csv?programme=labour-migration';
      urls['GET /manage/editions/:id/places.csv'] = () => `/manage/editions/${placesEdition.id}/places.csv`;
      urls['GET /manage/imports/:id/errors.csv'] = () => `/manage/imports/${importId}/errors.csv`;
      urls['GET /manage/results.csv'] = () => `/manage/results.csv?edition=${edition.id}`;
      urls['GET /api/v1/results.csv'] = () => `/api/v1/results.csv?edition=${edition.id}`;
      urls['GET /spaces/:editionId/progress.csv'] = () => `/spaces/${placesEdition.id}/progress.csv`;
      urls['GET /results/:editionId/gradebook.csv'] = () => `/results/${placesEdition.id}/gradebook.csv`;
      urls['GET /editions/:id/participation.csv'] = () => `/editions/${placesEdition.id}/participation.csv`;
      urls['GET /groups/sets/:setId/peer.csv'] = () => `/groups/sets/${setId}/peer.csv`;
    }, 120_000);
    afterAll(async () => close?.());

    it('knows every CSV route of the app', () => {
      const csvRoutes = [...app.routeModules.keys()].filter((key) => key.endsWith('.csv'));
      expect(csvRoutes.sort()).toEqual(Object.keys(urls).sort());
    });

    it('neutralises formula-like text in every export', async () => {
      const planted: Record<string, string> = {};
      for (const [route, url] of Object.entries(urls)) {
        const response = route.includes('/api/')
          ? await app.inject({ method: 'GET', url: url(), headers: { authorization: `Bearer ${token}` } })
          : await manager.get(url());
        const all = cells(response);
        for (const cell of all) expect(cell, `${route}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        planted[route] = all.find((cell) => cell.includes(FORMULA)) ?? '';
      }
      // The planted value reached each export that shows people's text, neutralised.
      for (const route of [
        'GET /manage/candidates.csv',
        'GET /manage/applications.csv',
        'GET /manage/editions/:id/places.csv',
        'GET /manage/results.csv',
        'GET /api/v1/results.csv',
        'GET /spaces/:editionId/progress.csv',
        'GET /results/:editionId/gradebook.csv',
      ])
        expect(planted[route], route).toBe(`'${FORMULA}`);
    });
  });
}
