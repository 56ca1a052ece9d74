import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildEdition } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client } from '../../../../test/helpers/http-extra.js';
import {
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { updateEdition } from '../../catalogue/save-edition.js';
import { grantExtension } from '../grant-extension.js';

/**
 * The candidate dashboard keeps what is the same for every candidate (the open editions of the programme's
 * courses, their titles, the rules) and reads the candidate's own records on every request: each change
 * below must show on the very next request.
 */

const en = translator('en');
const SYSTEM = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: the candidate dashboard is never stale`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps);
    });
    afterAll(async () => close?.());

    it('shows a result recorded, an extension and a new or closed edition at once', async () => {
      const person = await buildParticipant(deps);
      const candidacyId = await registerAs(deps, programme, person, '2025-01-06');
      await earn(deps, person, programme.academy, '2025-06-16', '2025-06-27');
      const browser = new Client(app);
      await browser.signIn(person.email, person.password);
      const page = async () => {
        const response = await browser.get('/my/pathway');
        expect(response.statusCode).toBe(200);
        return response.body;
      };

      const first = await page();
      expect(first).toContain(en.t('requirement.progress', { have: 0, needed: 3 }));
      expect(first).toContain(en.t('myPathway.noOpenEditions'));

      // A new open edition of a wanted elective: in the next steps at once (the kept list is stale).
      const edition = await buildEdition(deps, programme.electives[2]);
      expect(await page()).toContain(`/editions/${edition.id}`);

      // A result recorded for the candidate: counted at once, and that course no longer wanted.
      await earn(deps, person, programme.electives[2], '2025-09-01', '2025-10-10');
      const afterResult = await page();
      expect(afterResult).toContain(en.t('requirement.progress', { have: 1, needed: 3 }));
      expect(afterResult).not.toContain(`/editions/${edition.id}`);

      // An extension: in the window at once.
      await grantExtension(deps.db, deps, SYSTEM, candidacyId, { months: 6, reason: 'Illness' });
      expect(await page()).toContain(en.t('standing.extensionMonths', { months: 6 }));

      // An edition closing its registration leaves the next steps at once.
      const other = await buildEdition(deps, programme.electives[3]);
      expect(await page()).toContain(`/editions/${other.id}`);
      await updateEdition(deps.db, deps, SYSTEM, other.id, {
        language: 'en',
        mode: 'online',
        selfPacedStart: '2027-03-01',
        selfPacedEnd: '2027-03-14',
        liveStart: '2027-03-15',
        liveEnd: '2027-04-09',
        assignmentDue: '2027-04-16',
        capacity: 30,
        registrationOpen: false,
        registrationDeadline: '2027-02-15',
      });
      expect(await page()).not.toContain(`/editions/${other.id}`);
    });
  });
}
