import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_SETTINGS,
  type AssessmentWorld,
  buildAssessmentWorld,
  DUE,
  enrolOther,
  handIn,
  pdfBytes,
} from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import type { TestPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { uploadFeedbackFile } from '../marking/feedback/attach-feedback-files.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { saveMark } from '../marking/save-mark.js';
import { getAssignmentPage } from './get-assignment-page.js';
import { ASSIGNMENT_FACTS_TABLES, readAssignmentFacts } from './kept-assignments.js';
import { updateAssignmentSettings } from './save-assignment.js';
import { setDateOverride } from './set-date-override.js';

/**
 * The participant's assignment page keeps the assignment's settings and date overrides until their tables
 * are written (ADR 0009) and renders what every reader sees alike once; the reader's own rows (attempts,
 * files, marks) are read on every view. A change made through the use cases must show on the next view, in
 * the data and in the HTML, and nothing of another participant may show.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the participant's assignment page, kept and fresh`, () => {
    let deps: TestDeps;
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let close: () => Promise<void>;
    let world: AssessmentWorld;
    let other: TestPerson;
    let browser: Client;
    const now = () => deps.clock.now().toISOString();
    const pageOf = (person: TestPerson) =>
      getAssignmentPage(deps.db, deps, actorOf(person), world.assignmentId, now());
    const html = async () => (await browser.get(`/assignments/${world.assignmentId}`)).body;

    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      deps.clock.set('2026-12-01T10:00:00.000Z');
      world = await buildAssessmentWorld(deps);
      other = await enrolOther(deps, world, 'Olga Other');
      browser = new Client(app);
      await browser.signIn(world.participant.email, world.participant.password);
    }, 60_000);
    afterAll(async () => close?.());

    it('names every table its kept settings and overrides are read from', async () => {
      await setDateOverride(deps.db, deps, actorOf(world.facilitator), world.assignmentId, {
        scope: 'person',
        personId: other.id,
        dueAt: '2026-12-09T12:00:00.000Z',
      });
      const { db, read } = recordingTables(deps.db);
      expect(await readAssignmentFacts(db, world.assignmentId)).not.toBeNull();
      expect([...read()].filter((table) => !ASSIGNMENT_FACTS_TABLES.includes(table as never))).toEqual([]);
    });

    it('shows a change of the settings and an extension at once, in the data and the HTML', async () => {
      const first = await pageOf(world.participant);
      expect((await pageOf(world.participant)).kept).toBe(first.kept);
      expect(first.dates.dueAt).toBe(DUE);
      expect(await html()).toContain('Policy brief');
      await updateAssignmentSettings(deps.db, deps, actorOf(world.facilitator), world.assignmentId, {
        ...ASSIGNMENT_SETTINGS,
        title: 'Policy brief, revised',
        instructions: { en: 'Three pages now.' },
        maxFiles: 3,
      });
      const revised = await pageOf(world.participant);
      expect(revised.settings.title).toBe('Policy brief, revised');
      expect(revised.settings.maxFiles).toBe(3);
      const body = await html();
      expect(body).toContain('<h1>Policy brief, revised</h1>');
      expect(body).toContain('Three pages now.');
      expect(body).not.toContain('Two pages.');
      await setDateOverride(deps.db, deps, actorOf(world.facilitator), world.assignmentId, {
        scope: 'extension',
        personId: world.participant.id,
        dueAt: '2026-12-20T12:00:00.000Z',
        reason: 'Illness',
      });
      const extended = await pageOf(world.participant);
      expect(extended.dates.dueAt).toBe('2026-12-20T12:00:00.000Z');
      expect(extended.dates.source.dueAt).toBe('extension');
      expect(await html()).toContain('datetime="2026-12-20T12:00:00.000Z"');
      // The other participant's own override shows to them only; the extension is not theirs.
      const theirs = await pageOf(other);
      expect(theirs.dates.dueAt).toBe('2026-12-09T12:00:00.000Z');
      expect(theirs.dates.source.dueAt).toBe('person');
    });

    it("shows one's own submission at once, the mark and feedback files only once released, nothing of others", async () => {
      expect((await pageOf(world.participant)).attempts).toEqual([]);
      await handIn(deps, world, other, 'Their own words');
      expect((await pageOf(world.participant)).attempts).toEqual([]);
      expect(await html()).not.toContain('Their own words');
      const submissionId = await handIn(deps, world, world.participant, 'My brief, in my words');
      const submitted = await pageOf(world.participant);
      expect(submitted.attempts.map((a) => [a.row.id, a.row.status, a.marking?.released])).toEqual([
        [submissionId, 'submitted', null],
      ]);
      expect(await html()).toContain('My brief, in my words');
      const marking = await deps.db
        .selectFrom('marking_submissions')
        .select('id')
        .where('owner_id', '=', submissionId)
        .executeTakeFirstOrThrow();
      const staff = actorOf(world.facilitator);
      await allocateMarker(deps.db, deps, staff, marking.id, { markerId: world.assessor.id, role: 'first' });
      await saveMark(deps.db, deps, actorOf(world.assessor), marking.id, {
        points: {},
        comments: {},
        overall: 'A sharp brief',
        mark: '72',
        complete: true,
      });
      await agreeMark(deps.db, deps, staff, marking.id, {});
      await uploadFeedbackFile(deps.db, deps, staff, marking.id, {
        fileName: 'notes.pdf',
        bytes: pdfBytes(),
      });
      const agreed = await pageOf(world.participant);
      expect(agreed.attempts[0]?.marking?.released).toBeNull();
      expect(await html()).not.toContain('A sharp brief');
      await releaseMark(deps.db, deps, staff, marking.id);
      const released = (await pageOf(world.participant)).attempts[0]?.marking?.released;
      expect(released).toMatchObject({ markText: '72.00', overall: 'A sharp brief' });
      expect(released?.files.map((f) => f.name)).toEqual(['feedback-1.pdf']);
      const body = await html();
      expect(body).toContain('A sharp brief');
      expect(body).toContain('feedback-1.pdf');
      expect(body).not.toContain('Their own words');
      // The other participant still sees only their own attempt, unmarked.
      const theirs = await pageOf(other);
      expect(theirs.attempts.map((a) => [a.row.person_id, a.marking?.released ?? null])).toEqual([
        [other.id, null],
      ]);
    });
  });
}
