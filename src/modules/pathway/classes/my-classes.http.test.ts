import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, heading, signedIn } from '../../../../test/helpers/http-extra.js';
import {
  buildDatedEdition,
  buildEnrolledCandidate,
  buildPathwayProgramme,
  type PathwayProgramme,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { recordClassResults } from '../record-result.js';

/** "My classes" for facilitators, and the class list's import link shown only to those who may import. */

const en = translator('en');
const fr = translator('fr');
const SYSTEM = systemActor('test');
const IMPORT_LINK = 'href="/manage/imports/new"';

for (const dialect of DIALECTS) {
  describe(`${dialect}: my classes`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps);
    });
    afterAll(async () => close?.());

    it('lists a facilitator’s own editions with what still needs recording, in the navigation', async () => {
      const { browser, person } = await signedIn(app, deps, ['facilitator']);
      const ended = await buildEnrolledCandidate(deps, programme, {
        facilitatorIds: [person.id],
        fullName: 'Ended Class Member',
      });
      const upcoming = await buildDatedEdition(deps, programme.electives[1], '2027-03-01', '2027-04-30', {
        facilitatorIds: [person.id],
      });
      const someoneElses = await buildDatedEdition(deps, programme.electives[2], '2026-05-04', '2026-06-12');
      const page = await browser.get('/my/classes');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('classes.my.title'));
      expect(page.body).toContain(`<a href="/my/classes"`);
      expect(page.body).toContain(`href="/manage/editions/${ended.edition.id}/class"`);
      expect(page.body).toContain(`href="/manage/editions/${upcoming.id}/class"`);
      expect(page.body).not.toContain(someoneElses.id);
      expect(page.body).toContain(en.t('classes.my.toRecord', { count: 1 }));
      expect(page.body).toContain(en.t('classes.my.waiting', { count: 1 }));
      expect(page.body).not.toContain(IMPORT_LINK);
      // Once the result is recorded, nothing waits any more.
      await recordClassResults(deps.db, deps, SYSTEM, ended.edition.id, [
        {
          enrolmentId: ended.enrolmentId,
          result: { outcome: 'achievement', grade: '', completedOn: '2026-03-13' },
        },
      ]);
      const after = await browser.get('/my/classes');
      expect(after.body).not.toContain(en.t('classes.my.waiting', { count: 1 }));
      expect(after.body).toContain(en.t('classes.my.recorded', { recorded: 1, people: 1 }));
    });

    it('speaks French, and says so when there is no edition', async () => {
      const { browser } = await signedIn(app, deps, ['facilitator'], { locale: 'fr' });
      const page = await browser.get('/my/classes');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(fr.t('classes.my.title'));
      expect(page.body).toContain(fr.t('classes.my.empty').replace(/'/g, '&#39;'));
    });

    it('is for facilitators only: sign-in for visitors, 403 for the other roles; nav entry only for them', async () => {
      const anonymous = await new Client(app).get('/my/classes');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe('/sign-in?next=%2Fmy%2Fclasses');
      for (const roles of [['participant'], ['manager'], ['assessor'], ['administrator']] as const) {
        const { browser } = await signedIn(app, deps, [...roles]);
        const page = await browser.get('/my/classes');
        expect(page.statusCode, roles[0]).toBe(403);
        expect((await browser.get('/')).body, roles[0]).not.toContain('href="/my/classes"');
      }
    });

    it('shows "Import results" on a class list to managers only', async () => {
      const facilitator = await signedIn(app, deps, ['facilitator']);
      const { edition } = await buildEnrolledCandidate(deps, programme, {
        facilitatorIds: [facilitator.person.id],
      });
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      const asFacilitator = await facilitator.browser.get(`/manage/editions/${edition.id}/class`);
      expect(asFacilitator.statusCode).toBe(200);
      expect(asFacilitator.body).not.toContain(IMPORT_LINK);
      const asManager = await manager.get(`/manage/editions/${edition.id}/class`);
      expect(asManager.statusCode).toBe(200);
      expect(asManager.body).toContain(IMPORT_LINK);
      // The link's target stays closed to facilitators.
      expect((await facilitator.browser.get('/manage/imports/new')).statusCode).toBe(403);
    });
  });
}
