import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialOf, runCredentialJobs } from '../../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildParticipant, buildPathwayProgramme, earn } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { findJobByKey } from '../../../jobs/jobs.repository.js';
import { isAppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { REFERENCE_SCHEMA_PATH } from '../credentials-fixtures.js';
import { checkCredentialSchema } from '../verifying/schema-check.js';
import { verifySubmittedCredential } from '../verifying/verify-submitted-credential.js';
import { issueCourseCredentials } from './issue-course-credential.js';
import { CREDENTIAL_JOB_KINDS } from './job-kinds.js';

/** Issuance jobs run together (one claim, one transaction, one insert of the batch's credentials). */

for (const dialect of DIALECTS) {
  describe(`${dialect}: certificates issued in batches`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    const resultOf = async (userId: string) =>
      (
        await deps.db
          .selectFrom('results')
          .select('id')
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).id;

    it('issues several results’ certificates in one run: each valid, its own status index, audited, with its jobs', async () => {
      const programme = await buildPathwayProgramme(deps);
      const people = [];
      for (const outcome of ['achievement', 'achievement', 'participation', 'achievement'] as const) {
        const person = await buildParticipant(deps);
        await earn(deps, person, programme.academy, '2025-06-16', '2025-06-27', outcome);
        people.push({ person, outcome });
      }
      expect(await runCredentialJobs(deps)).toBe(4);
      const rows = await Promise.all(
        people.map(({ person, outcome }) => credentialOf(deps, person.id, programme.academy, outcome)),
      );
      const indexes = rows.map((row) => row.status_index).sort((a, b) => a - b);
      expect(indexes.map((index) => index - indexes[0]!)).toEqual([0, 1, 2, 3]);
      expect(new Set(rows.map((row) => row.short_code)).size).toBe(4);
      for (const [at, row] of rows.entries()) {
        expect(row).toMatchObject({
          kind: people[at]!.outcome,
          user_id: people[at]!.person.id,
          status: 'active',
        });
        const json = JSON.parse(row.credential_json);
        expect(json.credentialStatus.statusListIndex).toBe(String(row.status_index));
        expect(checkCredentialSchema(json, REFERENCE_SCHEMA_PATH)).toMatchObject({ ok: true });
        for (const form of [json, row.jwt_rs256, row.jwt_eddsa])
          expect((await verifySubmittedCredential(deps.db, deps, form)).valid).toBe(true);
        const events = await deps.db
          .selectFrom('audit_events')
          .select('after_json')
          .where('target_id', '=', row.id)
          .where('action', '=', 'credential.issued')
          .execute();
        expect(events.map((event) => JSON.parse(event.after_json!))).toEqual([
          {
            kind: row.kind,
            userId: row.user_id,
            resultId: row.result_id,
            shortCode: row.short_code,
            statusIndex: row.status_index,
          },
        ]);
        expect(await findJobByKey(deps.db, `pdf:${row.id}`)).toMatchObject({
          kind: CREDENTIAL_JOB_KINDS.renderPdf,
        });
        expect(await findJobByKey(deps.db, `mail-issued:${row.id}`)).toMatchObject({
          kind: CREDENTIAL_JOB_KINDS.mailIssued,
        });
      }
      // Every holder id is made once and kept.
      const subjects = new Set(rows.map((row) => JSON.parse(row.credential_json).credentialSubject.id));
      expect(subjects.size).toBe(4);
    });

    it('settles each request of a batch on its own: unknown results, one result twice, a changed outcome', async () => {
      const programme = await buildPathwayProgramme(deps);
      const [first, second] = [await buildParticipant(deps), await buildParticipant(deps)];
      await earn(deps, first, programme.academy, '2025-06-16', '2025-06-27', 'achievement');
      await earn(deps, second, programme.academy, '2025-06-16', '2025-06-27', 'achievement');
      const [firstResult, secondResult] = [await resultOf(first.id), await resultOf(second.id)];
      const outcomes = await issueCourseCredentials(deps.db, deps, [
        { resultId: newId() },
        { resultId: 'not an id' },
        { resultId: firstResult, outcome: 'achievement' },
        { resultId: firstResult, outcome: 'achievement' },
        { resultId: secondResult, outcome: 'participation' },
      ]);
      expect(outcomes.slice(0, 2).map((o) => !o.ok && isAppError(o.error, 'not_found'))).toEqual([
        true,
        true,
      ]);
      const issued = await credentialOf(deps, first.id, programme.academy);
      expect(outcomes[2]).toEqual({
        ok: true,
        value: { outcome: 'issued', credentialId: issued.id, shortCode: issued.short_code, replaced: null },
      });
      expect(outcomes[3]).toEqual({ ok: true, value: { outcome: 'exists', credentialId: issued.id } });
      expect(outcomes[4]).toEqual({ ok: true, value: { outcome: 'skipped', reason: 'outcome-changed' } });
    });
  });
}
