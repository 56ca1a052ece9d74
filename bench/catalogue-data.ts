/**
 * The large-catalogue generator for the benchmark: the demo programme (through seedDemo), then thousands
 * of realistic courses and editions written in ONE transaction through the catalogue repository. Inputs
 * are checked with the same zod schemas and date rules as the manager's forms, so the rows are ones the
 * application could have written itself. Deterministic for a given seed.
 */
import type { Deps } from '../src/deps.js';
import { type LocalizedText, serializeLocalized } from '../src/i18n/localized.js';
import { systemActor } from '../src/kernel/actor.js';
import { newId } from '../src/kernel/ids.js';
import {
  insertCourse,
  insertEdition,
  listFacilitatorCandidates,
  saveCourseSearchDocument,
  setCourseEquivalences,
  setCourseProgrammes,
  setCourseThemes,
  setEditionFacilitators,
} from '../src/modules/catalogue/catalogue.repository.js';
import { courseSchema, editionSchema } from '../src/modules/catalogue/catalogue.schemas.js';
import { courseSearchDocument } from '../src/modules/catalogue/catalogue-mappers.js';
import { editionColumns } from '../src/modules/catalogue/edition-input.js';
import { ensureProgramme, ensureTheme } from '../src/modules/programmes/create-programme.js';
import { DEMO_THEMES } from '../src/modules/programmes/demo/demo-programme.js';
import { listProgrammes, listThemes } from '../src/modules/programmes/get-programme.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { type CoursePlan, type EditionPlan, planCatalogue } from './catalogue-plan.js';
import { EXTRA_PROGRAMMES, EXTRA_THEMES } from './catalogue-text.js';

export interface CatalogueSize {
  courses: number;
  editions: number;
  /** Seed of the pseudo-random generator (same seed, same catalogue). */
  seed: number;
}

export interface GeneratedCatalogue {
  /** Rows written by the generator (the demo programme's own courses and editions come on top). */
  courses: number;
  editions: number;
  timings: { demoMs: number; planMs: number; writeMs: number; totalMs: number };
  /** An active generated course with about ten editions (the course-page scenario). */
  sampleCourse: { code: string; editions: number };
  /** A scheduled edition of that course with facilitators (the edition-page scenario). */
  sampleEditionId: string;
}

const actor = systemActor('bench');

/** Builds the demo programme, then the large catalogue on top of it. */
export async function generateCatalogue(deps: Deps, size: CatalogueSize): Promise<GeneratedCatalogue> {
  const started = performance.now();
  await seedDemo(deps);
  await ensureExtraProgrammes(deps);
  const demoMs = performance.now() - started;

  const planStarted = performance.now();
  const themeIds = new Map((await listThemes(deps.db, deps)).map((t) => [t.slug, t.id]));
  const programmeIds = new Map((await listProgrammes(deps.db, deps, actor)).map((p) => [p.slug, p.id]));
  const facilitatorIds = (await listFacilitatorCandidates(deps.db)).map((f) => f.id);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const plan = planCatalogue({ ...size, today, facilitators: facilitatorIds.length });
  const lookups = { themeIds, programmeIds, facilitatorIds, courseIds: new Map<string, string>() };
  const rows = plan.map((course) => toRows(course, lookups));
  const planMs = performance.now() - planStarted;

  const writeStarted = performance.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await insertCourse(trx, row.course);
      await setCourseThemes(trx, row.course.id, row.themeIds);
      await setCourseProgrammes(trx, row.course.id, row.programmes);
      await setCourseEquivalences(trx, row.course.id, row.countsAsIds);
      await saveCourseSearchDocument(trx, row.course.id, row.searchBody);
      for (const edition of row.editions) {
        await insertEdition(trx, edition.row);
        if (edition.facilitatorIds.length)
          await setEditionFacilitators(trx, edition.row.id, edition.facilitatorIds);
      }
    }
  });
  const writeMs = performance.now() - writeStarted;

  const sample = rows.find((r) => r.course.status === 'active' && r.editions.length === 10) ?? rows[0]!;
  const sampleEdition =
    sample.editions.find((e) => e.row.status === 'scheduled' && e.facilitatorIds.length > 0) ??
    sample.editions[0]!;
  return {
    courses: rows.length,
    editions: rows.reduce((n, r) => n + r.editions.length, 0),
    timings: { demoMs, planMs, writeMs, totalMs: performance.now() - started },
    sampleCourse: { code: sample.course.code, editions: sample.editions.length },
    sampleEditionId: sampleEdition.row.id,
  };
}

/** The three extra themes and two extra programmes, through the programme use cases. */
async function ensureExtraProgrammes(deps: Deps): Promise<void> {
  for (const [index, theme] of EXTRA_THEMES.entries()) {
    await ensureTheme(deps.db, deps, actor, theme.slug, DEMO_THEMES.length + index + 1, {
      name: theme.name,
      description: theme.description,
    });
  }
  for (const programme of EXTRA_PROGRAMMES) {
    await ensureProgramme(deps.db, deps, actor, programme.slug, programme.themes, {
      title: programme.title,
      summary: programme.summary,
      windowYears: 3,
      electivesRequired: 2,
      totalHours: 120,
      capstoneHours: 20,
    });
  }
}

interface Lookups {
  themeIds: Map<string, string>;
  programmeIds: Map<string, string>;
  facilitatorIds: string[];
  /** Ids of the courses planned so far, by code (equivalences point to earlier courses). */
  courseIds: Map<string, string>;
}

const created = '2026-01-05T09:00:00.000Z';

/** Validates a planned course and its editions like the forms do, and maps them to rows. */
function toRows(plan: CoursePlan, lookups: Lookups) {
  const data = courseSchema.parse({
    code: plan.code,
    title: plan.title,
    summary: plan.summary,
    description: plan.description,
    learningHours: plan.learningHours,
    credentialOnSuccess: plan.credential,
    themes: plan.themes,
    programmes: plan.programmes,
    countsAs: plan.countsAs,
  });
  const id = newId();
  lookups.courseIds.set(data.code, id);
  const course = {
    id,
    code: data.code,
    title_i18n: serializeLocalized(data.title as LocalizedText),
    summary_i18n: serializeLocalized(data.summary as LocalizedText),
    description_i18n: serializeLocalized(data.description as LocalizedText),
    learning_hours: data.learningHours,
    credential_on_success: data.credentialOnSuccess,
    status: plan.retired ? 'retired' : 'active',
    retired_at: plan.retired ? '2026-02-01T09:00:00.000Z' : null,
    created_at: created,
    updated_at: created,
  };
  return {
    course,
    themeIds: data.themes.map((slug) => required(lookups.themeIds.get(slug), `theme ${slug}`)),
    programmes: data.programmes.map((p) => ({
      programmeId: required(lookups.programmeIds.get(p.slug), `programme ${p.slug}`),
      role: p.role,
    })),
    countsAsIds: data.countsAs.map((code) => required(lookups.courseIds.get(code), `course ${code}`)),
    searchBody: courseSearchDocument(data),
    editions: plan.editions.map((edition) => editionRow(edition, id, lookups.facilitatorIds)),
  };
}

function editionRow(plan: EditionPlan, courseId: string, facilitatorIds: string[]) {
  const data = editionSchema.parse({ ...plan.input, facilitatorIds: [] });
  return {
    row: {
      id: newId(),
      course_id: courseId,
      ...editionColumns(data),
      created_at: created,
      updated_at: created,
    },
    facilitatorIds: plan.facilitators.map((i) => facilitatorIds[i]!),
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench data: unknown ${what}`);
  return value;
}
