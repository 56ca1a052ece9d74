import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseSnapshot } from '../../../test/helpers/database-snapshot.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import {
  actorOf,
  buildParticipant,
  buildPathwayProgramme,
  type PathwayProgramme,
} from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { apiErrorBody } from '../../http/error-handler.js';
import { LOCALES, translator } from '../../i18n/i18n.js';
import { AppError } from '../../kernel/errors.js';
import { recordLegacyResult } from './record-legacy-result.js';

/**
 * A legacy certificate (earned before the platform) is dated in the past: a date after today, a date that
 * does not exist or an end before its start is refused with a translated message, and nothing is stored
 * (no result, no audit event, no certificate job). Today is TEST_NOW, 2026-11-28.
 */

for (const dialect of DIALECTS) {
  describe(`${dialect}: recording a legacy certificate`, () => {
    let deps: TestDeps;
    let programme: PathwayProgramme;
    let manager: ReturnType<typeof actorOf>;
    let input: (dates: { completedOn: string; startedOn?: string }) => Record<string, unknown>;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      programme = await buildPathwayProgramme(deps);
      manager = actorOf(await buildParticipant(deps, { roles: ['manager'] }));
      const person = await buildParticipant(deps);
      const academy = await deps.db
        .selectFrom('courses')
        .select('id')
        .where('code', '=', programme.academy)
        .executeTakeFirstOrThrow();
      input = (dates) => ({
        userId: person.id,
        courseId: academy.id,
        courseCode: programme.academy,
        outcome: 'achievement',
        grade: 'A',
        reference: 'OLD-2018-042',
        ...dates,
      });
    }, 60_000);
    afterAll(async () => deps?.close());

    const refusal = async (dates: { completedOn: string; startedOn?: string }) => {
      const before = await databaseSnapshot(deps);
      const error = await recordLegacyResult(deps.db, deps, manager, input(dates)).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(await databaseSnapshot(deps), 'nothing stored').toBe(before);
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };

    it.each([
      ['tomorrow', { completedOn: '2026-11-29' }, 'validation.completedInFuture'],
      ['in 2030', { completedOn: '2030-06-11' }, 'validation.completedInFuture'],
      ['a day that does not exist', { completedOn: '2018-02-30' }, 'validation.invalidDate'],
      ['not a date', { completedOn: '11/06/2018' }, 'validation.invalidDate'],
      [
        'ended before it started',
        { startedOn: '2018-06-01', completedOn: '2018-05-01' },
        'validation.endBeforeStart',
      ],
    ])('refuses a completion date %s, in every language, and stores nothing', async (_, dates, key) => {
      const error = await refusal(dates);
      expect(error.code).toBe('validation_failed');
      expect(error.fields.map((f) => `${f.path}:${f.key}`)).toEqual([`completedOn:${key}`]);
      for (const locale of LOCALES) {
        const t = translator(locale);
        const [field] = apiErrorBody(t, error).error.fields ?? [];
        expect(field?.message, locale).toBe(t.t(key));
        expect(field?.message, locale).not.toBe(key);
      }
    });

    it('records the same certificate dated today or earlier (once), audited', async () => {
      expect(await recordLegacyResult(deps.db, deps, manager, input({ completedOn: '2026-11-28' }))).toBe(
        true,
      );
      expect(await recordLegacyResult(deps.db, deps, manager, input({ completedOn: '2018-06-11' }))).toBe(
        true,
      );
      const rows = await deps.db
        .selectFrom('results')
        .select(['completed_on', 'source'])
        .where('reference', '=', 'OLD-2018-042')
        .orderBy('completed_on')
        .execute();
      expect(rows.map((r) => `${String(r.completed_on).slice(0, 10)} ${r.source}`)).toEqual([
        '2018-06-11 legacy',
        '2026-11-28 legacy',
      ]);
    });
  });
}
