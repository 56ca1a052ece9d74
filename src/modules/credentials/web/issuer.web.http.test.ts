import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../../../test/helpers/credential-pages.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, fieldError, heading, signedIn } from '../../../../test/helpers/http-extra.js';
import { TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { getIssuerProfile } from '../keys/get-issuer-profile.js';

/** The administrators' issuer page: the profile form, the keys, and the confirmed key rotation. */

const fr = translator('fr');

for (const dialect of DIALECTS) {
  describe(`${dialect}: /admin/issuer`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let admin: Client;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      deps.clock.set(TEST_NOW);
      admin = (await signedIn(app, deps, ['administrator'], { locale: 'fr' })).browser;
    });
    afterAll(async () => close?.());

    it('is for administrators only', async () => {
      const anonymous = new Client(app);
      expect((await anonymous.get('/admin/issuer')).statusCode).toBe(303);
      expect((await anonymous.send('/admin/issuer', { url: 'https://example.org' })).statusCode).toBe(401);
      expect((await anonymous.send('/admin/issuer/keys/rotate')).statusCode).toBe(401);
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      for (const url of ['/admin/issuer', '/admin/issuer/keys/rotate'])
        expect((await manager.get(url)).statusCode, url).toBe(403);
      expect((await manager.send('/admin/issuer', { 'name.en': 'X', url: 'https://x.org' })).statusCode).toBe(
        403,
      );
      expect((await manager.send('/admin/issuer/keys/rotate')).statusCode).toBe(403);
      // The people page links here.
      expect((await admin.get('/admin/people')).body).toContain('href="/admin/issuer"');
    });

    it('shows the profile and the keys, and saves a valid profile; errors sit beside their fields', async () => {
      const page = await admin.get('/admin/issuer');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(fr.t('credential.web.issuer.title'));
      expect(page.body).toContain('value="http://localhost:3000"');
      expect(plainText(page.body)).toContain('did:web:localhost%3A3000');
      expect(
        (page.body.match(new RegExp(fr.t('credential.web.issuer.status.active'), 'g')) ?? []).length,
      ).toBe(2);
      expect(page.body).not.toMatch(/"d"|PRIVATE KEY/);

      const invalid = await admin.send('/admin/issuer', {
        'name.en': '',
        'name.fr': '',
        url: 'ftp://example.org',
        email: 'not an email',
      });
      expect(invalid.statusCode).toBe(400);
      expect(fieldError(invalid.body, 'url')).toBe(fr.t('validation.invalidFormat'));
      expect(fieldError(invalid.body, 'email')).toBe(fr.t('validation.invalidEmail'));
      expect(plainText(invalid.body)).toContain(fr.t('validation.requiredOneLanguage'));
      expect(invalid.body).toContain('value="not an email"');

      const saved = await admin.send('/admin/issuer', {
        'name.en': 'Training Centre',
        'name.fr': 'Centre de formation',
        url: 'https://centre.example.org',
        email: 'credentials@centre.example.org',
        imageUrl: '',
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/admin/issuer');
      expect(await getIssuerProfile(deps.db, deps)).toMatchObject({
        name: { en: 'Training Centre', fr: 'Centre de formation' },
        url: 'https://centre.example.org',
        email: 'credentials@centre.example.org',
        imageUrl: null,
      });
      const after = await admin.get('/admin/issuer');
      expect(after.body).toContain(fr.t('credential.web.flash.issuerSaved'));
      expect(after.body).toContain('value="Centre de formation"');
    });

    it('rotates the keys after a confirmation step; the old ones stay listed as retired', async () => {
      const confirm = await admin.get('/admin/issuer/keys/rotate');
      expect(confirm.statusCode).toBe(200);
      expect(heading(confirm.body)).toBe(fr.t('credential.web.issuer.rotateTitle'));
      expect(confirm.body).toContain('action="/admin/issuer/keys/rotate"');
      const before = (await deps.signer.keyring()).ed25519.kid;
      const rotated = await admin.send('/admin/issuer/keys/rotate');
      expect(rotated.statusCode).toBe(303);
      expect((await deps.signer.keyring()).ed25519.kid).not.toBe(before);
      const page = await admin.get('/admin/issuer');
      expect(page.body).toContain(fr.t('credential.web.flash.keysRotated'));
      expect(page.body).toContain(before);
      expect(plainText(page.body)).toContain(fr.t('credential.web.issuer.status.retired'));
    });
  });
}
