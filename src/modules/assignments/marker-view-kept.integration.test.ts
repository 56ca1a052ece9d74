import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  enrolOther,
  handIn,
} from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import type { TestPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { getMarkerView, MARKER_VIEW_TABLES, markerContents } from './get-marker-view.js';
import { reopenSubmission } from './reopen-submission.js';
import { startAttempt } from './save-draft.js';
import { uploadReferenceDocument } from './similarity/reference-documents.js';

const ESSAY =
  'Labour migration statistics in the region come from border records and household surveys that rarely meet, so a shared register of outgoing workers would let ministries count departures and returns';
const OTHER =
  'Coastal fisheries cooperatives keep their catch books by hand, and a simple phone form sent each evening would give the district office the figures it now waits a month for';

/**
 * The markers' submission page is kept until one of its declared tables is written (ADR 0009): the list
 * must name every table its contents read (the stored pairs, an earlier attempt's live check, revealed or
 * not), and a change made through the use cases must show on the next view.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept markers' submission page`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let people: TestPerson[];
    const ids: string[] = [];
    const hand = (person: TestPerson, text: string) => handIn(deps, world, person, text);
    beforeAll(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps);
      people = [
        world.participant,
        await enrolOther(deps, world),
        await enrolOther(deps, world, 'Tess Third'),
      ];
      ids.push(await hand(people[0]!, ESSAY), await hand(people[1]!, `${ESSAY} and my own ending`));
    }, 60_000);
    afterAll(async () => deps?.close());

    it('names every table its contents read: stored pairs, references, an earlier attempt, revealed or not', async () => {
      const { db, read } = recordingTables(deps.db);
      await uploadReferenceDocument(deps.db, deps, actorOf(world.facilitator), world.assignmentId, {
        fileName: 'source.docx',
        bytes: await docxBytes('Ann', ESSAY),
      });
      for (const revealed of [false, true]) await markerContents(db, deps, ids[0]!, 1, revealed);
      await reopenSubmission(deps.db, deps, actorOf(world.facilitator), world.assignmentId, ids[1]!, {
        reason: 'Wrong text',
      });
      await startAttempt(deps.db, deps, actorOf(people[1]!), world.assignmentId);
      ids.push(await hand(people[1]!, OTHER));
      // The first attempt, no longer the latest: checked live.
      for (const id of ids) await markerContents(db, deps, id, 1, false);
      // `earlier` and `current` name the editions' read model (a subquery), not tables.
      const tables = [...read()].filter((table) => !['earlier', 'current'].includes(table));
      expect(tables.filter((table) => !MARKER_VIEW_TABLES.includes(table as never))).toEqual([]);
    });

    it('shows a new submission of the cohort and a reference document at once', async () => {
      const staff = actorOf(world.facilitator);
      const mine = ids[0]!;
      const before = await getMarkerView(deps.db, deps, staff, mine);
      expect(await getMarkerView(deps.db, deps, staff, mine)).toEqual(before);
      const copy = await hand(people[2]!, `${ESSAY} once more`);
      const after = await getMarkerView(deps.db, deps, staff, mine);
      expect(after.similar?.total).toBe((before.similar?.total ?? 0) + 1);
      expect(after.similar?.pairs.map((p) => p.b)).toContain(
        (await getMarkerView(deps.db, deps, staff, copy)).participant,
      );
      await uploadReferenceDocument(deps.db, deps, staff, world.assignmentId, {
        fileName: 'another.docx',
        bytes: await docxBytes('Ann', `${ESSAY} again`),
      });
      const withReference = await getMarkerView(deps.db, deps, staff, mine);
      expect(withReference.similar?.pairs.map((p) => p.b)).toContain('another.docx');
    });
  });
}
