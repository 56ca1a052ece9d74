import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { editionCode, importCsv } from '../../../test/helpers/import-helpers.js';
import { actorOf, buildPathwayProgramme, registerAs } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { commitImport } from '../pathway/import/import-commit.js';
import { uploadImport } from '../pathway/import/import-upload.js';
import { getClassList, recordResult } from '../pathway/record-result.js';
import { declinePlace } from './offers/decline-place.js';
import { requestPlace } from './offers/request-place.js';

const SYSTEM = systemActor('test');
const self = { fundingKind: 'self' };

/** Requests, waiting-list entries and declined requests are no place: no class list, no result, no progress. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: places and the pathway`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('keeps requests, the waiting list and declined requests out of the class list and its results', async () => {
      const programme = await buildPathwayProgramme(deps);
      const edition = await buildEdition(deps, programme.academy, { capacity: 1 });
      const [asking, waiting, declined] = [
        await buildPerson(deps),
        await buildPerson(deps),
        await buildPerson(deps),
      ];
      for (const p of [asking, waiting, declined]) await registerAs(deps, programme, p, '2026-01-05');
      const ask = await requestPlace(deps.db, deps, actorOf(asking), edition.id, self);
      const wait = await requestPlace(deps.db, deps, actorOf(waiting), edition.id, self);
      const gone = await requestPlace(deps.db, deps, actorOf(declined), edition.id, self);
      expect(wait.status).toBe('waitlisted');
      await declinePlace(deps.db, deps, SYSTEM, gone.id, {});
      expect((await getClassList(deps.db, deps, SYSTEM, edition.id)).rows).toEqual([]);
      // After the course (a result may not be dated in the future): still nobody in the class.
      deps.clock.set('2027-05-01T10:00:00.000Z');
      for (const id of [ask.id, wait.id, gone.id]) {
        const refused = await recordResult(deps.db, deps, SYSTEM, id, {
          outcome: 'achievement',
          grade: '',
          completedOn: '2027-04-20',
        }).catch((error: unknown) => error);
        expect(isAppError(refused, 'not_found')).toBe(true);
      }
      expect(await deps.db.selectFrom('results').selectAll().execute()).toEqual([]);
      const standings = await deps.db.selectFrom('candidacies').select('standing_json').execute();
      for (const s of standings) expect(s.standing_json).not.toContain('in-progress');
    });

    it('an imported result makes a place of a waiting-list entry (the person took the edition)', async () => {
      const programme = await buildPathwayProgramme(deps);
      const code = editionCode('R');
      const edition = await buildEdition(deps, programme.electives[0], { capacity: 1, code });
      const [first, waiting] = [await buildPerson(deps), await buildPerson(deps)];
      await requestPlace(deps.db, deps, actorOf(first), edition.id, self);
      const wait = await requestPlace(deps.db, deps, actorOf(waiting), edition.id, self);
      deps.clock.set('2027-05-01T10:00:00.000Z'); // the results are imported after the course
      const csv = importCsv([
        {
          email: waiting.email,
          course: programme.electives[0],
          edition: code,
          outcome: 'achievement',
          completed_on: '2027-04-20',
        },
      ]);
      const { id } = await uploadImport(deps.db, deps, SYSTEM, {
        fileName: 'r.csv',
        bytes: Buffer.from(csv),
      });
      await commitImport(deps.db, deps, SYSTEM, id);
      const row = await deps.db
        .selectFrom('enrolments')
        .select('status')
        .where('id', '=', wait.id)
        .executeTakeFirst();
      expect(row?.status).toBe('enrolled');
      expect((await getClassList(deps.db, deps, SYSTEM, edition.id)).rows.map((r) => r.userId)).toEqual([
        waiting.id,
      ]);
    });
  });
}
