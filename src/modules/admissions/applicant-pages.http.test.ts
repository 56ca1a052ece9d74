import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, TINY_PDF, uploadForm } from '../../../test/helpers/application-factories.js';
import { buildCourse, buildProgramme } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { fieldError, heading, signedIn } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { setStrictMessages, translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { createRuleVersion } from '../pathway/rule-versions.js';
import { MOTIVATION_MIN_LENGTH } from './application.js';
import { decideApplication } from './review/decide-application.js';

/** What the walk-through met on the applicant's pages (issue 10, point 13). */

const en = translator('en');
const fr = translator('fr');
const html = (text: string) => text.replace(/'/g, '&#39;').replace(/"/g, '&quot;');

describe('applicant pages: the walk-through’s small items', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  beforeAll(async () => {
    setStrictMessages(true);
    ({ app, deps, close } = await createTestApp('sqlite'));
    await buildProgramme(deps);
  });
  afterAll(() => close());

  it('pre-fills the full name from the account, in a field that follows the script’s direction', async () => {
    const { browser } = await signedIn(app, deps, ['participant'], { fullName: 'نور الهدى Haddad' });
    const created = await browser.send('/programmes/labour-migration/apply');
    const step = await browser.get(String(created.headers.location));
    expect(step.statusCode).toBe(200);
    expect(step.body).toMatch(/<input[^>]*name="fullName"[^>]*value="نور الهدى Haddad"[^>]*dir="auto"/);
    const account = await browser.get('/account');
    expect(account.body).toMatch(/<input[^>]*name="fullName"[^>]*dir="auto"/);
    const signUp = await browser.get('/sign-up');
    expect(signUp.body).toMatch(/<input[^>]*name="fullName"[^>]*dir="auto"/);
  });

  it('refuses a motivation below the minimum at “Save and continue”, but keeps a draft', async () => {
    const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
    const { id } = await buildApplication(deps, { person });
    const url = `/my/applications/${id}/steps/motivation`;
    const short = await browser.send(url, { motivation: 'Trop court.', after: 'next' });
    expect(short.statusCode).toBe(400);
    expect(fieldError(short.body, 'motivation')).toBe(
      html(fr.t('admissions.error.motivationTooShort', { min: MOTIVATION_MIN_LENGTH, count: 11 })),
    );
    expect((await browser.send(url, { motivation: '', after: 'next' })).statusCode).toBe(400);
    const draft = await browser.send(url, { motivation: 'Trop court.', after: 'stay' });
    expect(draft.statusCode).toBe(303);
    const enough = await browser.send(url, { motivation: 'x'.repeat(MOTIVATION_MIN_LENGTH), after: 'next' });
    expect(enough.statusCode).toBe(303);
  });

  it('says "choose a file" for Upload without a file, and asks before removing one (a page, no script)', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id } = await buildApplication(deps, { person });
    const none = await uploadForm(browser, id, 'cv', {
      name: '',
      content: '',
      type: 'application/octet-stream',
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain(html(en.t('admissions.error.noFile')));
    expect(none.body).not.toContain(html(en.t('admissions.error.fileEmpty')));
    expect((await uploadForm(browser, id, 'cv', { name: 'cv.pdf', content: TINY_PDF })).statusCode).toBe(303);
    const documents = await browser.get(`/my/applications/${id}/steps/documents`);
    expect(documents.body).toContain(`href="/my/applications/${id}/files/cv/delete"`);
    expect(documents.body).not.toContain(`action="/my/applications/${id}/files/cv/delete"`);
    const confirm = await browser.get(`/my/applications/${id}/files/cv/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(heading(confirm.body)).toBe(en.t('admissions.removeFile.title'));
    expect(confirm.body).toContain('cv.pdf');
    expect(confirm.body).toContain(`action="/my/applications/${id}/files/cv/delete"`);
    // Nothing is removed by looking at the question.
    expect((await browser.get(`/my/applications/${id}/steps/documents`)).body).toContain('cv.pdf');
    const removed = await browser.send(`/my/applications/${id}/files/cv/delete`);
    expect(removed.statusCode).toBe(303);
    expect((await browser.get(`/my/applications/${id}/steps/documents`)).body).not.toContain('cv.pdf');
    // With nothing left to remove, the question leads back to the documents.
    expect((await browser.get(`/my/applications/${id}/files/cv/delete`)).headers.location).toBe(
      `/my/applications/${id}/steps/documents`,
    );
  });

  it('lists the documents on the status page and says what to do once accepted', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id } = await buildApplication(deps, { person });
    await uploadForm(browser, id, 'cv', { name: 'my-cv.pdf', content: TINY_PDF });
    const { submitApplication } = await import('./submit-application.js');
    const { fillApplication } = await import('../../../test/helpers/application-factories.js');
    const actor = { kind: 'user' as const, id: person.id, roles: person.roles, via: 'session' as const };
    await fillApplication(deps, actor, id);
    await submitApplication(deps.db, deps, actor, id, {});
    const submitted = await browser.get(`/my/applications/${id}`);
    expect(submitted.body).toContain(en.t('admissions.statusDocuments.title'));
    // (Filling the application uploads its own CV over this one.)
    expect(submitted.body).toMatch(new RegExp(`href="/my/applications/${id}/files/cv">[^<]+\\.pdf</a>`));
    expect(submitted.body).not.toContain(en.t('admissions.afterAcceptance.title'));
    // Accepting registers a candidate, under the programme's rules.
    const course = await buildCourse(deps);
    await createRuleVersion(deps.db, deps, systemActor('test'), 'labour-migration', {
      effectiveFrom: '2020-01-01',
      rules: { window: { years: 5 }, requirements: [{ id: 'one', kind: 'course', courses: [course.code] }] },
    });
    await decideApplication(deps.db, deps, systemActor('test'), id, { decision: 'accept', message: null });
    const accepted = await browser.get(`/my/applications/${id}`);
    expect(accepted.body).toContain(en.t('admissions.afterAcceptance.title'));
    expect(accepted.body).toContain('href="/my/pathway"');
  });
});
