import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildProgramme } from '../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../test/helpers/http.js';
import { apiUser, Client, countRows, fieldError, signedIn } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';

/** Web and API routes of programmes and themes. */

const en = translator('en');
const fr = translator('fr');
type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};

const PROGRAMME_FORM = {
  'title.en': 'Diploma in Testing',
  'title.fr': 'Diplôme de test',
  'summary.en': 'A programme for tests.',
  windowYears: '5',
  electivesRequired: '3',
  totalHours: '300',
  capstoneHours: '40',
};
const PROGRAMME_JSON = {
  title: { en: 'Diploma in Testing', fr: 'Diplôme de test' },
  summary: { en: 'A programme for tests.' },
  windowYears: 5,
  electivesRequired: 3,
  totalHours: 300,
  capstoneHours: 40,
};

for (const dialect of DIALECTS) {
  describe(`${dialect}: programmes web and API`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      await buildProgramme(deps);
    });
    afterAll(async () => close?.());

    const contentState = async () =>
      JSON.stringify([
        await deps.db.selectFrom('programmes').selectAll().orderBy('id').execute(),
        await deps.db.selectFrom('themes').selectAll().orderBy('id').execute(),
        await countRows(deps, 'audit_events'),
      ]);
    const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      const body = response.json() as ErrorBody;
      expect(body.error.code).toBe(code);
      return body;
    };

    it('shows the home page and the programme page, in French with a visible fallback to English', async () => {
      const home = await app.inject('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('href="/programmes/labour-migration"');
      const english = await app.inject('/programmes/labour-migration');
      expect(english.statusCode).toBe(200);
      expect(english.body).toContain('Diploma in Testing');
      expect(english.body).not.toContain('class="fallback"');

      const french = await app.inject({
        url: '/programmes/labour-migration',
        headers: { 'accept-language': 'fr-FR' },
      });
      expect(french.body).toContain('<html lang="fr"');
      expect(french.body).toContain('Diplôme de test');
      const marker = fr.t('content.fallback', { language: fr.t('language.en') });
      expect(marker).toBe('(en anglais)');
      // The summary exists in English only: shown, marked as English, with the marker in French.
      expect(french.body).toMatch(
        /<p lang="en">A programme for tests\. <small class="fallback" lang="fr">\(en anglais\)<\/small><\/p>/,
      );
      expect(french.body).toContain(`<small class="fallback" lang="fr">${marker}</small>`);
      const spanish = await app.inject({
        url: '/programmes/labour-migration',
        headers: { 'accept-language': 'es' },
      });
      expect(spanish.body).toContain(
        translator('es').t('content.fallback', { language: translator('es').t('language.en') }),
      );
    });

    it('answers 404 for unknown or malformed programme slugs', async () => {
      for (const url of [
        '/programmes/no-such-programme',
        '/programmes/Bad%20Slug',
        `/programmes/${'a'.repeat(81)}`,
      ]) {
        const response = await app.inject({ url, headers: { 'accept-language': 'fr' } });
        expect(response.statusCode, url).toBe(404);
        expect(response.body, url).toContain(fr.t('errors.not_found'));
      }
      expectError(await api(app, 'GET', '/api/v1/programmes/no-such-programme'), 404, 'not_found');
    });

    it('keeps the management screens for programme managers (sign-in, 403, 404)', async () => {
      const screens = ['/manage', '/manage/programmes/labour-migration/edit', '/manage/themes/rights/edit'];
      for (const url of screens) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      }
      const { browser: participant } = await signedIn(app, deps, [
        'participant',
        'facilitator',
        'administrator',
      ]);
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      for (const url of screens) {
        expect((await participant.get(url)).statusCode, url).toBe(403);
        expect((await manager.get(url)).statusCode, url).toBe(200);
      }
      expect((await manager.get('/manage/programmes/labour-migration/edit')).body).toContain(
        'value="Diplôme de test"',
      );
      for (const url of [
        '/manage/programmes/nope/edit',
        '/manage/themes/nope/edit',
        '/manage/programmes/Bad%20Slug/edit',
      ]) {
        expect((await manager.get(url)).statusCode, url).toBe(404);
      }

      const before = await contentState();
      for (const [url, fields] of [
        ['/manage/programmes/labour-migration/edit', { ...PROGRAMME_FORM, 'title.en': 'Hijacked' }],
        ['/manage/themes/rights/edit', { 'name.en': 'Hijacked' }],
      ] as const) {
        const anonymous = await new Client(app).send(url, fields);
        expect(anonymous.statusCode, url).toBe(401);
        expect(anonymous.body, url).toContain(en.t('errors.unauthenticated'));
        expect((await participant.send(url, fields)).statusCode, url).toBe(403);
      }
      expect((await manager.send('/manage/programmes/nope/edit', PROGRAMME_FORM)).statusCode).toBe(404);
      expect((await manager.send('/manage/themes/nope/edit', { 'name.en': 'X' })).statusCode).toBe(404);
      expect(await contentState()).toBe(before);
    });

    it('refuses invalid programme and theme forms next to the fields, then saves valid ones', async () => {
      const { browser: manager } = await signedIn(app, deps, ['manager'], { locale: 'fr' });
      const before = await contentState();
      const bad = await manager.send('/manage/programmes/labour-migration/edit', {
        ...PROGRAMME_FORM,
        'title.en': ' ',
        'title.fr': '',
        windowYears: '0',
        totalHours: 'beaucoup',
        capstoneHours: '2.5',
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldError(bad.body, 'title.en')).toBe(fr.t('validation.requiredOneLanguage'));
      expect(fieldError(bad.body, 'windowYears')).toBe(fr.t('validation.tooSmall', { min: 1 }));
      expect(fieldError(bad.body, 'totalHours')).toBe(fr.t('validation.notNumber'));
      expect(fieldError(bad.body, 'capstoneHours')).toBe(fr.t('validation.notInteger'));
      const theme = await manager.send('/manage/themes/rights/edit', {
        'name.en': '',
        'description.en': 'x'.repeat(601),
      });
      expect(theme.statusCode).toBe(400);
      expect(fieldError(theme.body, 'name.en')).toBe(fr.t('validation.requiredOneLanguage'));
      expect(fieldError(theme.body, 'description.en')).toBe(fr.t('validation.tooLong', { max: 600 }));
      expect(await contentState()).toBe(before);

      const saved = await manager.send('/manage/programmes/labour-migration/edit', {
        ...PROGRAMME_FORM,
        'summary.fr': 'Un programme pour les tests.',
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/programmes/labour-migration');
      const page = await manager.get('/programmes/labour-migration');
      expect(page.body).toContain('Un programme pour les tests.');
      expect(page.body).toContain(fr.t('flash.programmeSaved'));
      const renamed = await manager.send('/manage/themes/rights/edit', {
        'name.en': 'Rights',
        'name.fr': 'Droits',
      });
      expect(renamed.statusCode).toBe(303);
      expect(renamed.headers.location).toBe('/manage');
      expect(
        (await app.inject({ url: '/programmes/labour-migration', headers: { 'accept-language': 'fr' } }))
          .body,
      ).toContain('Droits');
    });

    it('serves programmes and themes as JSON, and lets managers replace them (401/403/404/400 first)', async () => {
      const manager = (await apiUser(deps, ['manager'])).token;
      const participant = (await apiUser(deps, ['participant', 'administrator'])).token;
      const list = await api(app, 'GET', '/api/v1/programmes');
      expect(list.statusCode).toBe(200);
      expect(list.json().programmes.map((p: { slug: string }) => p.slug)).toEqual(['labour-migration']);
      const one = await api(app, 'GET', '/api/v1/programmes/labour-migration');
      expect(one.json()).toMatchObject({
        slug: 'labour-migration',
        windowYears: expect.any(Number),
        themes: expect.any(Array),
      });
      expect(
        (await api(app, 'GET', '/api/v1/themes')).json().themes.map((t: { slug: string }) => t.slug),
      ).toEqual(['governance', 'rights', 'development']);

      const before = await contentState();
      const put = (url: string, body: unknown, token?: string) => api(app, 'PUT', url, { token, body });
      expectError(await put('/api/v1/programmes/labour-migration', PROGRAMME_JSON), 401, 'unauthenticated');
      expectError(
        await put('/api/v1/programmes/labour-migration', PROGRAMME_JSON, participant),
        403,
        'forbidden',
      );
      expectError(await put('/api/v1/programmes/nope', PROGRAMME_JSON, manager), 404, 'not_found');
      const bad = expectError(
        await put(
          '/api/v1/programmes/labour-migration?lang=fr',
          { ...PROGRAMME_JSON, summary: {}, electivesRequired: -1, windowYears: 21 },
          manager,
        ),
        400,
        'validation_failed',
      );
      expect(bad.error.fields).toEqual(
        expect.arrayContaining([
          {
            path: 'summary.en',
            code: 'requiredOneLanguage',
            message: fr.t('validation.requiredOneLanguage'),
          },
          { path: 'windowYears', code: 'tooBig', message: fr.t('validation.tooBig', { max: 20 }) },
          { path: 'electivesRequired', code: 'tooSmall', message: fr.t('validation.tooSmall', { min: 0 }) },
        ]),
      );
      expectError(await put('/api/v1/themes/rights', { name: { en: 'X' } }), 401, 'unauthenticated');
      expectError(await put('/api/v1/themes/rights', { name: { en: 'X' } }, participant), 403, 'forbidden');
      expectError(await put('/api/v1/themes/nope', { name: { en: 'X' } }, manager), 404, 'not_found');
      const badTheme = expectError(
        await put('/api/v1/themes/rights', { name: { de: 'Rechte' } }, manager),
        400,
        'validation_failed',
      );
      expect(badTheme.error.fields?.map((f) => f.path)).toEqual(['name.en']);
      expect(await contentState()).toBe(before);

      const replaced = await put(
        '/api/v1/programmes/labour-migration',
        { ...PROGRAMME_JSON, totalHours: 310 },
        manager,
      );
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json()).toMatchObject({ totalHours: 310, summary: { en: 'A programme for tests.' } });
      const theme = await put(
        '/api/v1/themes/development',
        { name: { es: 'Desarrollo' }, description: { en: 'Growth.' } },
        manager,
      );
      expect(theme.statusCode).toBe(200);
      expect(theme.json()).toEqual({
        slug: 'development',
        name: { es: 'Desarrollo' },
        description: { en: 'Growth.' },
      });
    });
  });
}
