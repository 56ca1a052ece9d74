import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../../../test/helpers/credential-pages.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client } from '../../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { type Locale, translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { createPerson } from '../create-person.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../demo/demo-people.js';

/**
 * The sign-in page names the demo accounts and the language each opens the platform in, in the reader's
 * language, when (and only when) the demo data is loaded: the administrator and the facilitator sign in
 * to French, the manager to Spanish.
 */

const SYSTEM = systemActor('test');
const ONE_PER_ROLE = DEMO_STAFF.slice(0, 5);

/** The demo note of a page as plain text, or null when the page has none. */
function demoNote(html: string): string | null {
  const aside = /<aside class="card demo-accounts"[\s\S]*?<\/aside>/.exec(html);
  return aside ? plainText(aside[0]) : null;
}

/** The line the note shows for a demo account, in `locale`. */
function line(locale: Locale, email: string, accountLocale: Locale): string {
  const t = translator(locale);
  const person = ONE_PER_ROLE.find((p) => p.email === email)!;
  return t.t('signIn.demoAccount', {
    role: t.t(`role.${person.roles[0]}`),
    email,
    language: t.t(`language.${accountLocale}`),
  });
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: the demo accounts on the sign-in page`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    it('says nothing about demo accounts when the demo data is not loaded', async () => {
      const page = await new Client(app).get('/sign-in');
      expect(page.statusCode).toBe(200);
      expect(demoNote(page.body)).toBeNull();
      expect(page.body).not.toContain('admin@example.org');
    });

    it('lists each demo account with the language it opens in, in the reader’s language', async () => {
      for (const person of DEMO_STAFF) {
        await createPerson(deps.db, deps, SYSTEM, {
          email: person.email,
          password: DEMO_PASSWORD,
          fullName: person.fullName,
          preferredLocale: person.locale,
          roles: person.roles,
        });
      }
      const english = demoNote((await new Client(app).get('/sign-in', { 'accept-language': 'en' })).body);
      const en = translator('en');
      expect(english).toContain(en.t('signIn.demoTitle'));
      expect(english).toContain(en.t('signIn.demoIntro'));
      expect(english).toContain(line('en', 'admin@example.org', 'fr'));
      expect(english).toContain('Administrator: admin@example.org, in French');
      expect(english).toContain('manager@example.org, in Spanish');
      expect(english).toContain('facilitator@example.org, in French');
      expect(english).toContain('assessor@example.org, in English');
      expect(english).toContain('participant@example.org, in English');
      // One per role, in the demo's order; the other demo people are not listed.
      expect(english!.indexOf('admin@')).toBeLessThan(english!.indexOf('manager@'));
      expect(english).not.toContain('ngozi.okafor@example.org');

      const french = demoNote((await new Client(app).get('/sign-in', { 'accept-language': 'fr' })).body);
      expect(french).toContain(translator('fr').t('signIn.demoTitle'));
      expect(french).toContain(line('fr', 'manager@example.org', 'es'));
      expect(french).toContain('manager@example.org, en espagnol');
      const spanish = demoNote((await new Client(app).get('/sign-in', { 'accept-language': 'es' })).body);
      expect(spanish).toContain('admin@example.org, en francés');
    });

    it('follows the accounts as they are: a changed language, a disabled account', async () => {
      await deps.db
        .updateTable('users')
        .set({ preferred_locale: 'es' })
        .where('email', '=', 'facilitator@example.org')
        .execute();
      await deps.db
        .updateTable('users')
        .set({ disabled_at: new Date().toISOString() })
        .where('email', '=', 'assessor@example.org')
        .execute();
      const note = demoNote((await new Client(app).get('/sign-in', { 'accept-language': 'en' })).body);
      expect(note).toContain(line('en', 'facilitator@example.org', 'es'));
      expect(note).not.toContain('assessor@example.org');
    });

    it('keeps the note when a sign-in fails and the form comes back', async () => {
      const client = new Client(app);
      const failed = await client.send('/sign-in', {
        email: 'admin@example.org',
        password: 'wrong-password',
      });
      expect(failed.statusCode).toBe(401);
      expect(demoNote(failed.body)).toContain('admin@example.org');
    });
  });
}
