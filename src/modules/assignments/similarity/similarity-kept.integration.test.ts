import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  enrolOther,
} from '../../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import type { AppError } from '../../../kernel/errors.js';
import { allocateMarker } from '../../marking/allocation/allocate-markers.js';
import { markingOfOwner } from '../../marking/marking.queries.js';
import { encodePrints } from '../../marking/similarity.js';
import { listSubmittedOfAssignment } from '../assignments.repository.js';
import { getManagePage } from '../get-manage-page.js';
import { getMarkerView } from '../get-marker-view.js';
import { saveDraft } from '../save-draft.js';
import { submitAssignment } from '../submit-assignment.js';
import { uploadSubmissionFile } from '../upload-submission-file.js';
import { extractTextJob } from './file-texts.js';
import { uploadReferenceDocument } from './reference-documents.js';
import { namedLabels, pairsPage, similarityCheck } from './similarity-check.js';

const ESSAY =
  'Labour migration statistics in the region come from border records and household surveys that rarely meet, so a shared register of outgoing workers would let ministries count departures and returns';
const CORRUPT_DOCX = Buffer.from(
  'PK\u0003\u0004 word/document.xml, then nothing a zip reader can use',
  'latin1',
);

describe('pairsPage', () => {
  it('reads a page number; anything else is the first page', () => {
    expect([pairsPage('3'), pairsPage('0'), pairsPage('x'), pairsPage(undefined), pairsPage('2.5')]).toEqual([
      3, 1, 1, 1, 1,
    ]);
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: the similarity check's kept fingerprints, pages of pairs and unreadable files`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let other: TestPerson;
    let third: TestPerson;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps, { fileTypes: ['pdf', 'docx'] });
      other = await enrolOther(deps, world);
      third = await enrolOther(deps, world, 'Tess Third');
    });
    afterEach(async () => {
      await deps.close();
    });

    async function hand(person: TestPerson, text: string, docx?: Buffer) {
      const me = actorOf(person);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text, declared: true });
      if (docx)
        await uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
          fileName: 'mine.docx',
          bytes: docx,
        });
      return (await submitAssignment(deps.db, deps, me, world.assignmentId)).submissionId;
    }

    const staff = () => actorOf(world.facilitator);

    it('keeps each text’s fingerprints at the first check and compares the kept ones afterwards', async () => {
      await hand(world.participant, ESSAY);
      const theirs = await hand(other, `My own opening words. ${ESSAY}.`);
      const prints = () =>
        deps.db.selectFrom('assignment_submissions').select(['id', 'text_prints']).execute();
      expect((await prints()).every((r) => r.text_prints === null)).toBe(true);
      expect((await getManagePage(deps.db, deps, staff(), world.assignmentId)).similar.total).toBe(1);
      expect((await prints()).every((r) => r.text_prints !== null)).toBe(true);
      // The kept fingerprints are what is compared: emptied, the pair is gone although the texts are alike.
      await deps.db
        .updateTable('assignment_submissions')
        .set({ text_prints: encodePrints(new Set()) })
        .where('id', '=', theirs)
        .execute();
      expect((await getManagePage(deps.db, deps, staff(), world.assignmentId)).similar.pairs).toEqual([]);
    });

    it('keeps a DOCX’s text with its fingerprints in the extraction job, read with mammoth', async () => {
      await hand(world.participant, 'See the file.', await docxBytes('Ann', ESSAY));
      await hand(other, ESSAY);
      expect(await runJobsUntilIdle(deps, [extractTextJob])).toBe(1);
      const kept = await deps.db.selectFrom('assignment_file_texts').selectAll().executeTakeFirstOrThrow();
      expect([kept.text, kept.unreadable, kept.prints === null]).toEqual([ESSAY, 0, false]);
      const page = await getManagePage(deps.db, deps, staff(), world.assignmentId);
      expect(page.similar.pairs.map((p) => p.percent)).toEqual([100]);
      expect(page.similar.unreadable).toEqual([]);
    });

    it('shows the most similar pairs first, one page at a time, with the count of all', async () => {
      await hand(world.participant, ESSAY);
      await hand(other, `${ESSAY} and more words of my own to end it`);
      await hand(third, `Something else first, then ${ESSAY.split(' ').slice(0, 18).join(' ')}`);
      const submitted = await listSubmittedOfAssignment(deps.db, world.assignmentId);
      const names = new Map([
        [world.participant.id, 'Pat'],
        [other.id, 'Omar'],
        [third.id, 'Tess'],
      ]);
      const check = (page: number) =>
        similarityCheck(
          deps.db,
          deps,
          { id: world.assignmentId, editionId: world.edition.id },
          submitted,
          namedLabels(deps.db, names),
          { page, perPage: 2 },
        );
      const first = await check(1);
      const all = [...first.pairs, ...(await check(2)).pairs];
      expect([first.total, first.pageCount, first.pairs.length]).toEqual([3, 2, 2]);
      expect(all.map((p) => p.percent)).toEqual([...all.map((p) => p.percent)].sort((a, b) => b - a));
      expect(all[0]!.percent).toBe(100);
      expect(all.every((p) => p.passages.length > 0)).toBe(true);
      expect(new Set(all.map((p) => `${p.a}-${p.b}`)).size).toBe(3);
      // Past the last page: the last page.
      expect((await check(7)).page).toBe(2);
    });

    it('says which DOCX could not be read, on the staff and the marker page, and refuses it as a reference', async () => {
      const mine = await hand(world.participant, ESSAY, CORRUPT_DOCX);
      await hand(other, ESSAY);
      expect(await runJobsUntilIdle(deps, [extractTextJob])).toBe(1);
      const kept = await deps.db.selectFrom('assignment_file_texts').selectAll().executeTakeFirstOrThrow();
      expect([kept.text, kept.unreadable]).toEqual(['', 1]);
      const page = await getManagePage(deps.db, deps, staff(), world.assignmentId);
      expect(page.similar.unreadable).toEqual(['P-0001-1.docx']);
      // The online texts are still compared.
      expect(page.similar.pairs.map((p) => p.percent)).toEqual([100]);
      const marking = await markingOfOwner(deps.db, 'assignments', mine);
      await allocateMarker(deps.db, deps, staff(), marking!.id, {
        markerId: world.assessor.id,
        role: 'first',
      });
      const view = await getMarkerView(deps.db, deps, actorOf(world.assessor), mine);
      expect(view.similar!.unreadable).toEqual(['P-0001-1.docx']);
      const refused = await uploadReferenceDocument(deps.db, deps, staff(), world.assignmentId, {
        fileName: 'broken.docx',
        bytes: CORRUPT_DOCX,
      }).catch((error: AppError) => error.fields);
      expect(refused).toEqual([{ path: 'file', key: 'assignments.error.referenceUnreadable' }]);
      expect(await deps.db.selectFrom('assignment_references').selectAll().execute()).toEqual([]);
    });
  });
}
