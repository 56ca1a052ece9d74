import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedScale } from '../../seed/scale.js';
import { listEnrolmentsOfUsers, listExtensionRows, listResultsOfUsers } from './pathway.repository.js';
import type { CandidacyRow } from './pathway.tables.js';
import { listCandidacyFactsOfProgramme, listProgrammeFacts } from './pathway-facts.repository.js';
import { buildCandidateRecord } from './rules/candidate-record.js';
import { evaluatePathway } from './rules/evaluate.js';
import type { ExplanationLanguage, PathwayEvaluation } from './rules/evaluation.js';
import {
  evaluateCandidacies,
  evaluateProgramme,
  rulesOfVersion,
  visitProgrammeEvaluations,
} from './standing.js';

/**
 * The bulk evaluation (narrow queries, facts packed by the database, a whole programme at once) gives,
 * for every candidacy, exactly the evaluation of the plain path: the candidacy's results, enrolments
 * and extensions read one person at a time through the timeline queries, a record built from them, and
 * `evaluatePathway`. On the demo candidates (every stage, a legacy certificate, an extension, a revoked
 * certificate) and synthetic ones, on both engines.
 */

const TODAY = '2026-11-28';

for (const dialect of DIALECTS) {
  describe(`${dialect}: bulk evaluation`, () => {
    let deps: TestDeps;
    let rows: CandidacyRow[];
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      await seedScale(deps, 150);
      rows = await deps.db.selectFrom('candidacies').selectAll().execute();
    }, 120_000);
    afterAll(async () => deps?.close());

    /** Results whose certificate is revoked and not replaced by a live one (they do not count). */
    async function revokedResultIds(): Promise<Set<string>> {
      const credentials = await deps.db
        .selectFrom('credentials')
        .select(['result_id', 'status'])
        .where('result_id', 'is not', null)
        .execute();
      const revoked = new Set(credentials.filter((c) => c.status === 'revoked').map((c) => c.result_id!));
      for (const c of credentials) if (c.status !== 'revoked') revoked.delete(c.result_id!);
      return revoked;
    }

    /** The plain path, one candidacy at a time. */
    async function plainEvaluation(
      row: CandidacyRow,
      revoked: Set<string>,
      lang: ExplanationLanguage,
      explain: boolean,
    ): Promise<PathwayEvaluation> {
      const results = await listResultsOfUsers(deps.db, [row.user_id]);
      const enrolments = await listEnrolmentsOfUsers(deps.db, [row.user_id]);
      const extensions = await listExtensionRows(deps.db, [row.id]);
      const record = buildCandidateRecord(
        {
          registeredOn: row.registered_on,
          status: row.status,
          capstoneStatus: row.capstone_status,
          capstoneCompletedOn: row.capstone_completed_on,
        },
        results.map((r) => ({
          courseCode: r.course_code,
          outcome: r.outcome,
          startedOn: r.started_on,
          completedOn: r.completed_on,
          editionStartsOn: r.edition_starts_on,
          revoked: revoked.has(r.id),
        })),
        enrolments.map((e) => ({
          courseCode: e.course_code,
          status: e.status,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
          hasResult: e.result_id !== null,
        })),
        extensions,
      );
      return evaluatePathway(await rulesOfVersion(deps.db, row.rule_version_id), record, TODAY, {
        lang,
        explain,
      });
    }

    it('evaluates every candidacy of a programme as the plain path does', { timeout: 120_000 }, async () => {
      const revoked = await revokedResultIds();
      const programmeIds = [...new Set(rows.map((r) => r.programme_id))];
      let compared = 0;
      for (const programmeId of programmeIds) {
        const ofProgramme = rows.filter((r) => r.programme_id === programmeId);
        const visited = new Map<string, PathwayEvaluation>();
        const count = await visitProgrammeEvaluations(deps.db, programmeId, TODAY, (candidacy, evaluation) =>
          visited.set(candidacy.id, evaluation),
        );
        const kept = await evaluateProgramme(deps.db, programmeId, TODAY);
        const chunked = await evaluateCandidacies(deps.db, ofProgramme, TODAY, 'en', false);
        expect(count).toBe(ofProgramme.length);
        for (const row of ofProgramme) {
          const expected = await plainEvaluation(row, revoked, 'en', false);
          expect(visited.get(row.id)).toEqual(expected);
          expect(kept.get(row.id)).toEqual(expected);
          expect(chunked.get(row.id)).toEqual(expected);
          compared += 1;
        }
      }
      expect(compared).toBe(rows.length);
      // The demo's revoked certificate is among them, and does not count.
      expect(revoked.size).toBeGreaterThan(0);
    });

    it('gives the same explanation in another language', { timeout: 60_000 }, async () => {
      const revoked = await revokedResultIds();
      const some = rows.slice(0, 40);
      const fresh = await evaluateCandidacies(deps.db, some, TODAY, 'fr', true);
      for (const row of some)
        expect(fresh.get(row.id)).toEqual(await plainEvaluation(row, revoked, 'fr', true));
    });

    it('reads the candidacies narrow with the same facts', async () => {
      for (const programmeId of new Set(rows.map((r) => r.programme_id))) {
        const narrow = await listCandidacyFactsOfProgramme(deps.db, programmeId);
        // The same facts packed with the person's results and enrolments (bulk evaluation's statement).
        const packed = (await listProgrammeFacts(deps.db, programmeId)).map((r) => r.candidacy);
        const byId = new Map(narrow.map((r) => [r.id, r]));
        const packedById = new Map(packed.map((r) => [r.id, r]));
        const wide = rows.filter((r) => r.programme_id === programmeId);
        expect(narrow).toHaveLength(wide.length);
        expect(packed).toHaveLength(wide.length);
        for (const row of wide) {
          expect(packedById.get(row.id)).toEqual(byId.get(row.id));
          expect(byId.get(row.id)).toEqual({
            id: row.id,
            user_id: row.user_id,
            rule_version_id: row.rule_version_id,
            registered_on: row.registered_on,
            status: row.status,
            capstone_status: row.capstone_status,
            capstone_completed_on: row.capstone_completed_on,
          });
        }
      }
    });
  });
}
