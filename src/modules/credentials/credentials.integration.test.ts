import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awardableCandidate,
  credentialOf,
  issuedCertificate,
  runCredentialJobs,
} from '../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf, buildPathwayProgramme } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { isUniqueViolation } from '../../db/helpers.js';
import { findJobByKey } from '../../jobs/jobs.repository.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { getCourse } from '../catalogue/get-course.js';
import { updateCourse } from '../catalogue/save-course.js';
import { evaluateCandidacy } from '../pathway/candidacy-standing.js';
import { registerCandidate } from '../pathway/register-candidate.js';
import { findCredential } from './credentials.repository.js';
import { REFERENCE_SCHEMA_PATH } from './credentials-fixtures.js';
import { awardDiploma } from './issuing/award-diploma.js';
import { awardDiplomas } from './issuing/award-diplomas.js';
import { issueCourseCredential } from './issuing/issue-course-credential.js';
import { CREDENTIAL_JOB_KINDS, issueJobKey } from './issuing/job-kinds.js';
import { setAutoAward } from './issuing/set-auto-award.js';
import { listHolderCredentials } from './list-holder-credentials.js';
import { credentialPdf } from './pdf/credential-pdf.js';
import { reinstateCredential } from './status/reinstate-credential.js';
import { revokeCredential } from './status/revoke-credential.js';
import { supersedeCredential } from './status/supersede-credential.js';
import { suspendCredential } from './status/suspend-credential.js';
import { getCredentialForVerification } from './verifying/get-credential-for-verification.js';
import { checkCredentialSchema } from './verifying/schema-check.js';
import { verifySubmittedCredential } from './verifying/verify-submitted-credential.js';

const SYSTEM = systemActor('test');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const problemOf = (error: unknown) =>
  isAppError(error) ? `${error.code}:${error.fields.map((f) => f.key).join(',')}` : String(error);

for (const dialect of DIALECTS) {
  describe(`${dialect}: credentials`, () => {
    let deps: TestDeps;
    let manager: Awaited<ReturnType<typeof buildPerson>>;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      manager = await buildPerson(deps, { roles: ['manager'] });
    });
    afterAll(async () => deps?.close());

    const managerActor = () => actorOf(manager);
    const status = async (id: string) => (await findCredential(deps.db, id))!.status;
    const auditOf = (targetId: string, action: string) =>
      deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('target_id', '=', targetId)
        .where('action', '=', action)
        .execute();

    it('issues a certificate after the result commits, as a job, once per result and outcome', async () => {
      const { person, credential, programme } = await issuedCertificate(deps, {
        locale: 'fr',
        fullName: 'Ngozi Ñúñez',
      });
      expect(credential).toMatchObject({
        kind: 'achievement',
        status: 'active',
        locale: 'fr',
        user_id: person.id,
      });
      expect(credential.short_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      const job = await findJobByKey(deps.db, issueJobKey(credential.result_id!, 'achievement'));
      expect(job).toMatchObject({ kind: CREDENTIAL_JOB_KINDS.issueCourse, status: 'succeeded' });
      // The signed JSON says what was certified, in the holder's language first and all three.
      const json = JSON.parse(credential.credential_json);
      expect(json.credentialSubject.identifier[0]).toMatchObject({
        identityHash: 'Ngozi Ñúñez',
        identityType: 'name',
      });
      expect(json.credentialSubject.achievement).toMatchObject({
        achievementType: 'Certificate',
        inLanguage: 'fr',
      });
      expect(json.credentialSubject.achievement.nameMap).toMatchObject({
        en: 'Test Academy',
        fr: 'Académie de test',
      });
      expect(json.credentialStatus).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
      });
      expect(Array.isArray(json.proof)).toBe(true);
      // A second run finds it; the job's PDF and email follow.
      expect(await issueCourseCredential(deps.db, deps, credential.result_id!, 'achievement')).toEqual({
        outcome: 'exists',
        credentialId: credential.id,
      });
      await runCredentialJobs(deps, [CREDENTIAL_JOB_KINDS.renderPdf, CREDENTIAL_JOB_KINDS.mailIssued]);
      const mail = deps.mailer.sent.find((m) => m.to === person.email);
      expect(mail?.language).toBe('fr');
      expect(mail?.text).toContain(`/verify/${credential.id}`);
      expect((await findCredential(deps.db, credential.id))!.pdf_key).toBe(
        `credentials/${credential.id}.pdf`,
      );
      expect(programme.academy).toBeTruthy();
    });

    // The official schema from ../shared/reference when it is there, else the copy bundled with the product.
    it('issues certificates of both kinds that the official OB 3.0 schema accepts', async () => {
      const achievement = (await issuedCertificate(deps)).credential;
      const participation = (await issuedCertificate(deps, { outcome: 'participation' })).credential;
      expect(participation.kind).toBe('participation');
      for (const row of [achievement, participation]) {
        const schema = REFERENCE_SCHEMA_PATH;
        expect(checkCredentialSchema(JSON.parse(row.credential_json), schema)).toMatchObject({
          ok: true,
          code: 'ok',
        });
      }
    });

    it('allows one live credential per result and kind: a unique index backs the job', async () => {
      const { credential } = await issuedCertificate(deps);
      const copy = {
        ...credential,
        id: crypto.randomUUID(),
        short_code: 'ZZZZZZZ1',
        status_index: 9_000_000,
      };
      const error = await failure(deps.db.insertInto('credentials').values(copy).execute());
      expect(isUniqueViolation(error)).toBe(true);
      // Revoked, the same result may be issued again (a correction).
      await revokeCredential(deps.db, deps, managerActor(), credential.id, {
        reason: 'issued-in-error',
        note: 'wrong person',
      });
      await deps.db.insertInto('credentials').values(copy).execute();
    });

    it('keeps issued credentials unchanged when the course is edited later (byte for byte)', async () => {
      const { credential, programme } = await issuedCertificate(deps);
      const before = (await findCredential(deps.db, credential.id))!;
      const { course } = await getCourse(deps.db, deps, SYSTEM, programme.academy);
      await updateCourse(deps.db, deps, SYSTEM, course.code, {
        code: course.code,
        title: { en: 'Renamed Academy', fr: 'Académie renommée' },
        summary: course.summary,
        description: course.description,
        learningHours: 99,
        credentialOnSuccess: 'achievement',
        themes: [],
        programmes: [{ slug: programme.slug, role: 'compulsory' }],
        countsAs: [],
      });
      const after = (await findCredential(deps.db, credential.id))!;
      expect(after.credential_json).toBe(before.credential_json);
      expect(after.jwt_rs256).toBe(before.jwt_rs256);
      expect(after.jwt_eddsa).toBe(before.jwt_eddsa);
      const view = await getCredentialForVerification(deps.db, deps, credential.id);
      expect(view.achievement.name.en).toBe('Test Academy');
      expect(view.achievement.hours).toBe('60');
      // A correction is a new credential from today's facts; the old one is revoked as superseded.
      const corrected = await supersedeCredential(deps.db, deps, managerActor(), credential.id, {
        note: 'course renamed',
      });
      expect(await findCredential(deps.db, credential.id)).toMatchObject({
        status: 'revoked',
        status_reason: 'superseded',
        superseded_by: corrected.id,
      });
      const fresh = await getCredentialForVerification(deps.db, deps, corrected.shortCode);
      expect(fresh).toMatchObject({ id: corrected.id, status: 'valid', achievement: { hours: '99' } });
      expect(fresh.achievement.name.en).toBe('Renamed Academy');
      expect((await getCredentialForVerification(deps.db, deps, credential.id)).supersededBy?.id).toBe(
        corrected.id,
      );
      expect(await auditOf(credential.id, 'credential.superseded')).toHaveLength(1);
      const refused = await failure(
        supersedeCredential(deps.db, deps, managerActor(), credential.id, { note: 'again' }),
      );
      expect(problemOf(refused)).toBe('invalid_state:credential.problem.alreadyRevoked');
    });

    it('revokes, suspends and reinstates: status list bits and ETags change at once, audited', async () => {
      const { credential } = await issuedCertificate(deps);
      const lists = async () =>
        Object.fromEntries(
          (
            await deps.db
              .selectFrom('status_lists')
              .select(['purpose', 'etag', 'bits_base64'])
              .where('list_number', '=', 0)
              .execute()
          ).map((row) => [row.purpose, row]),
        );
      const bit = (bits: string, index: number) =>
        (Buffer.from(bits, 'base64')[Math.floor(index / 8)]! & (0x80 >> (index % 8))) !== 0;
      const index = credential.status_index;
      const start = await lists();
      expect(bit(start.suspension!.bits_base64, index)).toBe(false);

      await suspendCredential(deps.db, deps, managerActor(), credential.id, {
        reason: 'under-investigation',
        note: 'checking',
      });
      const suspended = await lists();
      expect(bit(suspended.suspension!.bits_base64, index)).toBe(true);
      expect(suspended.suspension!.etag).not.toBe(start.suspension!.etag);
      expect(suspended.revocation!.etag).toBe(start.revocation!.etag);
      expect((await getCredentialForVerification(deps.db, deps, credential.id)).status).toBe('suspended');
      expect(
        problemOf(
          await failure(
            suspendCredential(deps.db, deps, managerActor(), credential.id, {
              reason: 'other',
              note: 'twice',
            }),
          ),
        ),
      ).toBe('invalid_state:credential.problem.notActive');

      await reinstateCredential(deps.db, deps, managerActor(), credential.id, { note: 'all clear' });
      const reinstated = await lists();
      expect(bit(reinstated.suspension!.bits_base64, index)).toBe(false);
      expect(reinstated.suspension!.etag).not.toBe(suspended.suspension!.etag);
      expect(await status(credential.id)).toBe('active');

      await revokeCredential(deps.db, deps, managerActor(), credential.id, {
        reason: 'academic-misconduct',
        note: 'plagiarism',
      });
      const revoked = await lists();
      expect(bit(revoked.revocation!.bits_base64, index)).toBe(true);
      expect(revoked.revocation!.etag).not.toBe(reinstated.revocation!.etag);
      const view = await getCredentialForVerification(deps.db, deps, credential.id);
      expect(view).toMatchObject({ status: 'revoked', statusReason: 'academic-misconduct' });
      expect(JSON.stringify(view)).not.toContain('plagiarism');
      for (const action of ['credential.suspended', 'credential.reinstated', 'credential.revoked'])
        expect(await auditOf(credential.id, action), action).toHaveLength(1);
      expect(
        problemOf(
          await failure(
            revokeCredential(deps.db, deps, managerActor(), credential.id, {
              reason: 'other',
              note: 'again',
            }),
          ),
        ),
      ).toBe('invalid_state:credential.problem.alreadyRevoked');
      expect(
        problemOf(
          await failure(
            reinstateCredential(deps.db, deps, managerActor(), credential.id, { note: 'not now' }),
          ),
        ),
      ).toBe('invalid_state:credential.problem.notSuspended');
      // The holder is told, in their language.
      await runCredentialJobs(deps, [CREDENTIAL_JOB_KINDS.mailStatusChanged]);
      expect(
        deps.mailer.sent.filter((m) => m.text.includes(`/verify/${credential.id}`)).length,
      ).toBeGreaterThanOrEqual(3);
    });

    it('refuses a reason-less change and any change by someone who is not a manager', async () => {
      const { credential, person } = await issuedCertificate(deps);
      const missing = await failure(
        revokeCredential(deps.db, deps, managerActor(), credential.id, { reason: 'other', note: '' }),
      );
      expect(problemOf(missing)).toBe('validation_failed:validation.tooShort');
      const badReason = await failure(
        revokeCredential(deps.db, deps, managerActor(), credential.id, {
          reason: 'superseded',
          note: 'nope',
        }),
      );
      expect(problemOf(badReason)).toBe('validation_failed:validation.invalidChoice');
      const holder = await failure(
        revokeCredential(deps.db, deps, actorOf(person), credential.id, { reason: 'other', note: 'mine' }),
      );
      expect(isAppError(holder, 'forbidden')).toBe(true);
      expect(
        isAppError(
          await failure(
            revokeCredential(deps.db, deps, managerActor(), crypto.randomUUID(), {
              reason: 'other',
              note: 'who',
            }),
          ),
          'not_found',
        ),
      ).toBe(true);
      expect(await status(credential.id)).toBe('active');
    });

    it('awards a diploma counting the component credentials, with its CLR, once', async () => {
      const { candidacyId, person } = await awardableCandidate(deps, { locale: 'es' });
      const awarded = await awardDiploma(deps.db, deps, managerActor(), candidacyId);
      const row = (await findCredential(deps.db, awarded.id))!;
      expect(row).toMatchObject({
        kind: 'diploma',
        status: 'active',
        candidacy_id: candidacyId,
        locale: 'es',
      });
      const json = JSON.parse(row.credential_json);
      expect(json.credentialSubject.achievement.achievementType).toBe('Diploma');
      // Academy + three electives + the capstone as evidence.
      expect(json.evidence).toHaveLength(5);
      const components = await deps.db
        .selectFrom('credential_components')
        .selectAll()
        .where('diploma_id', '=', row.id)
        .execute();
      expect(components).toHaveLength(4);
      for (const evidence of json.evidence.slice(0, 4))
        expect(components.map((c) => `${deps.config.baseUrl}/verify/${c.component_id}`)).toContain(
          evidence.id,
        );
      const clr = JSON.parse(row.clr_json!);
      expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
      expect(clr.credentialSubject.verifiableCredential).toHaveLength(5);
      expect((await verifySubmittedCredential(deps.db, deps, clr)).valid).toBe(true);
      expect(checkCredentialSchema(json, REFERENCE_SCHEMA_PATH).ok).toBe(true);
      const view = await getCredentialForVerification(deps.db, deps, row.id);
      expect(view.components.map((c) => c.status)).toEqual(['valid', 'valid', 'valid', 'valid']);
      expect(await auditOf(candidacyId, 'diploma.awarded')).toHaveLength(1);
      expect(problemOf(await failure(awardDiploma(deps.db, deps, managerActor(), candidacyId)))).toBe(
        'already_exists:credential.problem.alreadyAwarded',
      );
      const holder = await failure(awardDiploma(deps.db, deps, actorOf(person), candidacyId));
      expect(isAppError(holder, 'forbidden')).toBe(true);
    });

    it('refuses a diploma the pathway does not award, and reports each candidacy of a bulk award', async () => {
      const { candidacyId: ready } = await awardableCandidate(deps);
      const { programme, person } = await issuedCertificate(deps);
      const { id: notReady } = await registerCandidate(deps.db, deps, SYSTEM, programme.slug, {
        email: person.email,
      });
      expect(problemOf(await failure(awardDiploma(deps.db, deps, managerActor(), notReady)))).toBe(
        'invalid_state:credential.problem.notAwardable',
      );
      const results = await awardDiplomas(deps.db, deps, managerActor(), {
        candidacyIds: [ready, notReady, crypto.randomUUID()],
      });
      expect(results.map((r) => (r.outcome === 'awarded' ? 'awarded' : r.problem))).toEqual([
        'awarded',
        'notAwardable',
        'notFound',
      ]);
      const again = await awardDiplomas(deps.db, deps, managerActor(), { candidacyIds: [ready] });
      expect(again).toEqual([{ candidacyId: ready, outcome: 'refused', problem: 'alreadyAwarded' }]);
    });

    it('awards the diploma automatically in a programme set so, as soon as it is awardable', async () => {
      const programme = await buildPathwayProgramme(deps);
      expect(
        await setAutoAward(deps.db, deps, managerActor(), programme.slug, { awardAutomatically: true }),
      ).toEqual({
        awardAutomatically: true,
      });
      const { candidacyId } = await awardableCandidate(deps, { programme });
      await runCredentialJobs(deps, [CREDENTIAL_JOB_KINDS.issueCourse, CREDENTIAL_JOB_KINDS.autoAward]);
      const diploma = await deps.db
        .selectFrom('credentials')
        .select(['kind', 'status'])
        .where('candidacy_id', '=', candidacyId)
        .execute();
      expect(diploma).toEqual([{ kind: 'diploma', status: 'active' }]);
      expect(await auditOf(candidacyId, 'diploma.awarded')).toHaveLength(1);
    });

    it('cascades a revoked counted certificate: re-evaluated, diploma suspended, managers emailed, audited', async () => {
      const { candidacyId, person, programme } = await awardableCandidate(deps);
      const diploma = await awardDiploma(deps.db, deps, managerActor(), candidacyId);
      const counted = await credentialOf(deps, person.id, programme.electives[1]);
      const outcome = await revokeCredential(deps.db, deps, managerActor(), counted.id, {
        reason: 'academic-misconduct',
        note: 'copied',
      });
      expect(outcome.cascade).toEqual([{ diplomaId: diploma.id, outcome: 'suspended' }]);
      expect(await findCredential(deps.db, diploma.id)).toMatchObject({
        status: 'suspended',
        status_reason: 'component-revoked',
      });
      const evaluated = await evaluateCandidacy(deps.db, candidacyId, '2026-11-28');
      expect(evaluated?.evaluation.awardable).toBe(false);
      expect(evaluated?.evaluation.uncounted).toContainEqual(
        expect.objectContaining({ course: programme.electives[1], reason: 'revoked' }),
      );
      expect(await auditOf(diploma.id, 'credential.suspended')).toHaveLength(1);
      expect(await auditOf(diploma.id, 'credential.component-revoked')).toHaveLength(1);
      const view = await getCredentialForVerification(deps.db, deps, diploma.id);
      expect(view.status).toBe('suspended');
      expect(view.components.map((c) => c.status)).toContain('revoked');
      // By id the credential and its components come in one statement: in their order, as by the code.
      const order = await deps.db
        .selectFrom('credential_components')
        .select('component_id')
        .where('diploma_id', '=', diploma.id)
        .orderBy('position')
        .execute();
      expect(view.components.map((c) => c.id)).toEqual(order.map((r) => r.component_id));
      expect((await getCredentialForVerification(deps.db, deps, view.shortCode)).components).toEqual(
        view.components,
      );
      // Every manager is told (the fan-out job, then one email job each).
      deps.mailer.sent.length = 0;
      await runCredentialJobs(deps, [
        CREDENTIAL_JOB_KINDS.componentRevoked,
        CREDENTIAL_JOB_KINDS.mailComponentRevoked,
      ]);
      const toManager = deps.mailer.sent.filter((m) => m.to === manager.email);
      expect(toManager).toHaveLength(1);
      expect(toManager[0]!.subject).toContain(view.shortCode);
      // Reinstating waits for the pathway to hold again.
      expect(
        problemOf(
          await failure(reinstateCredential(deps.db, deps, managerActor(), diploma.id, { note: 'try' })),
        ),
      ).toBe('invalid_state:credential.problem.notAwardable');
    });

    it('keeps a diploma that still holds through another achievement, and says so', async () => {
      const { candidacyId, person, programme } = await awardableCandidate(deps, { spare: true });
      const diploma = await awardDiploma(deps.db, deps, managerActor(), candidacyId);
      const components = await deps.db
        .selectFrom('credential_components')
        .select('component_id')
        .where('diploma_id', '=', diploma.id)
        .execute();
      const countedElective = (
        await Promise.all(programme.electives.map((code) => credentialOf(deps, person.id, code)))
      ).find((row) => components.some((c) => c.component_id === row.id) && row.course_id)!;
      const outcome = await revokeCredential(deps.db, deps, managerActor(), countedElective.id, {
        reason: 'issued-in-error',
        note: 'typo',
      });
      expect(outcome.cascade).toEqual([{ diplomaId: diploma.id, outcome: 'still-holds' }]);
      expect(await status(diploma.id)).toBe('active');
      expect(await auditOf(diploma.id, 'credential.component-revoked')).toHaveLength(1);
    });

    it('verifies our own credentials: valid, revoked, suspended, tampered', async () => {
      const { credential } = await issuedCertificate(deps);
      const json = JSON.parse(credential.credential_json);
      const codes = (result: Awaited<ReturnType<typeof verifySubmittedCredential>>) =>
        Object.fromEntries(result.checks.map((check) => [check.id, check.message]));
      const valid = await verifySubmittedCredential(deps.db, deps, json);
      expect(valid.valid).toBe(true);
      expect(codes(valid)).toEqual({
        schema: 'ok',
        proof: 'ok',
        status: 'ok',
        validity: 'ok',
        issuer: 'known',
      });
      expect((await verifySubmittedCredential(deps.db, deps, credential.jwt_rs256)).valid).toBe(true);
      expect((await verifySubmittedCredential(deps.db, deps, credential.jwt_eddsa)).valid).toBe(true);
      const tampered = structuredClone(json);
      tampered.credentialSubject.identifier[0].identityHash = 'Someone Else';
      const refused = await verifySubmittedCredential(deps.db, deps, tampered);
      expect(refused.valid).toBe(false);
      expect(codes(refused).proof).toBe('invalid_signature');

      await suspendCredential(deps.db, deps, managerActor(), credential.id, {
        reason: 'under-investigation',
        note: 'checking',
      });
      const suspended = await verifySubmittedCredential(deps.db, deps, json);
      expect(suspended.valid).toBe(false);
      expect(codes(suspended).status).toBe('suspended');
      expect(codes(await verifySubmittedCredential(deps.db, deps, credential.jwt_rs256)).status).toBe(
        'suspended',
      );
      await revokeCredential(deps.db, deps, managerActor(), credential.id, {
        reason: 'issued-in-error',
        note: 'mistake',
      });
      const revoked = await verifySubmittedCredential(deps.db, deps, json);
      expect(codes(revoked).status).toBe('revoked');
    });

    it('lists a holder’s credentials to them and to managers only, and serves the PDF once', async () => {
      const { credential, person } = await issuedCertificate(deps, { fullName: 'Мария Иванова' });
      const mine = await listHolderCredentials(deps.db, deps, actorOf(person));
      expect(mine.map((c) => c.id)).toEqual([credential.id]);
      expect(mine[0]!.linkedInUrl).toMatch(
        /^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME/,
      );
      expect((await listHolderCredentials(deps.db, deps, managerActor(), { userId: person.id })).length).toBe(
        1,
      );
      const other = await buildPerson(deps, { roles: ['participant'] });
      expect(
        isAppError(
          await failure(listHolderCredentials(deps.db, deps, actorOf(other), { userId: person.id })),
          'forbidden',
        ),
      ).toBe(true);
      expect(
        isAppError(await failure(credentialPdf(deps.db, deps, actorOf(other), credential.id)), 'forbidden'),
      ).toBe(true);

      const first = await credentialPdf(deps.db, deps, actorOf(person), credential.id);
      expect(Buffer.from(first.bytes.slice(0, 5)).toString()).toBe('%PDF-');
      const key = (await findCredential(deps.db, credential.id))!.pdf_key!;
      const stored = await deps.storage.get(key);
      expect(stored && Buffer.from(stored).equals(Buffer.from(first.bytes))).toBe(true);
      // Stored once: a second download reads the file (a marker written into it comes back).
      await deps.storage.put(key, new TextEncoder().encode('%PDF-marker'));
      expect(
        Buffer.from((await credentialPdf(deps.db, deps, actorOf(person), credential.id)).bytes).toString(),
      ).toBe('%PDF-marker');
      // Lost: rendered again, the same bytes as the first time.
      await deps.storage.delete(key);
      const again = await credentialPdf(deps.db, deps, actorOf(person), credential.id);
      expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      expect(await deps.storage.get(key)).not.toBeNull();
    });
  });
}
