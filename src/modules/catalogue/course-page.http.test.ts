import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { type Client, signedIn } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { setCourseStatus } from './set-course-status.js';

/** The public course page, whose contents are kept between requests (ADR 0009). */

const en = translator('en');
const SYSTEM = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: course page`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    it('shows a course page’s changes at once although its contents are kept, per language and rights', async () => {
      const course = await buildCourse(deps, {
        title: { en: 'Kept course page yy', fr: 'Page de cours gardée yy' },
      });
      const page = async (browser?: Client, language = 'en', status = 200) => {
        const url = `/courses/${course.code}`;
        const response = browser
          ? await browser.get(url)
          : await app.inject({ url, headers: { 'accept-language': language } });
        expect(response.statusCode, url).toBe(status);
        return response.body;
      };
      expect(await page()).toContain('<title>Kept course page yy');
      expect(await page()).toContain(en.t('course.noUpcoming'));
      expect(await page(undefined, 'fr')).toContain('Page de cours gardée yy');
      // A new edition (another table) shows on the next request.
      await buildEdition(deps, course.code, { language: 'es' });
      expect(await page()).not.toContain(en.t('course.noUpcoming'));
      // A manager's page has the manager's buttons and a CSRF token; a visitor's kept page never gets them.
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      expect(await page(manager)).toContain(`href="/manage/courses/${course.code}/edit"`);
      expect(await page()).not.toContain(`href="/manage/courses/${course.code}/edit"`);
      // Retired: not found at once for visitors, still shown to managers.
      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      await page(undefined, 'en', 404);
      expect(await page(manager)).toContain(en.t('course.retiredNotice'));
      await page(undefined, 'en', 404);
    });
  });
}
