import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildProgramme } from '../../../test/helpers/factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { ensureProgramme } from './create-programme.js';
import { allProgrammes, findProgramme, findProgrammeById, PROGRAMME_TABLES } from './programmes.queries.js';
import { updateProgramme } from './update-programme.js';
import { updateTheme } from './update-theme.js';

const SYSTEM = systemActor('test');

/** The programmes are kept until a programme or theme changes (ADR 0009); every change shows at once. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: kept programmes`, () => {
    let deps: TestDeps;
    let programmeId: string;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      programmeId = await buildProgramme(deps);
    });
    afterAll(async () => deps?.close());

    it('names every table it reads', async () => {
      const { db, read } = recordingTables(deps.db);
      await allProgrammes(db);
      await findProgramme(db, 'labour-migration');
      await findProgrammeById(db, programmeId);
      expect([...read()].sort()).toEqual([...PROGRAMME_TABLES].sort());
    });

    it('shows a new title, a renamed theme, new themes and a new programme at once', async () => {
      const before = await findProgramme(deps.db, 'labour-migration');
      expect(before?.title.en).toBe('Diploma in Testing');
      expect(await findProgramme(deps.db, 'labour-migration')).toBe(before);
      await updateProgramme(deps.db, deps, SYSTEM, 'labour-migration', {
        title: { en: 'Diploma, renamed' },
        summary: { en: 'A programme for tests.' },
        description: {},
        audience: {},
        eligibility: {},
        certification: {},
        windowYears: '5',
        electivesRequired: '3',
        totalHours: '300',
        capstoneHours: '40',
      });
      expect((await findProgrammeById(deps.db, programmeId))?.title.en).toBe('Diploma, renamed');
      await updateTheme(deps.db, deps, SYSTEM, 'rights', { name: { en: 'Rights, renamed' } });
      const themes = (await findProgramme(deps.db, 'labour-migration'))?.themes.map((t) => t.name.en);
      expect(themes).toContain('Rights, renamed');
      await ensureProgramme(deps.db, deps, SYSTEM, 'second-programme', ['rights'], {
        title: { en: 'Second' },
        summary: { en: 'Another.' },
        windowYears: 5,
        electivesRequired: 3,
        totalHours: 300,
        capstoneHours: 40,
      });
      expect((await allProgrammes(deps.db)).map((p) => p.slug)).toContain('second-programme');
      expect((await findProgramme(deps.db, 'second-programme'))?.themes.map((t) => t.slug)).toEqual([
        'rights',
      ]);
    });

    it('gives frozen programmes: a reader cannot change what the next reader sees', async () => {
      const programme = await findProgramme(deps.db, 'labour-migration');
      if (!programme) throw new Error('no programme');
      expect(() => {
        (programme as { slug: string }).slug = 'changed';
      }).toThrow(TypeError);
      expect(() => (programme.themes as unknown[]).push({})).toThrow(TypeError);
      expect((await findProgramme(deps.db, 'labour-migration'))?.slug).toBe('labour-migration');
    });
  });
}
