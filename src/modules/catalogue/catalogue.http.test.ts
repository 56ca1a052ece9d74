import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, fieldError, signedIn } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { newId } from '../../kernel/ids.js';
import { setCourseStatus } from './set-course-status.js';

/** Web routes of the catalogue: public pages, and the managers' course and edition screens. */

const en = translator('en');
const fr = translator('fr');
const SYSTEM = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: catalogue web`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    /** The stored state of the catalogue (a refused request must leave it as it was). */
    const catalogueState = async () =>
      JSON.stringify([
        await deps.db.selectFrom('courses').selectAll().orderBy('id').execute(),
        await deps.db.selectFrom('editions').selectAll().orderBy('id').execute(),
        await countRows(deps, 'course_themes'),
        await countRows(deps, 'audit_events'),
      ]);

    it('lists and filters the public catalogue', async () => {
      const rights = await buildCourse(deps, {
        themes: ['rights'],
        title: { en: 'Rights of migrant workers xq' },
      });
      await buildEdition(deps, rights.code, { language: 'fr' });
      const other = await buildCourse(deps, {
        themes: ['development'],
        title: { en: 'Remittances and development xq' },
      });
      await buildEdition(deps, other.code, { registrationOpen: false, registrationDeadline: '' });
      const codes = async (query: string) => {
        const response = await app.inject(`/courses?${query}`);
        expect(response.statusCode, query).toBe(200);
        return [rights.code, other.code].filter((code) => response.body.includes(`/courses/${code}"`));
      };
      expect(await codes('q=xq')).toEqual([rights.code, other.code]);
      expect(await codes('q=xq&theme=rights')).toEqual([rights.code]);
      expect(await codes('q=xq&language=fr')).toEqual([rights.code]);
      expect(await codes('q=xq&open=1')).toEqual([rights.code]);
      expect(await codes('q=xq&mode=residential')).toEqual([]);
      expect(await codes('q=xq&from=2028-01-01')).toEqual([]);
      expect(await codes('q=remittances&theme=&language=&mode=&from=&to=&page=1')).toEqual([other.code]);
    });

    it('shows every change at once although its contents are kept between requests, per language and rights', async () => {
      const course = await buildCourse(deps, {
        themes: ['rights'],
        title: { en: 'Kept page course zz', fr: 'Cours de la page gardée zz' },
      });
      const page = async (url: string, browser?: Client, language = 'en') => {
        const response = browser
          ? await browser.get(url)
          : await app.inject({ url, headers: { 'accept-language': language } });
        expect(response.statusCode, url).toBe(200);
        return response.body;
      };
      // Kept: the same request twice gives the same contents.
      expect(await page('/courses?q=zz')).toContain('Kept page course zz');
      expect(await page('/courses?q=zz')).toContain('Kept page course zz');
      // Another language, another kept page.
      expect(await page('/courses?q=zz', undefined, 'fr')).toContain('Cours de la page gardée zz');
      // A new edition (another table) shows on the next request.
      expect(await page('/courses?q=zz&language=es')).not.toContain(`/courses/${course.code}"`);
      await buildEdition(deps, course.code, { language: 'es' });
      expect(await page('/courses?q=zz&language=es')).toContain(`/courses/${course.code}"`);
      // A manager's page has the manager's links; a visitor's kept page never gets them.
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      expect(await page('/courses?q=zz', manager)).toContain('href="/manage/courses/new"');
      expect(await page('/courses?q=zz')).not.toContain('href="/manage/courses/new"');
      // Retired: gone at once for visitors.
      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      expect(await page('/courses?q=zz')).not.toContain(`/courses/${course.code}"`);
    });

    it('answers an invalid catalogue query with the translated catalogue page (400), never a 500', async () => {
      for (const query of [
        'page=0',
        'page=-1',
        'page=abc',
        'page=1.5',
        'language=xx',
        'mode=boat',
        'theme=Not%20A%20Slug',
        'from=2027-02-30',
        'to=tomorrow',
        'open=maybe',
        `q=${'x'.repeat(201)}`,
      ]) {
        const response = await app.inject({ url: `/courses?${query}`, headers: { 'accept-language': 'fr' } });
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type'], query).toContain('text/html');
        // The catalogue itself, with what is wrong at its top (issue 10: not a bare error page).
        expect(response.body, query).toContain(fr.t('catalogue.title'));
        expect(response.body, query).toContain('class="error-summary"');
      }
    });

    it('shows a course and an edition; unknown or malformed ones are 404', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code);
      const page = await app.inject(`/courses/${course.code}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Measuring labour migration');
      expect(page.body).toContain(`/editions/${edition.id}`);
      expect((await app.inject(`/courses/${course.code.toLowerCase()}`)).statusCode).toBe(200);
      expect((await app.inject(`/editions/${edition.id}`)).statusCode).toBe(200);
      for (const url of [
        '/courses/NOPE404',
        '/courses/x',
        `/courses/${'A'.repeat(40)}`,
        `/editions/${newId()}`,
        '/editions/42',
        '/editions/not-an-id',
      ]) {
        const response = await app.inject({ url, headers: { 'accept-language': 'es' } });
        expect(response.statusCode, url).toBe(404);
        expect(response.body, url).toContain(translator('es').t('errors.not_found'));
      }
    });

    it('hides a retired course and its editions from the public (404) but not from managers', async () => {
      const course = await buildCourse(deps, { title: { en: 'Retired course yq' } });
      const edition = await buildEdition(deps, course.code);
      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      const { browser: participant } = await signedIn(app, deps, ['participant', 'facilitator']);
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      for (const url of [`/courses/${course.code}`, `/editions/${edition.id}`]) {
        expect((await app.inject(url)).statusCode, url).toBe(404);
        expect((await participant.get(url)).statusCode, url).toBe(404);
        expect((await manager.get(url)).statusCode, url).toBe(200);
      }
      expect((await manager.get(`/courses/${course.code}`)).body).toContain(en.t('course.retiredNotice'));
      expect((await app.inject('/courses?q=yq&retired=1')).body).not.toContain(`/courses/${course.code}"`);
      expect((await manager.get('/courses?q=yq&retired=1')).body).toContain(`/courses/${course.code}"`);
      expect((await manager.get('/courses?q=yq')).body).not.toContain(`/courses/${course.code}"`);
    });

    it('keeps the manager screens from anonymous visitors (sign-in), participants and facilitators (403)', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code);
      const screens = [
        '/manage/courses/new',
        `/manage/courses/${course.code}/edit`,
        `/manage/courses/${course.code}/editions/new`,
        `/manage/editions/${edition.id}/edit`,
      ];
      for (const url of screens) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      }
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      const { browser: facilitator } = await signedIn(app, deps, [
        'facilitator',
        'assessor',
        'administrator',
      ]);
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      for (const url of screens) {
        expect((await participant.get(url)).statusCode, url).toBe(403);
        expect((await facilitator.get(url)).statusCode, url).toBe(403);
        expect((await manager.get(url)).statusCode, url).toBe(200);
      }
      for (const url of [
        '/manage/courses/NOPE404/edit',
        '/manage/courses/NOPE404/editions/new',
        `/manage/editions/${newId()}/edit`,
        '/manage/editions/bad/edit',
      ]) {
        expect((await manager.get(url)).statusCode, url).toBe(404);
      }

      const posts: [string, Record<string, string>][] = [
        [
          '/manage/courses/new',
          {
            code: 'NOTALLOWED1',
            'title.en': 'Nope',
            learningHours: '10',
            credentialOnSuccess: 'achievement',
          },
        ],
        [
          `/manage/courses/${course.code}/edit`,
          { code: course.code, 'title.en': 'Nope', learningHours: '10', credentialOnSuccess: 'achievement' },
        ],
        [`/manage/courses/${course.code}/retire`, {}],
        [`/manage/courses/${course.code}/reactivate`, {}],
        [
          `/manage/courses/${course.code}/editions/new`,
          { language: 'en', mode: 'online', liveStart: '2027-01-01', liveEnd: '2027-01-31' },
        ],
        [
          `/manage/editions/${edition.id}/edit`,
          { language: 'es', mode: 'online', liveStart: '2027-01-01', liveEnd: '2027-01-31' },
        ],
      ];
      const before = await catalogueState();
      for (const [url, fields] of posts) {
        const anonymous = await new Client(app).send(url, fields);
        expect(anonymous.statusCode, url).toBe(401);
        expect(anonymous.body, url).toContain(en.t('errors.unauthenticated'));
        expect((await participant.send(url, fields)).statusCode, url).toBe(403);
        const refused = await facilitator.send(url, fields);
        expect(refused.statusCode, url).toBe(403);
        expect(refused.body, url).toContain(en.t('errors.forbidden'));
      }
      expect(await catalogueState()).toBe(before);
    });

    it('refuses an invalid course form with translated messages next to the fields, saving nothing', async () => {
      const existing = await buildCourse(deps);
      const manager = new Client(app);
      const person = await buildPerson(deps, { roles: ['manager'], locale: 'fr' });
      await manager.signIn(person.email, person.password);
      const before = await catalogueState();
      const bad = await manager.send('/manage/courses/new', {
        code: '1bad code',
        'title.en': '   ',
        learningHours: 'lots',
        credentialOnSuccess: 'gold',
        themes: ['rights', 'no-such-theme'],
        countsAs: 'ZZZ404',
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldError(bad.body, 'code')).toBe(fr.t('validation.courseCode'));
      expect(fieldError(bad.body, 'title.en')).toBe(fr.t('validation.requiredOneLanguage'));
      expect(fieldError(bad.body, 'learningHours')).toBe(fr.t('validation.notNumber'));
      expect(fieldError(bad.body, 'credentialOnSuccess')).toBe(fr.t('validation.invalidChoice'));
      expect(bad.body).toContain('value="1bad code"');
      const taken = await manager.send('/manage/courses/new', {
        code: existing.code.toLowerCase(),
        'title.fr': 'Doublon',
        learningHours: '10',
        credentialOnSuccess: 'achievement',
      });
      expect(taken.statusCode).toBe(400);
      expect(fieldError(taken.body, 'code')).toBe(fr.t('validation.courseCodeTaken'));
      const edit = await manager.send(`/manage/courses/${existing.code}/edit`, {
        code: existing.code,
        'title.en': 'Changed',
        learningHours: '0',
        credentialOnSuccess: 'achievement',
      });
      expect(edit.statusCode).toBe(400);
      expect(fieldError(edit.body, 'learningHours')).toBe(fr.t('validation.tooSmall', { min: 1 }));
      expect(await catalogueState()).toBe(before);
    });

    it('refuses invalid edition forms next to the fields, saving nothing, and a retired course gets none (409)', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code);
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      const before = await catalogueState();
      const bad = {
        language: 'tlh',
        mode: 'online',
        liveStart: '2027-05-20',
        liveEnd: '2027-05-01',
        residentialStart: '2027-06-01',
        residentialEnd: '2027-06-05',
        capacity: '0',
        feeAmount: '12,50',
        feeCurrency: 'EUR',
      };
      const created = await manager.send(`/manage/courses/${course.code}/editions/new`, bad);
      expect(created.statusCode).toBe(400);
      expect(fieldError(created.body, 'language')).toBe(en.t('validation.invalidChoice'));
      expect(fieldError(created.body, 'capacity')).toBe(en.t('validation.tooSmall', { min: 1 }));
      expect(fieldError(created.body, 'feeAmount')).toBe(en.t('validation.invalidAmount'));
      const dates = await manager.send(`/manage/editions/${edition.id}/edit`, {
        ...bad,
        language: 'en',
        capacity: '',
        feeAmount: '',
      });
      expect(dates.statusCode).toBe(400);
      expect(fieldError(dates.body, 'liveEnd')).toBe(en.t('validation.endBeforeStart'));
      expect(fieldError(dates.body, 'residentialStart')).toBe(en.t('validation.onlineNoResidential'));
      expect(fieldError(dates.body, 'feeAmount')).toBe(en.t('validation.feeNeedsBoth'));
      const yen = await manager.send(`/manage/editions/${edition.id}/edit`, {
        language: 'en',
        mode: 'online',
        liveStart: '2027-05-01',
        liveEnd: '2027-05-20',
        feeAmount: '1500.50',
        feeCurrency: 'JPY',
      });
      expect(yen.statusCode).toBe(400);
      expect(fieldError(yen.body, 'feeAmount')).toBe(en.t('validation.invalidAmount'));
      expect(await catalogueState()).toBe(before);

      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      const retired = await manager.send(`/manage/courses/${course.code}/editions/new`, {
        language: 'en',
        mode: 'online',
        liveStart: '2027-05-01',
        liveEnd: '2027-05-20',
      });
      expect(retired.statusCode).toBe(409);
      expect(retired.body).toContain(en.t('errors.invalid_state'));
      expect(await countRows(deps, 'editions')).toBe(JSON.parse(before)[1].length);
    });

    it('lets a manager create and edit a course and an edition, then retire and reactivate it', async () => {
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      const created = await manager.send('/manage/courses/new', {
        code: 'web-new1',
        'title.en': 'Made on the web',
        'title.es': 'Hecho en la web',
        learningHours: '25',
        credentialOnSuccess: 'participation',
        themes: ['rights', 'governance'],
        'programme.labour-migration': 'elective',
      });
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe('/courses/WEB-NEW1');
      const page = await manager.get('/courses/WEB-NEW1');
      expect(page.body).toContain('Made on the web');
      expect(page.body).toContain(en.t('flash.courseCreated'));
      const edition = await manager.send('/manage/courses/WEB-NEW1/editions/new', {
        language: 'es',
        mode: 'blended',
        'place.en': 'Turin campus',
        selfPacedStart: '2027-09-01',
        selfPacedEnd: '2027-09-30',
        residentialStart: '2027-10-05',
        residentialEnd: '2027-10-09',
        capacity: '25',
        registrationOpen: 'on',
        registrationDeadline: '2027-08-15',
        feeAmount: '1500.50',
        feeCurrency: 'eur',
      });
      expect(edition.statusCode).toBe(303);
      const editionId = edition.headers.location!.replace('/editions/', '');
      const stored = await deps.db
        .selectFrom('editions')
        .selectAll()
        .where('id', '=', editionId)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        fee_amount: 150050,
        fee_currency: 'EUR',
        starts_on: '2027-09-01',
        ends_on: '2027-10-09',
      });
      expect((await manager.get(`/manage/editions/${editionId}/edit`)).body).toContain('value="1500.50"');
      const retired = await manager.send('/manage/courses/WEB-NEW1/retire');
      expect(retired.statusCode).toBe(303);
      expect((await app.inject('/courses/WEB-NEW1')).statusCode).toBe(404);
      expect((await manager.send('/manage/courses/WEB-NEW1/reactivate')).statusCode).toBe(303);
      expect((await app.inject('/courses/WEB-NEW1')).statusCode).toBe(200);
      expect((await manager.send('/manage/courses/NOPE404/retire')).statusCode).toBe(404);
      expect((await manager.send('/manage/courses/x/reactivate')).statusCode).toBe(404);
    });
  });
}
