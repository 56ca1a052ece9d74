import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { ANONYMOUS, systemActor } from '../../kernel/actor.js';
import { listAuditEvents } from '../../kernel/audit.js';
import { isAppError } from '../../kernel/errors.js';
import { getCourse } from './get-course.js';
import { createCourse, updateCourse } from './save-course.js';
import { createEdition, updateEdition } from './save-edition.js';
import { searchCatalogue } from './search-catalogue.js';
import { setCourseStatus } from './set-course-status.js';

const SYSTEM = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: catalogue`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('creates a course with themes, programme role and equivalence, and audits it', async () => {
      const academy = await buildCourse(deps, {
        programmes: [{ slug: 'labour-migration', role: 'compulsory' }],
      });
      const online = await buildCourse(deps, { countsAs: [academy.code], programmes: [] });
      expect(online.countsAs).toEqual([academy.code]);
      const again = (await getCourse(deps.db, deps, ANONYMOUS, academy.code)).course;
      expect(again.countedBy).toEqual([online.code]);
      expect(again.programmes).toEqual([
        expect.objectContaining({ programmeSlug: 'labour-migration', role: 'compulsory' }),
      ]);
      expect(again.themes.map((t) => t.slug)).toEqual(['governance']);
      const audit = await listAuditEvents(deps.db, 'course', academy.id);
      expect(audit.map((a) => a.action)).toEqual(['course.created']);
    });

    it('refuses a taken code, unknown links and a course counting as itself, changing nothing', async () => {
      const course = await buildCourse(deps);
      const attempt = (input: Record<string, unknown>) =>
        createCourse(deps.db, deps, SYSTEM, {
          code: 'NEWCODE1',
          title: { en: 'T' },
          learningHours: 10,
          credentialOnSuccess: 'achievement',
          ...input,
        }).catch((e: unknown) => e);
      const taken = await attempt({ code: course.code });
      expect(isAppError(taken, 'validation_failed') && taken.fields[0]?.key).toBe(
        'validation.courseCodeTaken',
      );
      const unknown = await attempt({
        themes: ['nope'],
        countsAs: ['ZZZ9'],
        programmes: [{ slug: 'other', role: 'elective' }],
      });
      expect(isAppError(unknown, 'validation_failed') && unknown.fields.map((f) => f.key).sort()).toEqual([
        'validation.unknownCourse',
        'validation.unknownProgramme',
        'validation.unknownTheme',
      ]);
      const itself = await attempt({ countsAs: ['NEWCODE1'] });
      expect(isAppError(itself, 'validation_failed') && itself.fields[0]?.key).toBe(
        'validation.equivalentToItself',
      );
      await expect(getCourse(deps.db, deps, ANONYMOUS, 'NEWCODE1')).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('finds courses by words in any language, ignoring case and accents', async () => {
      await buildCourse(deps, {
        title: { en: 'Protecting the rights of migrants', es: 'Protección de los derechos de migrantes' },
      });
      for (const q of ['protección', 'PROTECCION', 'protect rights', 'derech']) {
        const page = await searchCatalogue(deps.db, deps, ANONYMOUS, { q });
        expect(
          page.entries.map((e) => e.course.title.en),
          q,
        ).toContain('Protecting the rights of migrants');
      }
      // Ligatures and apostrophes fold the same way in documents and queries, on both engines.
      await buildCourse(deps, {
        title: { en: 'Island works', fr: 'L’œuvre de l’île', es: 'La obra de la isla' },
      });
      for (const q of ['oeuvre', 'ŒUVRE', "l'île", 'l’ile', "L'OEUVRE"]) {
        const page = await searchCatalogue(deps.db, deps, ANONYMOUS, { q });
        expect(
          page.entries.map((e) => e.course.title.en),
          q,
        ).toContain('Island works');
      }
      const none = await searchCatalogue(deps.db, deps, ANONYMOUS, { q: 'zzzunlikelyword' });
      expect(none.total).toBe(0);
      const symbols = await searchCatalogue(deps.db, deps, ANONYMOUS, { q: '"*:&|! ()' });
      expect(symbols.total).toBeGreaterThan(0);
    });

    it('filters by theme, language, mode, open registration and dates through the editions', async () => {
      const course = await buildCourse(deps, { themes: ['rights'] });
      await buildEdition(deps, course.code, { language: 'fr' });
      const residential = await buildCourse(deps, { themes: ['development'] });
      await buildEdition(deps, residential.code, {
        mode: 'residential',
        selfPacedStart: '',
        selfPacedEnd: '',
        liveStart: '',
        liveEnd: '',
        assignmentDue: '',
        residentialStart: '2025-06-01',
        residentialEnd: '2025-06-12',
        registrationOpen: false,
        registrationDeadline: '',
      });
      const codes = async (query: Record<string, string>) =>
        (await searchCatalogue(deps.db, deps, ANONYMOUS, query)).entries.map((e) => e.course.code);
      expect(await codes({ language: 'fr', theme: 'rights' })).toContain(course.code);
      expect(await codes({ language: 'fr' })).not.toContain(residential.code);
      expect(await codes({ mode: 'residential' })).toEqual(expect.arrayContaining([residential.code]));
      expect(await codes({ mode: 'residential' })).not.toContain(course.code);
      expect(await codes({ open: '1', theme: 'rights' })).toContain(course.code);
      expect(await codes({ open: '1', theme: 'development' })).not.toContain(residential.code);
      expect(await codes({ from: '2026-01-01', theme: 'development' })).not.toContain(residential.code);
      expect(await codes({ to: '2025-12-31', theme: 'development' })).toContain(residential.code);
    });

    it('hides retired courses from the public but not from managers, and audits the change', async () => {
      const course = await buildCourse(deps);
      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      await expect(getCourse(deps.db, deps, ANONYMOUS, course.code)).rejects.toMatchObject({
        code: 'not_found',
      });
      const manager = await buildPerson(deps, { roles: ['manager'] });
      const asManager = {
        kind: 'user' as const,
        id: manager.id,
        roles: manager.roles,
        via: 'session' as const,
      };
      expect((await getCourse(deps.db, deps, asManager, course.code)).course.status).toBe('retired');
      const publicCodes = (await searchCatalogue(deps.db, deps, ANONYMOUS, { retired: '1' })).entries.map(
        (e) => e.course.code,
      );
      expect(publicCodes).not.toContain(course.code);
      const audit = await listAuditEvents(deps.db, 'course', course.id);
      expect(audit[0]).toMatchObject({
        action: 'course.retired',
        before: { status: 'active' },
        after: { status: 'retired' },
      });
      await expect(createEdition(deps.db, deps, SYSTEM, course.code, {})).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });

    it('keeps edition dates consistent and derives the first and last day from the phases', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code, { feeAmount: '1500.5', feeCurrency: 'eur' });
      expect(edition).toMatchObject({
        startsOn: '2027-03-01',
        endsOn: '2027-04-16',
        feeAmount: 150050,
        feeCurrency: 'EUR',
      });
      const bad = await updateEdition(deps.db, deps, SYSTEM, edition.id, {
        language: 'en',
        mode: 'online',
        selfPacedStart: '2027-03-10',
        selfPacedEnd: '2027-03-01',
        residentialStart: '2027-03-20',
        residentialEnd: '2027-03-25',
        feeAmount: '12',
      }).catch((e: unknown) => e);
      expect(isAppError(bad, 'validation_failed') && bad.fields.map((f) => f.key).sort()).toEqual([
        'validation.endBeforeStart',
        'validation.feeNeedsBoth',
        'validation.onlineNoResidential',
      ]);
      const unchanged = await getCourse(deps.db, deps, ANONYMOUS, course.code);
      expect(unchanged.upcoming[0]?.selfPacedStart).toBe('2027-03-01');
    });

    it('updates a course and records before and after', async () => {
      const course = await buildCourse(deps);
      const updated = await updateCourse(deps.db, deps, SYSTEM, course.code, {
        code: course.code,
        title: { en: 'Renamed', fr: 'Renommé' },
        learningHours: 70,
        credentialOnSuccess: 'participation',
        themes: ['rights', 'development'],
      });
      expect(updated).toMatchObject({
        learningHours: 70,
        credentialOnSuccess: 'participation',
        programmes: [],
      });
      const [event] = await listAuditEvents(deps.db, 'course', course.id);
      expect(event).toMatchObject({
        action: 'course.updated',
        before: { learningHours: 60 },
        after: { learningHours: 70 },
      });
    });
  });
}
