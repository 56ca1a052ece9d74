import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssessmentWorld, buildAssessmentWorld } from '../../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { readMarkerChoices } from '../get-marking-views.js';
import { MARKER_CHOICES_TABLES } from '../marking-kept-tables.js';
import { getRubric } from './get-rubrics.js';
import {
  latestCriteria,
  RUBRIC_TABLES,
  RUBRIC_VERSION_TABLES,
  readLatestCriteria,
  readRubric,
  readVersionCriteria,
  versionCriteria,
} from './kept-rubrics.js';
import { latestRubricVersion } from './marking-rubrics.repository.js';
import { saveRubric } from './save-rubric.js';

const criterion = (title: string, maxPoints: number) => ({
  id: 'c1',
  title,
  weight: 1,
  maxPoints,
  levels: [{ label: 'Good', points: maxPoints }],
});

/**
 * Rubrics are kept until a rubric or a version is written (ADR 0009): the declared tables must name every
 * table the reads run, and a rubric saved through the use case must show at once.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: kept rubrics`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let rubricId: string;
    beforeAll(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps);
      ({ id: rubricId } = await saveRubric(deps.db, deps, actorOf(world.facilitator), null, {
        title: 'Brief',
        criteria: [criterion('Argument', 10)],
      }));
    }, 60_000);
    afterAll(async () => deps?.close());

    it('declares every table its reads run', async () => {
      const versionId = (await latestRubricVersion(deps.db, rubricId))?.id as string;
      const tablesOf = async (read: (db: typeof deps.db) => Promise<unknown>) => {
        const recording = recordingTables(deps.db);
        expect(await read(recording.db)).not.toBeNull();
        return recording.read();
      };
      expect(await tablesOf((db) => readRubric(db, rubricId))).toEqual(new Set(RUBRIC_TABLES));
      expect(await tablesOf((db) => readLatestCriteria(db, rubricId))).toEqual(
        new Set(RUBRIC_VERSION_TABLES),
      );
      expect(await tablesOf((db) => readVersionCriteria(db, versionId))).toEqual(
        new Set(RUBRIC_VERSION_TABLES),
      );
      expect(await tablesOf((db) => readMarkerChoices(db))).toEqual(new Set(MARKER_CHOICES_TABLES));
    });

    it('keeps a rubric until it is saved, then shows the new version at once', async () => {
      const staff = actorOf(world.facilitator);
      const before = await getRubric(deps.db, deps, staff, rubricId);
      expect(await getRubric(deps.db, deps, staff, rubricId)).toBe(before);
      expect(Object.isFrozen(before.criteria[0])).toBe(true);
      const versionId = (await latestRubricVersion(deps.db, rubricId))?.id as string;
      await saveRubric(deps.db, deps, staff, rubricId, {
        title: 'Brief, revised',
        criteria: [criterion('Evidence', 20)],
      });
      const after = await getRubric(deps.db, deps, staff, rubricId);
      expect(after.title).toBe('Brief, revised');
      expect(after.criteria.map((c) => [c.title, c.maxPoints])).toEqual([['Evidence', 20]]);
      expect((await latestCriteria(deps.db, rubricId))?.[0]?.title).toBe('Evidence');
      const version = await versionCriteria(deps.db, versionId);
      // Unused so far: the version was edited in place, or a new one was made; either way it reads as stored.
      expect(version).toEqual(await readVersionCriteria(deps.db, versionId));
      await expect(getRubric(deps.db, deps, staff, '01a2500a-0000-7000-8000-000000000000')).rejects.toThrow();
    });
  });
}
