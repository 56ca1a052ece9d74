import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardableCandidate, issuedCertificate } from '../../../../test/helpers/credential-factories.js';
import {
  browserOf,
  plainText,
  submitVerifyForm,
  textOfClass,
  verdictOf,
} from '../../../../test/helpers/credential-pages.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, heading, signedIn } from '../../../../test/helpers/http-extra.js';
import { TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { LOCALES, translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { formatShortCode } from '../credential.js';
import { awardDiploma } from '../issuing/award-diploma.js';
import { revokeCredential } from '../status/revoke-credential.js';
import { suspendCredential } from '../status/suspend-credential.js';
import { MAX_SUBMITTED_BYTES } from '../verifying/submitted-credential.js';

/** The public verification pages: `/verify/{id}` (valid, revoked, suspended, not found) and `/verify`. */

const SYSTEM = systemActor('test');
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';
const HOLDER_NAME = 'Zoë Ñúñez-Łukasik';

for (const dialect of DIALECTS) {
  describe(`${dialect}: the credential verification pages`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      deps.clock.set(TEST_NOW);
    });
    afterAll(async () => close?.());

    const visit = (url: string, locale = 'en') => app.inject({ url, headers: { 'accept-language': locale } });

    it('says VALID in the visitor’s language, with the holder, the achievement, the issuer and the date', async () => {
      const { credential } = await issuedCertificate(deps, { fullName: HOLDER_NAME, locale: 'fr' });
      for (const locale of LOCALES) {
        const t = translator(locale);
        const page = await visit(`/verify/${credential.id}`, locale);
        expect(page.statusCode, locale).toBe(200);
        expect(page.headers['cache-control']).toBe('no-store');
        expect(page.body).toContain(`<html lang="${locale}"`);
        expect(verdictOf(page.body), locale).toBe(t.t('credential.status.valid'));
        const text = plainText(page.body);
        expect(text).toContain(HOLDER_NAME);
        expect(text).toContain(t.t('credential.kind.achievement'));
        expect(text).toContain(t.date('2025-06-27', 'long'));
        expect(text).toContain(formatShortCode(credential.short_code));
        expect(text).toContain(t.t('credential.web.verify.about'));
        // The language switcher comes back here; no script, no download links for a visitor.
        expect(page.body).toContain(`/lang/fr?next=${encodeURIComponent(`/verify/${credential.id}`)}`);
        expect(page.body).not.toContain('<script');
        expect(page.body).not.toContain(`/credentials/${credential.id}.json`);
      }
    });

    it('says REVOKED with the date and the reason category (never the note), and SUSPENDED', async () => {
      const { credential } = await issuedCertificate(deps);
      const other = await issuedCertificate(deps);
      await revokeCredential(deps.db, deps, SYSTEM, credential.id, {
        reason: 'academic-misconduct',
        note: 'A private note about the case.',
      });
      await suspendCredential(deps.db, deps, SYSTEM, other.credential.id, {
        reason: 'under-investigation',
        note: 'Another private note.',
      });
      for (const locale of LOCALES) {
        const t = translator(locale);
        const revoked = await visit(`/verify/${credential.id}`, locale);
        expect(revoked.statusCode).toBe(200);
        expect(verdictOf(revoked.body), locale).toBe(t.t('credential.status.revoked'));
        const verdict = textOfClass(revoked.body, 'verdict');
        expect(verdict).toContain(t.t('credential.web.revokedOn', { date: t.date(TEST_NOW, 'long') }));
        expect(verdict).toContain(t.t('credential.reason.academic-misconduct'));
        expect(revoked.body).not.toContain('A private note');
        const suspended = await visit(`/verify/${other.credential.id}`, locale);
        expect(verdictOf(suspended.body), locale).toBe(t.t('credential.status.suspended'));
        expect(textOfClass(suspended.body, 'verdict')).toContain(
          t.t('credential.reason.under-investigation'),
        );
        expect(suspended.body).not.toContain('Another private note');
      }
    });

    it('answers an unknown credential with a translated 404 that still explains the page', async () => {
      for (const locale of LOCALES) {
        const t = translator(locale);
        for (const url of [`/verify/${UNKNOWN_ID}`, '/verify/not-a-credential', '/verify/ZZZZ-ZZZZ']) {
          const page = await visit(url, locale);
          expect(page.statusCode, url).toBe(404);
          expect(heading(page.body)).toBe(t.t('credential.web.notFound.title'));
          expect(verdictOf(page.body)).toBe(t.t('credential.web.notFound.status'));
          expect(plainText(page.body)).toContain(t.t('credential.web.verify.about'));
          expect(page.body).toContain('action="/verify"');
        }
      }
    });

    it('finds a credential by its printed code (any case, with or without the dash)', async () => {
      const { credential } = await issuedCertificate(deps);
      const code = formatShortCode(credential.short_code);
      const byPath = await visit(`/verify/${code.toLowerCase()}`);
      expect(byPath.statusCode).toBe(302);
      expect(byPath.headers.location).toBe(`/verify/${credential.id}`);
      const byForm = await visit(`/verify?code=${encodeURIComponent(` ${credential.short_code} `)}`);
      expect(byForm.statusCode).toBe(303);
      expect(byForm.headers.location).toBe(`/verify/${credential.id}`);
      const unknown = await visit('/verify?code=ZZZZ-ZZZZ', 'es');
      expect(unknown.statusCode).toBe(404);
      expect(heading(unknown.body)).toBe(translator('es').t('credential.web.notFound.title'));
      expect(unknown.body).toContain('value="ZZZZ-ZZZZ"');
      const short = await visit(`/v/${code}`);
      expect(short.headers.location).toBe(`/verify/${credential.id}`);
    });

    it('offers the downloads to the holder and managers only', async () => {
      const { credential, person } = await issuedCertificate(deps);
      const url = `/verify/${credential.id}`;
      const holder = await browserOf(app, person);
      const holderPage = await holder.get(url);
      expect(holderPage.body).toContain(`/credentials/${credential.id}.json`);
      expect(holderPage.body).toContain(`/credentials/${credential.id}.pdf`);
      expect(holderPage.body).toContain(`/credentials/${credential.id}.jwt?alg=EdDSA`);
      expect(holderPage.body).not.toContain('.clr.json');
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      expect((await manager.get(url)).body).toContain(`/credentials/${credential.id}.json`);
      const { browser: stranger } = await signedIn(app, deps, ['participant']);
      const strangerPage = await stranger.get(url);
      expect(strangerPage.statusCode).toBe(200);
      expect(strangerPage.body).not.toContain(`/credentials/${credential.id}.json`);
    });

    it('lists a diploma’s components with their own status; revoking one suspends the diploma', async () => {
      const { person, candidacyId } = await awardableCandidate(deps);
      const { id: diplomaId } = await awardDiploma(deps.db, deps, SYSTEM, candidacyId);
      const en = translator('en');
      const page = await visit(`/verify/${diplomaId}`);
      expect(verdictOf(page.body)).toBe(en.t('credential.status.valid'));
      const components = page.body.match(/<table class="components"[\s\S]*?<\/table>/)?.[0] ?? '';
      const links = [...components.matchAll(/href="\/verify\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
      expect(links).toHaveLength(4);
      expect((components.match(/badge status-valid/g) ?? []).length).toBe(4);

      await revokeCredential(deps.db, deps, SYSTEM, links[1]!, {
        reason: 'issued-in-error',
        note: 'Wrong person.',
      });
      const after = await visit(`/verify/${diplomaId}`, 'fr');
      const fr = translator('fr');
      expect(verdictOf(after.body)).toBe(fr.t('credential.status.suspended'));
      expect(textOfClass(after.body, 'verdict')).toContain(fr.t('credential.reason.component-revoked'));
      const table = after.body.match(/<table class="components"[\s\S]*?<\/table>/)?.[0] ?? '';
      expect((table.match(/badge status-revoked/g) ?? []).length).toBe(1);
      expect(plainText(table)).toContain(fr.t('credential.reason.issued-in-error'));
      const holder = await browserOf(app, person);
      expect((await holder.get(`/verify/${diplomaId}`)).body).toContain(`/credentials/${diplomaId}.clr.json`);
    });
  });

  describe(`${dialect}: checking a pasted or uploaded credential (/verify)`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      deps.clock.set(TEST_NOW);
    });
    afterAll(async () => close?.());

    const en = translator('en');
    /** The pass/fail of each check row of a result page, by the check's label. */
    const outcomes = (html: string) =>
      [...html.matchAll(/<tr class="(passed|failed)"><th scope="row">([^<]+)<\/th>/g)].map(
        (m) => `${m[2]}:${m[1]}`,
      );
    const allPassed = ['schema', 'proof', 'status', 'validity', 'issuer'].map(
      (id) => `${en.t(`credential.checkName.${id}`)}:passed`,
    );

    it('shows the form to anyone, with the code look-up', async () => {
      const page = await new Client(app).get('/verify');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('credential.web.check.title'));
      expect(page.body).toContain('enctype="multipart/form-data"');
      expect(page.body).toContain('name="code"');
    });

    it('checks the JSON its holder downloaded, pasted or uploaded, and its JWTs: every check passes', async () => {
      const { credential, person } = await issuedCertificate(deps, { fullName: HOLDER_NAME });
      const holder = await browserOf(app, person);
      const download = await holder.get(`/credentials/${credential.id}.json`);
      expect(download.statusCode).toBe(200);
      const json = download.body;
      const visitor = new Client(app);
      const pasted = await submitVerifyForm(visitor, { pasted: json });
      expect(pasted.statusCode).toBe(200);
      expect(verdictOf(pasted.body)).toBe(en.t('credential.web.check.verdict.valid'));
      expect(outcomes(pasted.body)).toEqual(allPassed);
      expect(plainText(pasted.body)).toContain(en.t('credential.check.proof.ok'));
      expect(plainText(pasted.body)).toContain(HOLDER_NAME);
      expect(pasted.body).toContain(`href="/verify/${credential.id}"`);
      const uploaded = await submitVerifyForm(visitor, { file: { name: 'credential.json', content: json } });
      expect(outcomes(uploaded.body)).toEqual(allPassed);
      const jwt = await holder.get(`/credentials/${credential.id}.jwt?alg=EdDSA`);
      const jwtChecked = await submitVerifyForm(visitor, {
        file: { name: 'credential.jwt', content: jwt.body, type: 'application/octet-stream' },
      });
      expect(outcomes(jwtChecked.body)).toEqual(allPassed);
      expect(plainText(jwtChecked.body)).toContain(en.t('credential.web.check.kind.jwt'));
      // Urlencoded (a paste without the page's multipart form) works too.
      const plain = await visitor.send('/verify', { credential: credential.jwt_rs256 });
      expect(outcomes(plain.body)).toEqual(allPassed);
    });

    it('says which check fails for a tampered, a revoked and a foreign credential, in French', async () => {
      const { credential } = await issuedCertificate(deps);
      const tampered = JSON.parse(credential.credential_json);
      tampered.credentialSubject.identifier[0].identityHash = 'Someone Else';
      const fr = translator('fr');
      const visitor = new Client(app);
      await visitor.get('/lang/fr?next=/verify');
      const page = await submitVerifyForm(visitor, { pasted: JSON.stringify(tampered) });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<html lang="fr"');
      expect(verdictOf(page.body)).toBe(fr.t('credential.web.check.verdict.invalid'));
      expect(outcomes(page.body)).toContain(`${fr.t('credential.checkName.proof')}:failed`);
      expect(plainText(page.body)).toContain(fr.t('credential.check.proof.invalid_signature'));
      expect(plainText(page.body)).toContain(fr.t('credential.web.check.saysInvalid'));

      await revokeCredential(deps.db, deps, SYSTEM, credential.id, {
        reason: 'other',
        note: 'Revoked for a test.',
      });
      const revoked = await submitVerifyForm(visitor, { pasted: credential.credential_json });
      expect(outcomes(revoked.body)).toContain(`${fr.t('credential.checkName.status')}:failed`);
      expect(plainText(revoked.body)).toContain(fr.t('credential.check.status.revoked'));
    });

    it('refuses what is not a credential with a translated message beside its field (400)', async () => {
      const visitor = new Client(app);
      const es = translator('es');
      await visitor.get('/lang/es?next=/verify');
      const cases: [Parameters<typeof submitVerifyForm>[1], string, string][] = [
        [{ pasted: '' }, 'credential', 'empty'],
        [{ pasted: 'this is not a credential' }, 'credential', 'notACredential'],
        [{ pasted: '[1, 2, 3]' }, 'credential', 'notACredential'],
        [{ pasted: 'x'.repeat(MAX_SUBMITTED_BYTES + 10) }, 'credential', 'tooLarge'],
        [
          { file: { name: 'photo.json', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]) } },
          'file',
          'notACredential',
        ],
        [{ file: { name: 'empty.json', content: '' } }, 'file', 'notACredential'],
        [
          { file: { name: 'big.json', content: `{"a":"${'x'.repeat(MAX_SUBMITTED_BYTES)}"}` } },
          'file',
          'tooLarge',
        ],
      ];
      for (const [input, field, problem] of cases) {
        const response = await submitVerifyForm(visitor, input);
        expect(response.statusCode, problem).toBe(400);
        const message = es.t(`credential.web.check.problem.${problem}`, { size: MAX_SUBMITTED_BYTES / 1000 });
        expect(response.body, problem).toContain(`<p class="error" id="error-${field}">${message}</p>`);
        expect(response.body).toContain(`aria-invalid="true"`);
      }
      const kept = await submitVerifyForm(visitor, { pasted: 'not JSON <b>' });
      expect(kept.body).toContain('not JSON &lt;b>');
    });

    it('refuses a form without its CSRF token (403), and garbage multipart (400)', async () => {
      const visitor = new Client(app);
      await visitor.get('/verify');
      const refused = await submitVerifyForm(visitor, { pasted: '{}' }, { csrf: false });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain(en.t('errors.csrf_invalid'));
      const broken = await app.inject({
        method: 'POST',
        url: '/verify',
        headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: visitor.jar.header() },
        payload: '--x\r\ncontent-disposition: form-data; name="credential"\r\n\r\nunterminated',
      });
      expect(broken.statusCode).toBe(400);
    });
  });
}
