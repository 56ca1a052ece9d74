import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildEdition } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, fieldError } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';

/** Filters that cannot be used keep the page, the filters and say why; the other filters fold away. */

const fr = translator('fr');
const en = translator('en');
const html = (text: string) => text.replace(/'/g, '&#39;').replace(/"/g, '&quot;');

describe('catalogue filters', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let code: string;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    code = (await buildCourse(deps)).code;
    await buildEdition(deps, code, { language: 'fr' });
  });
  afterAll(async () => close?.());

  const get = (url: string, locale = 'fr') => new Client(app).get(url, { 'accept-language': locale });

  it('refuses reversed dates with a translated message, keeping every filter as typed', async () => {
    const page = await get('/courses?language=fr&from=2027-05-01&to=2027-01-01&q=mesurer');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<html lang="fr"');
    expect(fieldError(page.body, 'to')).toBe(html(fr.t('catalogue.error.reversedDates')));
    expect(page.body).toMatch(/id="field-from"[^>]*value="2027-05-01"/);
    expect(page.body).toMatch(/id="field-to"[^>]*value="2027-01-01"/);
    expect(page.body).toMatch(/id="field-q"[^>]*value="mesurer"/);
    expect(page.body).toMatch(/<option value="fr" selected/);
    // The usable filters still search: the course is listed.
    expect(page.body).toContain(`href="/courses/${code}"`);
    // The API says so too.
    const api = await app.inject({ url: '/api/v1/courses?from=2027-05-01&to=2027-01-01' });
    expect(api.statusCode).toBe(400);
  });

  it('answers an oversized or malformed query with the page and a message, not a bare error', async () => {
    const long = await get(`/courses?q=${'a'.repeat(5000)}&mode=online`, 'en');
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(en.t('catalogue.title'));
    expect(fieldError(long.body, 'q')).toBe(en.t('validation.tooLong', { max: 200 }));
    expect(long.body).toMatch(/<option value="online" selected/);
    const malformed = await get('/courses?from=yesterday&page=-3&theme[x]=1', 'en');
    expect(malformed.statusCode).toBe(400);
    expect(fieldError(malformed.body, 'from')).toBe(en.t('validation.invalidDate'));
    expect(malformed.body).toMatch(/id="field-from"[^>]*value="yesterday"/);
    expect(malformed.body).toContain(`href="/courses/${code}"`);
  });

  it('keeps the text search in view and folds the other filters unless one is in use', async () => {
    const plain = await get('/courses', 'en');
    expect(plain.body).toMatch(/<details class="more-filters wide">/);
    const used = await get('/courses?mode=online', 'en');
    expect(used.body).toMatch(/<details class="more-filters wide" open/);
    expect(used.body).toContain(en.t('catalogue.moreFilters', { count: 1 }));
  });
});
