import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, type signedIn as SignedIn, signedIn } from '../../../test/helpers/http-extra.js';
import { editionCode } from '../../../test/helpers/import-helpers.js';
import { buildPathwayProgramme, registerAs } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { newId } from '../../kernel/ids.js';

/** The places pages: who may see and do what, refusals in the reader's language, nothing changed on error. */

const fr = translator('fr');
type Signed = Awaited<ReturnType<typeof SignedIn>>;
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

for (const dialect of DIALECTS) {
  describe(`${dialect}: places pages`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let manager: Signed;
    let ana: Signed;
    let ben: Signed;
    let editionId: string;
    let code: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      manager = await signedIn(app, deps, ['manager']);
      ana = await signedIn(app, deps, ['participant'], { locale: 'fr' });
      ben = await signedIn(app, deps, ['participant']);
      const course = await buildCourse(deps);
      code = editionCode('W');
      editionId = (await buildEdition(deps, course.code, { capacity: 1, code })).id;
    });
    afterAll(async () => close?.());

    const places = async () =>
      JSON.stringify(await deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute());
    const placeOf = async (userId: string) =>
      deps.db.selectFrom('enrolments').selectAll().where('user_id', '=', userId).executeTakeFirst();

    it('shows the places on the edition page: sign in, or the request form', async () => {
      const anonymous = await new Client(app).get(`/editions/${editionId}`);
      expect(anonymous.body).toContain('/sign-in?next=');
      const page = await ana.browser.get(`/editions/${editionId}`);
      expect(page.body).toContain(escapeHtml(fr.t('places.panel.placesLeft', { left: 1, capacity: 1 })));
      expect(page.body).toContain(escapeHtml(fr.t('places.panel.notCandidate')));
      expect(page.body).toContain(`action="/editions/${editionId}/place"`);
      expect((await ana.browser.get(`/editions/${newId()}/place`)).statusCode).toBe(404);
    });

    it('says whether the course counts for the reader diploma, and for which requirement', async () => {
      const programme = await buildPathwayProgramme(deps);
      const candidate = await signedIn(app, deps, ['participant'], { locale: 'fr' });
      await registerAs(deps, programme, candidate.person, '2026-01-05');
      const academy = await buildEdition(deps, programme.academy);
      const other = await buildEdition(deps, (await buildCourse(deps)).code);
      const counts = await candidate.browser.get(`/editions/${academy.id}/place`);
      expect(counts.body).toContain(
        escapeHtml(
          fr.t('places.panel.counts', {
            programme: 'Diplôme de test',
            requirement: fr.t('places.requirement.course', { id: 'academy' }),
          }),
        ),
      );
      const not = await candidate.browser.get(`/editions/${other.id}`);
      expect(not.body).toContain(
        escapeHtml(fr.t('places.panel.doesNotCount', { programme: 'Diplôme de test' })),
      );
    });

    it('refuses a bad request in the reader language and keeps nothing; then requests', async () => {
      const before = await places();
      const anonymous = new Client(app);
      expect((await anonymous.send(`/editions/${editionId}/place`, { fundingKind: 'self' })).statusCode).toBe(
        401,
      );
      const bad = await ana.browser.send(`/editions/${editionId}/place`, {
        fundingKind: 'sponsor',
        fundingName: '',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(escapeHtml(fr.t('places.validation.fundingNameNeeded')));
      expect(await places()).toBe(before);
      const ok = await ana.browser.send(`/editions/${editionId}/place`, {
        fundingKind: 'sponsor',
        fundingName: 'OIT',
      });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/my/places');
      const again = await ana.browser.send(`/editions/${editionId}/place`, { fundingKind: 'self' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain(escapeHtml(fr.t('places.error.alreadyRequested')));
      const mine = await ana.browser.get('/my/places');
      expect(mine.body).toContain(escapeHtml(fr.t('places.mine.requested')));
      expect(
        (await ben.browser.send(`/editions/${editionId}/place`, { fundingKind: 'self' })).statusCode,
      ).toBe(303);
      expect((await ben.browser.get('/my/places')).body).toContain(
        escapeHtml(translator('en').t('places.mine.waitlisted', { position: 1 })),
      );
    });

    it('keeps people out of what is not theirs', async () => {
      const anas = (await placeOf(ana.person.id))!;
      const before = await places();
      expect((await new Client(app).get('/my/places')).statusCode).toBe(303);
      expect((await ben.browser.send(`/my/places/${anas.id}/withdraw`)).statusCode).toBe(404);
      expect((await ben.browser.get(`/manage/editions/${editionId}/places`)).statusCode).toBe(403);
      expect((await ben.browser.get(`/manage/editions/${editionId}/places.csv`)).statusCode).toBe(403);
      expect((await ben.browser.get('/manage/places/import')).statusCode).toBe(403);
      for (const action of ['confirm', 'decline', 'top', 'withdraw'])
        expect((await ben.browser.send(`/manage/places/${anas.id}/${action}`)).statusCode).toBe(403);
      expect((await new Client(app).get(`/manage/editions/${editionId}/places`)).statusCode).toBe(303);
      expect(
        (
          await ben.browser.send(`/manage/editions/${editionId}/places/enrol`, {
            email: ben.person.email,
            fundingKind: 'self',
          })
        ).statusCode,
      ).toBe(403);
      expect((await ben.browser.send('/manage/places/import', { csv: 'email,edition' })).statusCode).toBe(
        403,
      );
      expect(
        (await ben.browser.send('/manage/places/import/commit', { csv: 'email,edition' })).statusCode,
      ).toBe(403);
      expect((await new Client(app).send(`/my/places/${anas.id}/withdraw`)).statusCode).toBe(401);
      expect((await manager.browser.get(`/manage/editions/${newId()}/places`)).statusCode).toBe(404);
      expect((await manager.browser.send(`/manage/places/${newId()}/confirm`)).statusCode).toBe(404);
      expect((await manager.browser.send('/manage/places/import', { csv: '' })).statusCode).toBe(400);
      expect(await places()).toBe(before);
    });

    it("shows managers a started edition's capacity, not places left (issue 10)", async () => {
      const started = await buildEdition(deps, (await buildCourse(deps)).code, {
        capacity: 30,
        code: editionCode('S'),
        selfPacedStart: '2026-01-05',
        selfPacedEnd: '2026-01-18',
        liveStart: '2026-01-19',
        liveEnd: '2026-02-13',
        assignmentDue: '2026-02-20',
        registrationDeadline: '2025-12-15',
      });
      const page = await manager.browser.get(`/manage/editions/${started.id}/places`);
      expect(page.statusCode).toBe(200);
      const en = translator('en');
      expect(page.body).toContain(escapeHtml(en.t('edition.places', { count: 30 })));
      expect(page.body).not.toContain(
        escapeHtml(en.t('places.panel.placesLeft', { left: 30, capacity: 30 })),
      );
    });

    it('lets managers decide, export, and the waiting list move up on a withdrawal', async () => {
      const anas = (await placeOf(ana.person.id))!;
      const bens = (await placeOf(ben.person.id))!;
      const page = await manager.browser.get(`/manage/editions/${editionId}/places`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(ana.person.email);
      // Ben waits while Ana's request holds the only place: refused on the page.
      expect((await manager.browser.send(`/manage/places/${bens.id}/confirm`)).statusCode).toBe(409);
      const confirmed = await manager.browser.send(`/manage/places/${anas.id}/confirm`);
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe(`/manage/editions/${editionId}/places`);
      const csv = await manager.browser.get(`/manage/editions/${editionId}/places.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain(`${ana.person.email},`);
      expect(csv.body).toContain(',enrolled,sponsor,OIT,');
      expect((await ana.browser.send(`/my/places/${anas.id}/withdraw`)).statusCode).toBe(303);
      expect((await placeOf(ben.person.id))?.status).toBe('enrolled');
      const declined = await manager.browser.send(`/manage/places/${bens.id}/decline`, {
        reason: 'Pas de visa',
      });
      expect(declined.statusCode).toBe(303);
      expect((await placeOf(ben.person.id))?.decline_reason).toBe('Pas de visa');
    });

    it('enrols directly and in bulk with a preview', async () => {
      const bad = await manager.browser.send(`/manage/editions/${editionId}/places/enrol`, {
        email: 'nobody@example.org',
        fundingKind: 'self',
      });
      expect(bad.statusCode).toBe(400);
      const before = await places();
      const csv = `email,edition,funding\n${ana.person.email},${code},self\nghost@example.org,${code},self\n`;
      const preview = await manager.browser.send('/manage/places/import', { csv });
      expect(preview.statusCode).toBe(400);
      expect(preview.body).not.toContain('action="/manage/places/import/commit"');
      expect((await manager.browser.send('/manage/places/import/commit', { csv })).statusCode).toBe(400);
      expect(await places()).toBe(before);
      const good = `email,edition,funding\n${ana.person.email},${code},self\n`;
      const ok = await manager.browser.send('/manage/places/import', { csv: good });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('action="/manage/places/import/commit"');
      expect(await places()).toBe(before);
      expect((await manager.browser.send('/manage/places/import/commit', { csv: good })).statusCode).toBe(
        303,
      );
      expect((await placeOf(ana.person.id))?.status).toBe('enrolled');
    });
  });
}
