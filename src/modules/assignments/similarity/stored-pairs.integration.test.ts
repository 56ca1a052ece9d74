import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  enrolOther,
  handIn,
} from '../../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { findSubmissionRow, listSubmittedOfAssignment } from '../assignments.repository.js';
import { reopenSubmission } from '../reopen-submission.js';
import { startAttempt } from '../save-draft.js';
import { removeReferenceDocument, uploadReferenceDocument } from './reference-documents.js';
import { namedLabels, similarityCheck } from './similarity-check.js';
import { similarityPairsJob, submissionSimilarity } from './stored-pairs.js';

const ESSAY =
  'Labour migration statistics in the region come from border records and household surveys that rarely meet, so a shared register of outgoing workers would let ministries count departures and returns';
const OTHER =
  'Coastal fisheries cooperatives keep their catch books by hand, and a simple phone form sent each evening would give the district office the figures it now waits a month for';

for (const dialect of DIALECTS) {
  describe(`${dialect}: the similarity check's stored pairs`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let people: TestPerson[];
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps);
      people = [
        world.participant,
        await enrolOther(deps, world),
        await enrolOther(deps, world, 'Tess Third'),
        await enrolOther(deps, world, 'Fred Fourth'),
      ];
    });
    afterEach(async () => {
      await deps.close();
    });

    const assignment = () => ({ id: world.assignmentId, editionId: world.edition.id });
    const labels = () => namedLabels(deps.db, new Map(people.map((p, i) => [p.id, `Person ${i}`])));
    const hand = (person: TestPerson, text: string) => handIn(deps, world, person, text);
    async function stored(id: string, page = 1) {
      const row = await findSubmissionRow(deps.db, id);
      return submissionSimilarity(deps.db, deps, assignment(), row!, labels(), { page, perPage: 2 });
    }
    async function live(id: string, page = 1) {
      const row = await findSubmissionRow(deps.db, id);
      const submitted = await listSubmittedOfAssignment(deps.db, world.assignmentId);
      return similarityCheck(deps.db, deps, assignment(), submitted, labels(), {
        only: row,
        page,
        perPage: 2,
      });
    }
    const state = () => deps.db.selectFrom('assignment_similarity').selectAll().executeTakeFirstOrThrow();

    it('gives, for every submission and page, what the check of that one submission gives', async () => {
      const ids = [
        await hand(people[0]!, ESSAY),
        await hand(people[1]!, `My own opening words. ${ESSAY}.`),
        await hand(people[2]!, `${OTHER} ${ESSAY.split(' ').slice(0, 14).join(' ')}`),
        await hand(people[3]!, OTHER),
      ];
      await uploadReferenceDocument(deps.db, deps, actorOf(world.facilitator), world.assignmentId, {
        fileName: 'source.docx',
        bytes: await docxBytes('Ann', ESSAY),
      });
      for (const id of ids)
        for (const page of [1, 2]) expect(await stored(id, page)).toEqual(await live(id, page));
      expect((await stored(ids[0]!)).total).toBeGreaterThan(2);
      // Computed once: the pairs are fresh, a view computes nothing more.
      const now = await state();
      expect(now.pairs_version).toBe(now.version);
    });

    it('is computed by the job queued with a submission, and a new submission updates the pairs', async () => {
      const first = await hand(people[0]!, ESSAY);
      await hand(people[1]!, OTHER);
      await runJobsUntilIdle(deps, [similarityPairsJob]);
      let now = await state();
      expect(now.pairs_version).toBe(now.version);
      expect((await stored(first)).total).toBe(0);
      const copy = await hand(people[2]!, `${ESSAY} and my own ending`);
      now = await state();
      expect(now.pairs_version).not.toBe(now.version);
      await runJobsUntilIdle(deps, [similarityPairsJob]);
      const after = await stored(first);
      expect(after.pairs.map((p) => [p.a, p.b, p.percent])).toEqual([['Person 0', 'Person 2', 100]]);
      expect(after).toEqual(await live(first));
      expect((await stored(copy)).pairs.map((p) => p.b)).toEqual(['Person 0']);
    });

    it('shows the latest attempt only; an earlier attempt is still checked (live) against the latest ones', async () => {
      const mine = await hand(people[0]!, ESSAY);
      const theirs = await hand(people[1]!, `${ESSAY} and my own ending`);
      expect((await stored(mine)).total).toBe(1);
      await reopenSubmission(deps.db, deps, actorOf(world.facilitator), world.assignmentId, theirs, {
        reason: 'Wrong text',
      });
      await startAttempt(deps.db, deps, actorOf(people[1]!), world.assignmentId);
      const second = await hand(people[1]!, OTHER);
      expect((await stored(mine)).total).toBe(0);
      expect(await stored(second)).toEqual(await live(second));
      // The first attempt, no longer the latest: compared with the others' latest, as before.
      expect((await stored(theirs)).pairs.map((p) => p.b)).toEqual(['Person 0']);
      expect(await stored(theirs)).toEqual(await live(theirs));
    });

    it('follows the reference documents added and removed', async () => {
      const mine = await hand(people[0]!, ESSAY);
      expect((await stored(mine)).total).toBe(0);
      const { id } = await uploadReferenceDocument(
        deps.db,
        deps,
        actorOf(world.facilitator),
        world.assignmentId,
        {
          fileName: 'source.docx',
          bytes: await docxBytes('Ann', ESSAY),
        },
      );
      const withReference = await stored(mine);
      expect(withReference.pairs.map((p) => [p.b, p.reference])).toEqual([['source.docx', true]]);
      expect(withReference).toEqual(await live(mine));
      await removeReferenceDocument(deps.db, deps, actorOf(world.facilitator), world.assignmentId, id);
      expect((await stored(mine)).total).toBe(0);
    });
  });
}
