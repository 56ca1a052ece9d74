import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/http-extra.js';
import {
  buildEnrolledCandidate,
  buildPathwayProgramme,
  type PathwayProgramme,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';

/** Staff read people's names and sentences in their language, never raw ids, codes or JSON (issue 10, item 12). */

const fr = translator('fr');
const es = translator('es');

/** The history table of a page (from its heading to the end of its table). */
function history(html: string, title: string): string {
  const start = html.indexOf(`<h2>${title}</h2>`);
  expect(start, 'history heading').toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</table>', start) + 8);
}

/** HTML with its numeric character references written as characters (kept HTML uses them beyond Latin-1). */
const withCharacters = (html: string) =>
  html.replace(/&#(\d+);/g, (_reference, code: string) => String.fromCodePoint(Number(code)));

/** The text of an HTML fragment as the renderer escapes it. */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

for (const dialect of DIALECTS) {
  describe(`${dialect}: staff pages in the reader's words`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps);
    });
    afterAll(async () => close?.());

    it("shows a candidate's history in French: people's names and French sentences, no ids, no codes, no JSON", async () => {
      const { candidacyId, person } = await buildEnrolledCandidate(deps, programme, {
        fullName: 'Amina Diallo',
      });
      const { browser: manager } = await signedIn(app, deps, ['manager'], {
        locale: 'fr',
        fullName: 'Camille Gestionnaire',
      });
      const granted = await manager.send(`/manage/candidates/${candidacyId}/extensions`, {
        months: '3',
        reason: 'Maladie',
      });
      expect(granted.statusCode).toBe(303);

      const page = await manager.get(`/manage/candidates/${candidacyId}`);
      expect(page.statusCode).toBe(200);
      const trail = history(page.body, fr.t('audit.title'));
      expect(trail).toContain('Camille Gestionnaire');
      expect(trail).toContain(
        escaped(fr.t('auditLog.event.candidate.extension-granted', { months: 3, reason: 'Maladie' })),
      );
      // Registration names the candidate; the platform's own acts say so.
      expect(trail).toContain(
        escaped(fr.t('auditLog.event.candidate.registered', { user: 'Amina Diallo', ruleVersion: 1 })),
      );
      expect(trail).toContain(escaped(fr.t('auditLog.system')));
      expect(trail).not.toContain('user:');
      expect(trail).not.toContain(person.id);
      expect(trail).not.toContain('candidate.extension-granted');
      expect(trail).not.toMatch(/\{&quot;|\{"|<code>/);
    });

    it("shows a person's history to administrators in French by name and sentence", async () => {
      const { browser: admin, person: administrator } = await signedIn(app, deps, ['administrator'], {
        locale: 'fr',
        fullName: 'Alex Administrateur',
      });
      const { person } = await signedIn(app, deps, ['participant'], { fullName: 'Inès Participante' });
      expect(
        (await admin.send(`/admin/people/${person.id}/roles`, { roles: ['participant', 'assessor'] }))
          .statusCode,
      ).toBe(303);
      const trail = history((await admin.get(`/admin/people/${person.id}`)).body, fr.t('audit.title'));
      expect(trail).toContain('Alex Administrateur');
      expect(trail).toContain(
        escaped(
          fr.t('auditLog.event.user.roles-changed', {
            before: fr.t('role.participant'),
            after: `${fr.t('role.assessor')}, ${fr.t('role.participant')}`,
          }),
        ),
      );
      expect(trail).not.toContain(`user:${administrator.id}`);
      expect(trail).not.toMatch(/\[&quot;|\["|<code>/);
    });

    it('names the requirements of the candidates list from the rules, in French and in Spanish', async () => {
      await buildEnrolledCandidate(deps, programme, { fullName: 'Lucía Requisitos' });
      for (const t of [fr, es]) {
        const { browser } = await signedIn(app, deps, ['manager'], { locale: t.locale });
        const list = await browser.get(`/manage/candidates?programme=${programme.slug}`);
        expect(list.statusCode).toBe(200);
        expect(withCharacters(list.body)).toContain(
          escaped(
            t.t('auditPages.requirementProgress', {
              requirement: t.t('requirement.choose', { count: 3 }),
              have: 0,
              needed: 3,
            }),
          ),
        );
        expect(withCharacters(list.body)).toContain(
          escaped(
            t.t('auditPages.requirementProgress', {
              requirement: t.t('requirement.capstone'),
              have: 0,
              needed: 1,
            }),
          ),
        );
        expect(list.body).not.toMatch(/academy \d\/\d|electives \d\/\d|capstone \d\/\d/);
      }
    });
  });
}
