import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { parseLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import { parseInput } from '../../kernel/validation.js';
import { canCatalogue } from './catalogue.policy.js';
import { listEditionsForCourses, listFacilitatorsOfEditions, searchCourses } from './catalogue.repository.js';
import {
  CATALOGUE_PAGE_SIZE,
  type CatalogueQuery,
  catalogueQuerySchema,
  EDITIONS_SHOWN_PER_COURSE,
} from './catalogue.schemas.js';
import { toEdition } from './catalogue-mappers.js';
import type { Course, Edition } from './course.js';
import { loadCourses } from './load-courses.js';

export interface CatalogueEntry {
  course: Course;
  /** The editions to show under the course (matching the filters, soonest first). */
  editions: Edition[];
  /** How many more matching editions the course page has. */
  moreEditions: number;
}

export interface CataloguePage {
  entries: CatalogueEntry[];
  total: number;
  page: number;
  pageCount: number;
  query: CatalogueQuery;
  today: string;
  /** What the caller may do here. */
  can: { manage: boolean };
}

/**
 * The public catalogue: active courses filtered by text (full-text, any language, accents ignored), theme,
 * and the language, mode, dates and open registration of their editions. Managers may include retired
 * courses.
 */
export async function searchCatalogue(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<CataloguePage> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  const query = parseInput(catalogueQuerySchema, input);
  const includeRetired = query.retired && canCatalogue(actor, 'catalogue.readRetired');
  const today = deps.clock.now().toISOString().slice(0, 10);
  const editionFilter = {
    language: query.language,
    mode: query.mode,
    openOn: query.open ? today : undefined,
    from: query.from,
    to: query.to,
  };
  const { rows, total } = await searchCourses(db, {
    text: query.q ? foldForSearch(query.q) : undefined,
    themeSlug: query.theme,
    includeRetired,
    editions: editionFilter,
    limit: CATALOGUE_PAGE_SIZE,
    offset: (query.page - 1) * CATALOGUE_PAGE_SIZE,
  });
  // Independent reads run together (on PostgreSQL, over the pool's connections).
  const [courses, editionRows] = await Promise.all([
    loadCourses(db, rows),
    listEditionsForCourses(
      db,
      rows.map((r) => r.id),
      editionFilter,
      today,
    ),
  ]);
  const shown = rows.flatMap((row) =>
    editionRows.filter((e) => e.course_id === row.id).slice(0, EDITIONS_SHOWN_PER_COURSE),
  );
  const facilitators = await listFacilitatorsOfEditions(
    db,
    shown.map((e) => e.id),
  );
  const entries = courses.map((course, index) => {
    const row = rows[index]!;
    const all = editionRows.filter((e) => e.course_id === row.id);
    const title = parseLocalized(row.title_i18n);
    return {
      course,
      editions: all
        .slice(0, EDITIONS_SHOWN_PER_COURSE)
        .map((e) => toEdition(e, { code: row.code, title }, facilitators)),
      moreEditions: Math.max(0, all.length - EDITIONS_SHOWN_PER_COURSE),
    };
  });
  return {
    entries,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    query: { ...query, retired: includeRetired },
    today,
    can: { manage: canCatalogue(actor, 'catalogue.manage') },
  };
}
