import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  awardableCandidate,
  credentialOf,
  issuedCertificate,
} from '../../../../test/helpers/credential-factories.js';
import { browserOf, plainText, verdictOf } from '../../../../test/helpers/credential-pages.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, fieldError, heading, signedIn } from '../../../../test/helpers/http-extra.js';
import { registerAs } from '../../../../test/helpers/pathway-factories.js';
import { TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { defineJob } from '../../../jobs/job.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { systemActor } from '../../../kernel/actor.js';
import { findCredential } from '../credentials.repository.js';
import { awardDiploma } from '../issuing/award-diploma.js';
import { getAutoAward } from '../issuing/get-auto-award.js';
import { revokeCredential } from '../status/revoke-credential.js';

/** The holder's "My credentials" and the managers' credential forms (candidate page, ready list). */

const SYSTEM = systemActor('test');
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';
const en = translator('en');
const NOTE = 'Checked with the programme team.';

for (const dialect of DIALECTS) {
  describe(`${dialect}: My credentials`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      deps.clock.set(TEST_NOW);
    });
    afterAll(async () => close?.());

    it('sends visitors to sign in and explains an empty list', async () => {
      const anonymous = await new Client(app).get('/my/credentials');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe('/sign-in?next=%2Fmy%2Fcredentials');
      const { browser } = await signedIn(app, deps, ['participant']);
      const page = await browser.get('/my/credentials');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('credential.web.holder.title'));
      expect(plainText(page.body)).toContain(en.t('credential.web.holder.empty'));
      expect(page.body).toContain('href="/my/pathway"');
      // The main navigation links here for participants, next to "My diploma".
      expect(page.body).toMatch(
        /href="\/my\/pathway">[^<]+<\/a>\s*<\/li>\s*<li>\s*<a href="\/my\/credentials"[^>]*>/,
      );
    });

    it('lists every credential with its status, downloads, the link to copy and LinkedIn', async () => {
      const { person, candidacyId } = await awardableCandidate(deps, { locale: 'fr' });
      const { id: diplomaId } = await awardDiploma(deps.db, deps, SYSTEM, candidacyId);
      const certificates = await deps.db
        .selectFrom('credentials')
        .select(['id', 'short_code'])
        .where('user_id', '=', person.id)
        .where('kind', '=', 'achievement')
        .execute();
      await revokeCredential(deps.db, deps, SYSTEM, certificates[0]!.id, {
        reason: 'issued-in-error',
        note: NOTE,
      });
      const holder = await browserOf(app, person);
      const page = await holder.get('/my/credentials');
      expect(page.statusCode).toBe(200);
      const fr = translator('fr');
      expect(page.body).toContain('<html lang="fr"');
      const cards =
        page.body.match(/<li class="card credential[\s\S]*?<\/li>\s*(?=<li class="card|<\/ul>)/g) ?? [];
      expect(cards).toHaveLength(5);
      const diploma = cards.find((card) => card.includes(`/credentials/${diplomaId}.pdf`))!;
      expect(diploma).toContain(`/credentials/${diplomaId}.clr.json`);
      expect(diploma).toContain(`/credentials/${diplomaId}.jwt?alg=EdDSA`);
      expect(diploma).toContain(`/credentials/${diplomaId}.jwt"`);
      expect(diploma).toContain(`/credentials/${diplomaId}.json"`);
      expect(diploma).toMatch(
        new RegExp(
          `<input id="verify-link-${diplomaId}" type="url" value="http://localhost:3000/verify/${diplomaId}" readonly`,
        ),
      );
      // The diploma is suspended by the revocation of a counted certificate: no LinkedIn for it now.
      expect(plainText(diploma)).toContain(fr.t('credential.status.suspended'));
      expect(diploma).not.toContain('linkedin.com');
      const revoked = cards.find((card) => card.includes(`/credentials/${certificates[0]!.id}.pdf`))!;
      expect(plainText(revoked)).toContain(fr.t('credential.status.revoked'));
      expect(plainText(revoked)).toContain(fr.t('credential.reason.issued-in-error'));
      expect(revoked).not.toContain('linkedin.com');
      expect(revoked).not.toContain('.clr.json');
      const valid = cards.find((card) => card.includes(`/credentials/${certificates[1]!.id}.pdf`))!;
      expect(plainText(valid)).toContain(fr.t('credential.status.valid'));
      expect(valid).toContain('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;');
      expect(page.body).not.toContain(NOTE);
    });
  });

  describe(`${dialect}: the managers’ credential forms`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let manager: Client;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      deps.clock.set(TEST_NOW);
      manager = (await signedIn(app, deps, ['manager'])).browser;
    });
    afterAll(async () => close?.());

    it('shows a candidate’s credentials with the forms that fit each status, and the award button', async () => {
      const { candidacyId, person } = await awardableCandidate(deps);
      const page = await manager.get(`/manage/candidates/${candidacyId}`);
      expect(page.statusCode).toBe(200);
      const panel = page.body.match(/<section id="credentials"[\s\S]*?<\/section>/)?.[0] ?? '';
      expect(panel).toContain(`action="/manage/candidates/${candidacyId}/diploma"`);
      const certificate = await credentialOf(deps, person.id, (await firstCourse(deps, person.id))!);
      for (const action of ['revoke', 'suspend', 'supersede'])
        expect(panel).toContain(`action="/manage/credentials/${certificate.id}/${action}"`);
      expect(panel).not.toContain(`/manage/credentials/${certificate.id}/reinstate`);
      expect(panel).toContain('<option value="academic-misconduct"');
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      expect((await participant.get(`/manage/candidates/${candidacyId}`)).statusCode).toBe(403);
    });

    it('revokes, suspends, reinstates and corrects; refusals come back beside the form', async () => {
      const { candidacyId, person } = await awardableCandidate(deps);
      const credential = await credentialOf(deps, person.id, (await firstCourse(deps, person.id))!);
      const url = (action: string, id = credential.id) => `/manage/credentials/${id}/${action}`;
      const back = `/manage/candidates/${candidacyId}`;

      // Who may: nobody signed out (401 after the CSRF check), participants 403, an unknown id 404.
      const anonymous = new Client(app);
      expect((await anonymous.send(url('revoke'), { reason: 'other', note: NOTE })).statusCode).toBe(401);
      const holder = await browserOf(app, person);
      const forbidden = await holder.send(url('revoke'), { reason: 'other', note: NOTE, candidacyId });
      expect(forbidden.statusCode).toBe(403);
      const unknown = await manager.send(url('revoke', UNKNOWN_ID), {
        reason: 'other',
        note: NOTE,
        candidacyId,
      });
      expect(unknown.statusCode).toBe(404);
      expect((await manager.send(url('revoke', 'nope'), { reason: 'other', note: NOTE })).statusCode).toBe(
        404,
      );

      // Invalid: the errors sit next to this credential's fields, its form open, the note kept.
      const invalid = await manager.send(url('revoke'), { reason: 'misbehaving', note: 'ab', candidacyId });
      expect(invalid.statusCode).toBe(400);
      expect(fieldError(invalid.body, `revoke-${credential.id}-reason`)).toBe(
        en.t('validation.invalidChoice'),
      );
      expect(fieldError(invalid.body, `revoke-${credential.id}-note`)).toBe(
        en.t('validation.tooShort', { min: 3 }),
      );
      expect(invalid.body).toMatch(/<details class="credential-action" open>\s*<summary>/);
      expect((await findCredential(deps.db, credential.id))?.status).toBe('active');

      const suspended = await manager.send(url('suspend'), {
        reason: 'under-investigation',
        note: NOTE,
        candidacyId,
      });
      expect(suspended.statusCode).toBe(303);
      expect(suspended.headers.location).toBe(`${back}#credentials`);
      expect((await manager.get(back)).body).toContain(en.t('credential.web.flash.suspended'));
      expect((await findCredential(deps.db, credential.id))?.status).toBe('suspended');
      const again = await manager.send(url('suspend'), { reason: 'other', note: NOTE, candidacyId });
      expect(again.statusCode).toBe(409);
      expect(plainText(again.body)).toContain(en.t('credential.problem.notActive'));

      expect((await manager.send(url('reinstate'), { note: NOTE, candidacyId })).statusCode).toBe(303);
      expect((await findCredential(deps.db, credential.id))?.status).toBe('active');

      const corrected = await manager.send(url('supersede'), { note: NOTE, candidacyId });
      expect(corrected.statusCode).toBe(303);
      const old = await findCredential(deps.db, credential.id);
      expect(old).toMatchObject({ status: 'revoked', status_reason: 'superseded' });
      const replacement = old!.superseded_by!;
      const page = await new Client(app).get(`/verify/${credential.id}`);
      expect(page.body).toContain(`href="/verify/${replacement}"`);

      const revoked = await manager.send(url('revoke', replacement), {
        reason: 'issued-in-error',
        note: NOTE,
        candidacyId,
      });
      expect(revoked.statusCode).toBe(303);
      expect(verdictOf((await new Client(app).get(`/verify/${replacement}`)).body)).toBe(
        en.t('credential.status.revoked'),
      );
      const twice = await manager.send(url('revoke', replacement), {
        reason: 'other',
        note: NOTE,
        candidacyId,
      });
      expect(twice.statusCode).toBe(409);
      expect(plainText(twice.body)).toContain(en.t('credential.problem.alreadyRevoked'));
      // Without the page it came from, the refusal is the error page.
      expect(
        (await manager.send(url('revoke', replacement), { reason: 'other', note: NOTE })).statusCode,
      ).toBe(409);
    });

    it('awards a diploma from the candidate page, once; revoking a counted certificate suspends it', async () => {
      const { candidacyId, person } = await awardableCandidate(deps);
      const url = `/manage/candidates/${candidacyId}/diploma`;
      expect((await new Client(app).send(url)).statusCode).toBe(401);
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      expect((await participant.send(url)).statusCode).toBe(403);
      expect((await manager.send(`/manage/candidates/${UNKNOWN_ID}/diploma`)).statusCode).toBe(404);

      const awarded = await manager.send(url);
      expect(awarded.statusCode).toBe(303);
      expect(awarded.headers.location).toBe(`/manage/candidates/${candidacyId}#credentials`);
      const page = await manager.get(`/manage/candidates/${candidacyId}`);
      expect(page.body).toContain(en.t('credential.web.flash.awarded'));
      expect(page.body).not.toContain(`action="${url}"`);
      expect(plainText(page.body)).toContain(en.t('credential.web.manage.diploma'));
      const twice = await manager.send(url);
      expect(twice.statusCode).toBe(409);
      expect(plainText(twice.body)).toContain(en.t('credential.problem.alreadyAwarded'));

      // Revoking a certificate the diploma counted: the manager is told the diploma is now suspended.
      const counted = await credentialOf(deps, person.id, (await firstCourse(deps, person.id))!);
      const revoked = await manager.send(`/manage/credentials/${counted.id}/revoke`, {
        reason: 'issued-in-error',
        note: NOTE,
        candidacyId,
      });
      expect(revoked.statusCode).toBe(303);
      const cascaded = await manager.get(`/manage/candidates/${candidacyId}`);
      expect(cascaded.body).toContain(en.t('credential.web.flash.revokedDiplomaSuspended'));
      const line = cascaded.body.match(
        /<p>[^<]*<a href="\/verify\/[^"]+">[^<]+<\/a> <span class="badge status-(\w+)"/,
      );
      expect(line?.[1]).toBe('suspended');

      const { candidacyId: notYet } = await issuedCandidacy(deps);
      const refused = await manager.send(`/manage/candidates/${notYet}/diploma`);
      expect(refused.statusCode).toBe(409);
      expect(plainText(refused.body)).toContain(en.t('credential.problem.notAwardable'));
      // From the ready list, the award returns to it.
      const { candidacyId: another } = await awardableCandidate(deps);
      const fromList = await manager.send(`/manage/candidates/${another}/diploma`, {
        next: '/manage/candidates?ready=1',
      });
      expect(fromList.headers.location).toBe('/manage/candidates?ready=1');
      const offSite = await manager.send(`/manage/candidates/${UNKNOWN_ID}/diploma`, {
        next: '//evil.example',
      });
      expect(offSite.statusCode).toBe(404);
    });

    it('awards from the ready list (ticked rows), and sets the automatic award', async () => {
      const first = await awardableCandidate(deps);
      const second = await awardableCandidate(deps, { programme: first.programme });
      const slug = first.programme.slug;
      const list = await manager.get(`/manage/candidates?programme=${slug}&ready=1`);
      expect(list.statusCode).toBe(200);
      for (const { candidacyId } of [first, second]) {
        expect(list.body).toContain(`name="candidacyIds" value="${candidacyId}" form="bulk-award"`);
        expect(list.body).toContain(`action="/manage/candidates/${candidacyId}/diploma"`);
      }
      expect(list.body).toContain(`action="/manage/programmes/${slug}/auto-award"`);
      // Not on the plain candidates list.
      expect((await manager.get(`/manage/candidates?programme=${slug}`)).body).not.toContain('bulk-award');

      const none = await manager.send('/manage/diplomas', { programme: slug });
      expect(none.statusCode).toBe(400);
      expect(plainText(none.body)).toContain(en.t('credential.web.ready.noneSelected'));
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      expect(
        (await participant.send('/manage/diplomas', { programme: slug, candidacyIds: [first.candidacyId] }))
          .statusCode,
      ).toBe(403);

      const awarded = await manager.send('/manage/diplomas', {
        programme: slug,
        candidacyIds: [first.candidacyId, second.candidacyId, UNKNOWN_ID],
      });
      expect(awarded.statusCode).toBe(303);
      expect(awarded.headers.location).toBe(`/manage/candidates?programme=${slug}&ready=1`);
      const after = await manager.get(awarded.headers.location as string);
      expect(after.body).toContain(en.t('credential.web.flash.diplomasPartlyAwarded'));
      expect(after.body).not.toContain(`value="${first.candidacyId}"`);
      const diplomas = await deps.db
        .selectFrom('credentials')
        .select('candidacy_id')
        .where('candidacy_id', 'in', [first.candidacyId, second.candidacyId])
        .execute();
      expect(diplomas).toHaveLength(2);

      const autoUrl = `/manage/programmes/${slug}/auto-award`;
      expect((await participant.send(autoUrl, { awardAutomatically: 'on' })).statusCode).toBe(403);
      expect((await manager.send('/manage/programmes/no-such-programme/auto-award', {})).statusCode).toBe(
        404,
      );
      const on = await manager.send(autoUrl, { awardAutomatically: 'on' });
      expect(on.statusCode).toBe(303);
      expect(await getAutoAward(deps.db, deps, SYSTEM, slug)).toEqual({ awardAutomatically: true });
      const checked = await manager.get(`/manage/candidates?programme=${slug}&ready=1`);
      expect(checked.body).toContain(en.t('credential.web.flash.autoAwardOn'));
      expect(checked.body).toMatch(/name="awardAutomatically" value="on" checked /);
      expect((await manager.send(autoUrl, {})).statusCode).toBe(303);
      expect(await getAutoAward(deps.db, deps, SYSTEM, slug)).toEqual({ awardAutomatically: false });
      expect((await manager.send(autoUrl, { awardAutomatically: 'perhaps' })).statusCode).toBe(400);
    });

    it('shows managers the failed background jobs on their start page', async () => {
      const page = await manager.get('/manage');
      expect(page.statusCode).toBe(200);
      expect(plainText(page.body)).toContain(en.t('credential.web.manage.failedJobs', { count: 0 }));
      // A job that fails at its only attempt, as a broken issuance would after its retries.
      const failing = defineJob('test.failing-issuance', z.unknown(), async () => {
        throw new Error('the signer was unavailable');
      });
      const failed = await enqueueJob(deps.db, deps.clock, {
        kind: failing.kind,
        payload: {},
        maxAttempts: 1,
      });
      await runJobsUntilIdle(deps, [failing]);
      const after = await manager.get('/manage');
      expect(plainText(after.body)).toContain(en.t('credential.web.manage.failedJobs', { count: 1 }));
      expect(after.body).toContain('href="/admin/jobs?status=failed"');
      // The failed job is listed (by its kind: job numbers are for administrators' technical details).
      const failedJobs = (await manager.get('/admin/jobs?status=failed')).body;
      expect(failedJobs).toContain(en.t('jobs.count', { count: 1 }));
      expect(failedJobs).toContain('test.failing-issuance');
      expect(failedJobs).not.toContain(failed.id);
    });
  });
}

/** The code of a course a person holds a live Certificate of Achievement of. */
async function firstCourse(deps: TestDeps, userId: string): Promise<string | undefined> {
  const row = await deps.db
    .selectFrom('credentials')
    .innerJoin('courses', 'courses.id', 'credentials.course_id')
    .select('courses.code')
    .where('credentials.user_id', '=', userId)
    .where('credentials.kind', '=', 'achievement')
    .executeTakeFirst();
  return row?.code;
}

/** A candidacy with one certificate only (the pathway does not award it). */
async function issuedCandidacy(deps: TestDeps) {
  const { person, programme } = await issuedCertificate(deps);
  return { candidacyId: await registerAs(deps, programme, person, '2025-01-06') };
}
