import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  pdfBytes,
} from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { isAppError } from '../../kernel/errors.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { releasedMarksOfContext } from '../marking/marking.queries.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { saveMark } from '../marking/save-mark.js';
import { sha256Hex, submissionDigest } from './assignment.js';
import { getAssignmentPage } from './get-assignment-page.js';
import { getManagePage } from './get-manage-page.js';
import { getOwnSubmissionFile } from './get-submission-file.js';
import { reopenSubmission } from './reopen-submission.js';
import { updateAssignmentSettings } from './save-assignment.js';
import { saveDraft, startAttempt } from './save-draft.js';
import { setDateOverride } from './set-date-override.js';
import { submitAssignment } from './submit-assignment.js';
import { uploadSubmissionFile } from './upload-submission-file.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error))
      return error.fields[0] ? `${error.fields[0].path}:${error.fields[0].key}` : error.code;
    throw error;
  }
  return undefined;
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: assignments`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('saves a draft, takes a PDF by content, and submits with a receipt, an email job and the item submitted', async () => {
      const me = actorOf(world.participant);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'My brief', declared: 'on' });
      await uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
        fileName: 'brief.pdf',
        bytes: pdfBytes(),
      });
      const receipt = await submitAssignment(deps.db, deps, me, world.assignmentId);
      expect(receipt.late).toBe(false);
      expect(receipt.digest).toBe(submissionDigest('My brief', [sha256Hex(pdfBytes())]));
      const notices = await deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', world.participant.id)
        .execute();
      expect(notices.map((n) => n.kind)).toContain('assignments.submitted');
      expect(JSON.parse(notices.find((n) => n.kind === 'assignments.submitted')!.event_json).digest).toBe(
        receipt.digest,
      );
      const jobs = await deps.db.selectFrom('jobs').select('kind').execute();
      expect(jobs.map((j) => j.kind)).toContain('notifications.email');
      const progress = await deps.db
        .selectFrom('space_item_progress')
        .selectAll()
        .where('item_id', '=', world.itemId)
        .executeTakeFirst();
      expect(progress?.last_outcome).toBe('submitted');
      expect(progress?.completed_at).not.toBeNull();
      const marking = await deps.db.selectFrom('marking_submissions').selectAll().execute();
      expect(marking).toHaveLength(1);
      expect(marking[0]!.state).toBe('not-marked');
      const page = await getAssignmentPage(
        deps.db,
        deps,
        me,
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(page.attempts[0]!.row.status).toBe('submitted');
      expect(page.attempts[0]!.files[0]!.marker_name).toBe('P-0001-1.pdf');
      // No second submission under "none".
      expect(await refusal(saveDraft(deps.db, deps, me, world.assignmentId, { text: 'again' }))).toBe(
        'invalid_state',
      );
    });

    it('refuses a file that is not a PDF by content, a file too large, too many files, and nothing changes', async () => {
      const me = actorOf(world.participant);
      expect(
        await refusal(
          uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
            fileName: 'x.pdf',
            bytes: Buffer.from('<html>'),
          }),
        ),
      ).toBe('file:assignments.error.fileType');
      expect(
        await refusal(
          uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
            fileName: 'x.pdf',
            bytes: Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024)]),
          }),
        ),
      ).toBe('file:assignments.error.fileTooLarge');
      expect(await deps.db.selectFrom('assignment_files').selectAll().execute()).toHaveLength(0);
      await uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
        fileName: 'a.pdf',
        bytes: pdfBytes(),
      });
      await uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
        fileName: 'b.pdf',
        bytes: pdfBytes(),
      });
      expect(
        await refusal(
          uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
            fileName: 'c.pdf',
            bytes: pdfBytes(),
          }),
        ),
      ).toBe('file:assignments.error.tooManyFiles');
      expect(await deps.db.selectFrom('assignment_files').selectAll().execute()).toHaveLength(2);
    });

    it('needs the declaration and some work before submitting', async () => {
      const me = actorOf(world.participant);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: '' });
      expect(await refusal(submitAssignment(deps.db, deps, me, world.assignmentId))).toBe(
        'text:assignments.error.empty',
      );
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'Work' });
      expect(await refusal(submitAssignment(deps.db, deps, me, world.assignmentId))).toBe(
        'declared:assignments.error.declaration',
      );
    });

    it('flags a submission after the due date as late and refuses one after the cut-off; an extension moves both', async () => {
      const me = actorOf(world.participant);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'Work', declared: true });
      deps.clock.set('2026-12-11T00:00:00.000Z');
      expect(await refusal(submitAssignment(deps.db, deps, me, world.assignmentId))).toBe('invalid_state');
      // An extension needs a reason; with one, it beats the default.
      const staff = actorOf(world.facilitator);
      expect(
        await refusal(
          setDateOverride(deps.db, deps, staff, world.assignmentId, {
            scope: 'extension',
            personId: world.participant.id,
            dueAt: '2026-12-12T12:00:00.000Z',
          }),
        ),
      ).toBe('reason:assignments.error.reasonRequired');
      await setDateOverride(deps.db, deps, staff, world.assignmentId, {
        scope: 'person',
        personId: world.participant.id,
        dueAt: '2026-12-09T12:00:00.000Z',
      });
      await setDateOverride(deps.db, deps, staff, world.assignmentId, {
        scope: 'extension',
        personId: world.participant.id,
        dueAt: '2026-12-12T12:00:00.000Z',
        reason: 'Illness',
      });
      const page = await getAssignmentPage(
        deps.db,
        deps,
        me,
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(page.dates.dueAt).toBe('2026-12-12T12:00:00.000Z');
      expect(page.dates.source.dueAt).toBe('extension');
      expect(page.dates.cutoffAt).toBe('2026-12-12T12:00:00.000Z');
      expect((await submitAssignment(deps.db, deps, me, world.assignmentId)).late).toBe(false);
      const audits = await deps.db
        .selectFrom('audit_events')
        .select(['action', 'after_json'])
        .where('action', '=', 'assignments.dates-overridden')
        .execute();
      expect(audits).toHaveLength(2);
      expect(audits.some((a) => (a.after_json ?? '').includes('Illness'))).toBe(true);
    });

    it('takes a late penalty (points per started day, capped) from the released mark and shows it', async () => {
      const staff = actorOf(world.facilitator);
      const penalised = await buildAssessmentWorld(deps, {
        latePenaltyKind: 'percent-per-day',
        latePenaltyAmount: '5',
        latePenaltyCap: '12,5',
      });
      const me = actorOf(penalised.participant);
      await saveDraft(deps.db, deps, me, penalised.assignmentId, { text: 'Late work', declared: true });
      deps.clock.set('2026-12-10T11:00:00.000Z'); // two started days after the due date
      const receipt = await submitAssignment(deps.db, deps, me, penalised.assignmentId);
      expect(receipt.late).toBe(true);
      const marking = await deps.db
        .selectFrom('marking_submissions')
        .select(['id', 'late_penalty'])
        .where('owner_id', '=', receipt.submissionId)
        .executeTakeFirstOrThrow();
      expect(marking.late_penalty).toBe(1000);
      const owner = actorOf(penalised.facilitator);
      await allocateMarker(deps.db, deps, owner, marking.id, {
        markerId: penalised.assessor.id,
        role: 'first',
      });
      await saveMark(deps.db, deps, actorOf(penalised.assessor), marking.id, {
        points: {},
        comments: {},
        overall: 'Sound',
        mark: '55',
        complete: true,
      });
      await agreeMark(deps.db, deps, owner, marking.id, {});
      await releaseMark(deps.db, deps, owner, marking.id);
      const page = await getAssignmentPage(
        deps.db,
        deps,
        me,
        penalised.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(page.attempts[0]!.marking?.released).toMatchObject({
        mark: 4500,
        markText: '45.00',
        penalty: 1000,
        markBeforePenaltyText: '55.00',
        passed: false,
      });
      const progress = await releasedMarksOfContext(deps.db, penalised.edition.id);
      expect(progress.map((m) => m.mark)).toEqual([4500]);
      // A penalty kind without points is refused; "none" keeps no points.
      expect(
        await refusal(
          updateAssignmentSettings(deps.db, deps, staff, world.assignmentId, {
            title: 'Policy brief',
            acceptsText: true,
            latePenaltyKind: 'fixed',
          }),
        ),
      ).toBe('latePenaltyAmount:assignments.error.latePenalty');
    });

    it('keeps earlier attempts: a facilitator reopens by hand, a new attempt starts empty', async () => {
      const me = actorOf(world.participant);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'First', declared: true });
      const first = await submitAssignment(deps.db, deps, me, world.assignmentId);
      expect(await refusal(startAttempt(deps.db, deps, me, world.assignmentId))).toBe('invalid_state');
      expect(
        await refusal(
          reopenSubmission(
            deps.db,
            deps,
            actorOf(world.facilitator),
            world.assignmentId,
            first.submissionId,
            { reason: '' },
          ),
        ),
      ).toBe('reason:assignments.error.reasonRequired');
      await reopenSubmission(
        deps.db,
        deps,
        actorOf(world.facilitator),
        world.assignmentId,
        first.submissionId,
        { reason: 'Wrong file' },
      );
      expect((await startAttempt(deps.db, deps, me, world.assignmentId)).attempt).toBe(2);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'Second', declared: true });
      deps.clock.set('2026-12-09T00:00:00.000Z');
      const second = await submitAssignment(deps.db, deps, me, world.assignmentId);
      expect(second.late).toBe(true);
      const page = await getAssignmentPage(
        deps.db,
        deps,
        me,
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(page.attempts.map((a) => [a.row.attempt, a.row.text, a.row.late])).toEqual([
        [1, 'First', 0],
        [2, 'Second', 1],
      ]);
    });

    it("never gives a participant another person's file, and nobody outside the edition reaches the assignment", async () => {
      const me = actorOf(world.participant);
      const { fileId } = await uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
        fileName: 'a.pdf',
        bytes: pdfBytes(),
      });
      const submission = await deps.db
        .selectFrom('assignment_submissions')
        .select('id')
        .executeTakeFirstOrThrow();
      expect(
        (await getOwnSubmissionFile(deps.db, deps, me, world.assignmentId, submission.id, fileId)).fileName,
      ).toBe('a.pdf');
      const other = await buildPerson(deps);
      const { enrolDirectly } = await import('../places/enrol-directly.js');
      const { systemActor } = await import('../../kernel/actor.js');
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      expect(
        await refusal(
          getOwnSubmissionFile(deps.db, deps, actorOf(other), world.assignmentId, submission.id, fileId),
        ),
      ).toBe('not_found');
      expect(
        await refusal(
          getAssignmentPage(
            deps.db,
            deps,
            actorOf(world.outsider),
            world.assignmentId,
            deps.clock.now().toISOString(),
          ),
        ),
      ).toBe('not_found');
      expect(
        await refusal(
          setDateOverride(deps.db, deps, actorOf(world.participant), world.assignmentId, {
            scope: 'extension',
            personId: world.participant.id,
            dueAt: '2026-12-30T00:00:00.000Z',
            reason: 'me',
          }),
        ),
      ).toBe('forbidden');
    });

    it('shows staff the pairs of submitted texts that are alike (within the cohort only)', async () => {
      const text =
        'Bilateral labour migration agreements should guarantee equal treatment of migrant workers in wages, social security and access to justice.';
      const other = await buildPerson(deps);
      const { enrolDirectly } = await import('../places/enrol-directly.js');
      const { systemActor } = await import('../../kernel/actor.js');
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      for (const person of [world.participant, other]) {
        await saveDraft(deps.db, deps, actorOf(person), world.assignmentId, { text, declared: true });
        await submitAssignment(deps.db, deps, actorOf(person), world.assignmentId);
      }
      const page = await getManagePage(deps.db, deps, actorOf(world.facilitator), world.assignmentId);
      expect(page.similar.pairs).toHaveLength(1);
      expect(page.similar.pairs[0]!.percent).toBe(100);
      expect(
        await refusal(getManagePage(deps.db, deps, actorOf(world.participant), world.assignmentId)),
      ).toBe('forbidden');
    });

    it("compares the text of DOCX files too (each author's metadata aside)", async () => {
      const docx = await buildAssessmentWorld(deps, { acceptsText: false, fileTypes: ['docx'] });
      const other = await buildPerson(deps);
      const { enrolDirectly } = await import('../places/enrol-directly.js');
      const { systemActor } = await import('../../kernel/actor.js');
      await enrolDirectly(deps.db, deps, systemActor('test'), docx.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      const essay =
        'Social dialogue at the sectoral level gives workers and employers a voice in setting minimum wages and working time.';
      for (const [person, author] of [
        [docx.participant, 'Ann'],
        [other, 'Bob'],
      ] as const) {
        const me = actorOf(person);
        await saveDraft(deps.db, deps, me, docx.assignmentId, { declared: true });
        await uploadSubmissionFile(deps.db, deps, me, docx.assignmentId, {
          fileName: 'essay.docx',
          bytes: await docxBytes(author, essay),
        });
        await submitAssignment(deps.db, deps, me, docx.assignmentId);
      }
      const page = await getManagePage(deps.db, deps, actorOf(docx.facilitator), docx.assignmentId);
      expect(page.similar.pairs.map((p) => p.percent)).toEqual([100]);
    });
  });
}
