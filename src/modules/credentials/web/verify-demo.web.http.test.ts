import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserOf,
  submitVerifyForm,
  textOfClass,
  verdictOf,
} from '../../../../test/helpers/credential-pages.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client } from '../../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { LOCALES, translator } from '../../../i18n/i18n.js';
import { seedDemo } from '../../../seed/seed-demo.js';
import { DEMO_PASSWORD } from '../../identity/demo/demo-people.js';

/**
 * The demo's credentials on the verification pages: Aisha Bello's diploma (valid), Ahmed Benali's
 * certificate issued in error (revoked) and his diploma (suspended), each in the three languages; and the
 * signed JSON of her diploma, downloaded by her, passes every check of the paste form.
 */

const AISHA = { email: 'aisha.bello@example.org', password: DEMO_PASSWORD };
const AHMED = { email: 'ahmed.benali@example.org', password: DEMO_PASSWORD };
const en = translator('en');

for (const dialect of DIALECTS) {
  describe(`${dialect}: the demo credentials, verified`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      await seedDemo(deps);
    });
    afterAll(async () => close?.());

    /** A holder's credentials by status, as "My credentials" lists them (the verification link's id). */
    async function credentialsOf(
      holder: Client,
    ): Promise<{ id: string; status: string; isDiploma: boolean }[]> {
      const page = await holder.get('/my/credentials');
      expect(page.statusCode).toBe(200);
      const cards =
        page.body.match(/<li class="card credential[\s\S]*?<\/li>\s*(?=<li class="card|<\/ul>)/g) ?? [];
      return cards.map((card) => ({
        id: card.match(/\/verify\/([0-9a-f-]{36})/)![1]!,
        status: card.match(/badge status-(\w+)/)![1]!,
        isDiploma: card.includes('credential-diploma'),
      }));
    }

    it('says valid, revoked and suspended in English, French and Spanish', async () => {
      const aisha = await credentialsOf(await browserOf(app, AISHA));
      const ahmed = await credentialsOf(await browserOf(app, AHMED));
      const diploma = aisha.find((item) => item.isDiploma)!;
      const revoked = ahmed.find((item) => item.status === 'revoked')!;
      const suspended = ahmed.find((item) => item.isDiploma)!;
      expect(suspended.status).toBe('suspended');
      for (const locale of LOCALES) {
        const t = translator(locale);
        const visit = (id: string) =>
          app.inject({ url: `/verify/${id}`, headers: { 'accept-language': locale } });
        expect(verdictOf((await visit(diploma.id)).body), locale).toBe(t.t('credential.status.valid'));
        const revokedPage = (await visit(revoked.id)).body;
        expect(verdictOf(revokedPage), locale).toBe(t.t('credential.status.revoked'));
        expect(textOfClass(revokedPage, 'verdict')).toContain(t.t('credential.reason.issued-in-error'));
        const suspendedPage = (await visit(suspended.id)).body;
        expect(verdictOf(suspendedPage), locale).toBe(t.t('credential.status.suspended'));
        expect(textOfClass(suspendedPage, 'verdict')).toContain(t.t('credential.reason.under-investigation'));
      }
    });

    it('checks the signed JSON of her diploma that Aisha downloaded: every check passes', async () => {
      const holder = await browserOf(app, AISHA);
      const diploma = (await credentialsOf(holder)).find((item) => item.isDiploma)!;
      const json = await holder.get(`/credentials/${diploma.id}.json`);
      expect(json.statusCode).toBe(200);
      const checked = await submitVerifyForm(new Client(app), {
        file: { name: 'diploma.json', content: json.body },
      });
      expect(checked.statusCode).toBe(200);
      expect(verdictOf(checked.body)).toBe(en.t('credential.web.check.verdict.valid'));
      expect(checked.body).not.toContain('<tr class="failed">');
      expect((checked.body.match(/<tr class="passed">/g) ?? []).length).toBe(5);
      const clr = await holder.get(`/credentials/${diploma.id}.clr.json`);
      const bundle = await submitVerifyForm(new Client(app), { pasted: clr.body });
      expect(verdictOf(bundle.body)).toBe(en.t('credential.web.check.verdict.valid'));
      expect(bundle.body).toContain(en.t('credential.check.schema.clr_components'));
    });
  });
}
