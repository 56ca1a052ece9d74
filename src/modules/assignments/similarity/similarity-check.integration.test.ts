import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  enrolOther,
  pdfBytes,
  pdfOfText,
} from '../../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildEdition, buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { systemActor } from '../../../kernel/actor.js';
import type { AppError } from '../../../kernel/errors.js';
import { createGroupSet } from '../../groups/manage-group-sets.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { getManagePage } from '../get-manage-page.js';
import { getMarkerView } from '../get-marker-view.js';
import { createAssignment, updateAssignmentSettings } from '../save-assignment.js';
import { saveDraft } from '../save-draft.js';
import { getSubmissionsZip } from '../submissions-zip.js';
import { submitAssignment } from '../submit-assignment.js';
import { uploadSubmissionFile } from '../upload-submission-file.js';
import { removeReferenceDocument, uploadReferenceDocument } from './reference-documents.js';
import { latestPerWorkUnit } from './similarity-check.js';

const ESSAY =
  'Labour migration statistics in the region come from border records and household surveys that rarely meet, so a shared register of outgoing workers would let ministries count departures and returns';

describe('latestPerWorkUnit', () => {
  it('keeps a group’s latest attempt once, whoever started it, and each person’s own', () => {
    const rows = [
      { id: '1', person_id: 'ann', group_id: 'g', attempt: 1 },
      { id: '2', person_id: 'bob', group_id: 'g', attempt: 2 },
      { id: '3', person_id: 'cy', group_id: null, attempt: 1 },
    ];
    expect(latestPerWorkUnit(rows).map((r) => r.id)).toEqual(['2', '3']);
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: the similarity check`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let other: TestPerson;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps);
      other = await enrolOther(deps, world);
    });
    afterEach(async () => {
      await deps.close();
    });

    async function hand(person: TestPerson, assignmentId: string, text: string, pdf?: string) {
      const me = actorOf(person);
      await saveDraft(deps.db, deps, me, assignmentId, { text, declared: true });
      if (pdf)
        await uploadSubmissionFile(deps.db, deps, me, assignmentId, {
          fileName: 'b.pdf',
          bytes: Buffer.from(await pdfOfText(pdf)),
        });
      await submitAssignment(deps.db, deps, me, assignmentId);
    }

    it('reads the text of PDF files and shows the shared passages side by side', async () => {
      await hand(world.participant, world.assignmentId, 'See the attached brief, please.', ESSAY);
      await hand(other, world.assignmentId, `My own opening words. ${ESSAY}.`);
      const page = await getManagePage(deps.db, deps, actorOf(world.facilitator), world.assignmentId);
      expect(page.similar.pairs).toHaveLength(1);
      const [pair] = page.similar.pairs;
      // Without the PDF's text the first submission shares nothing with the second.
      expect(pair!.percent).toBeGreaterThan(50);
      expect(pair!.earlierEdition).toBeNull();
      expect(pair!.passages[0]!.a.toLowerCase()).toContain('a shared register of outgoing workers');
      expect(pair!.passages[0]!.b.toLowerCase()).toContain('a shared register of outgoing workers');
      // The marker's page shows the same pair for this submission, blind: participant numbers only.
      const submission = await deps.db
        .selectFrom('assignment_submissions')
        .select('id')
        .where('person_id', '=', world.participant.id)
        .executeTakeFirstOrThrow();
      const { allocateMarker } = await import('../../marking/allocation/allocate-markers.js');
      const { markingOfOwner } = await import('../../marking/marking.queries.js');
      const marking = await markingOfOwner(deps.db, 'assignments', submission.id);
      await allocateMarker(deps.db, deps, actorOf(world.facilitator), marking!.id, {
        markerId: world.assessor.id,
        role: 'first',
      });
      const view = await getMarkerView(deps.db, deps, actorOf(world.assessor), submission.id);
      expect(view.similar!.pairs.map((p) => [p.a, p.b])).toEqual([['P-0001', 'P-0002']]);
      expect(view.similar!.pairs[0]!.passages[0]!.b.toLowerCase()).toContain(
        'a shared register of outgoing workers',
      );
      expect(JSON.stringify(view.similar!.pairs)).not.toContain('Omar Other');
    });

    it('compares with the submissions of the course’s earlier editions (by their number), not with later ones', async () => {
      const earlierFacilitator = await buildPerson(deps, { roles: ['facilitator'] });
      const earlier = await buildEdition(deps, world.edition.courseCode, {
        selfPacedStart: '2027-01-04',
        selfPacedEnd: '2027-01-15',
        liveStart: '2027-01-18',
        liveEnd: '2027-01-29',
        assignmentDue: '2027-02-05',
        registrationDeadline: '2026-12-20',
        facilitatorIds: [earlierFacilitator.id],
      });
      const alumnus = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), earlier.id, {
        email: alumnus.email,
        fundingKind: 'self',
      });
      const { id: earlierAssignment } = await createAssignment(
        deps.db,
        deps,
        actorOf(earlierFacilitator),
        earlier.id,
        {
          title: 'Brief',
          instructions: { en: 'Write' },
          acceptsText: true,
        },
      );
      await hand(alumnus, earlierAssignment, ESSAY);
      await hand(world.participant, world.assignmentId, `${ESSAY} and more of my own.`);
      const page = await getManagePage(deps.db, deps, actorOf(world.facilitator), world.assignmentId);
      expect(page.similar.pairs.map((p) => [p.b, p.earlierEdition, p.percent])).toEqual([
        ['P-0001', earlier.code ?? earlier.id, 100],
      ]);
      // The earlier edition's own check does not look forward.
      const past = await getManagePage(deps.db, deps, actorOf(earlierFacilitator), earlierAssignment);
      expect(past.similar.pairs).toEqual([]);
    });

    it('compares with the reference documents staff upload; one without text is refused and stores nothing', async () => {
      const staff = actorOf(world.facilitator);
      const refused = await uploadReferenceDocument(deps.db, deps, staff, world.assignmentId, {
        fileName: 'scan.pdf',
        bytes: pdfBytes(),
      }).catch((error: AppError) => error.fields);
      expect(refused).toEqual([{ path: 'file', key: 'assignments.error.referenceNoText' }]);
      expect(await deps.db.selectFrom('assignment_references').selectAll().execute()).toEqual([]);
      const { id } = await uploadReferenceDocument(deps.db, deps, staff, world.assignmentId, {
        fileName: 'Model answer.docx',
        bytes: await docxBytes('Staff', `Model answer. ${ESSAY}. End of the model.`),
      });
      await hand(world.participant, world.assignmentId, ESSAY);
      const page = await getManagePage(deps.db, deps, staff, world.assignmentId);
      expect(page.references.map((r) => r.title)).toEqual(['Model answer.docx']);
      expect(page.similar.pairs.map((p) => [p.b, p.reference, p.percent])).toEqual([
        ['Model answer.docx', true, 100],
      ]);
      await removeReferenceDocument(deps.db, deps, staff, world.assignmentId, id);
      expect((await getManagePage(deps.db, deps, staff, world.assignmentId)).similar.pairs).toEqual([]);
    });

    it('takes a group’s latest submission once, whoever started it, in the check and in the zip', async () => {
      const staff = actorOf(world.facilitator);
      const { id: setId } = await createGroupSet(
        deps.db,
        deps,
        staff,
        world.edition.id,
        { name: 'Teams', formation: 'random', groupCount: 1 },
        'Team',
      );
      await updateAssignmentSettings(deps.db, deps, staff, world.assignmentId, {
        title: 'Group brief',
        instructions: { en: 'Write together' },
        acceptsText: true,
        passMark: '50',
        groupWork: 'on',
        groupSetId: setId,
      });
      // The participant hands in attempt 1; reopened, the partner starts and hands in attempt 2.
      const { saveContribution } = await import('../save-contribution.js');
      const { reopenSubmission } = await import('../reopen-submission.js');
      const me = actorOf(world.participant);
      const them = actorOf(other);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: ESSAY, declared: true });
      await saveContribution(deps.db, deps, me, world.assignmentId, { statement: 'I wrote it.' });
      const first = await submitAssignment(deps.db, deps, me, world.assignmentId);
      await reopenSubmission(deps.db, deps, staff, world.assignmentId, first.submissionId, {
        reason: 'Redo',
      });
      await saveDraft(deps.db, deps, them, world.assignmentId, { text: `${ESSAY} again`, declared: true });
      await saveContribution(deps.db, deps, them, world.assignmentId, { statement: 'I edited it.' });
      await submitAssignment(deps.db, deps, them, world.assignmentId);
      const page = await getManagePage(deps.db, deps, staff, world.assignmentId);
      // One group, its latest attempt only: nothing to compare it with (no self-match between attempts).
      expect(page.similar.pairs).toEqual([]);
      const zip = await getSubmissionsZip(deps.db, deps, staff, world.assignmentId);
      expect(zip.entries).toHaveLength(1);
      expect(zip.entries[0]!.bytes.toString()).toContain('again');
    });
  });
}
