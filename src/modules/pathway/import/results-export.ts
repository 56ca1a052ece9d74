import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { csvFile, csvLines } from '../../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { findEditionWithCourse } from '../../catalogue/catalogue.queries.js';
import { getProgramme } from '../../programmes/get-programme.js';
import { canPathway, canRecordResults, canRecordSomeResults } from '../pathway.policy.js';
import { type ExportScope, findEditionsByCodesOrIds, listResultsForExport } from './import.repository.js';
import { EXPORT_HEADER, rowCells } from './import-format.js';

/** Which results to export: one edition's (code or id), or those of a programme's candidates (slug). */
export const resultsExportQuerySchema = z.object({
  edition: z.string().trim().max(64, 'validation.tooLong').optional(),
  programme: z.string().trim().max(80, 'validation.tooLong').optional(),
});

/** Results read per query while streaming an export. */
const PAGE_SIZE = 2000;

async function resolveScope(
  db: Executor,
  deps: Services,
  actor: Actor,
  query: z.infer<typeof resultsExportQuerySchema>,
): Promise<{ scope: ExportScope; name: string }> {
  if (query.edition) {
    ensure(actor, canRecordSomeResults(actor));
    const key = isId(query.edition.toLowerCase()) ? query.edition.toLowerCase() : query.edition.toUpperCase();
    const [found] = await findEditionsByCodesOrIds(db, isId(key) ? [] : [key], isId(key) ? [key] : []);
    if (!found) throw new AppError('not_found');
    const { edition } = (await findEditionWithCourse(db, found.id))!;
    ensure(
      actor,
      canRecordResults(
        actor,
        edition.facilitators.map((f) => f.id),
      ),
    );
    return { scope: { editionId: edition.id }, name: `results-${edition.code ?? edition.id}` };
  }
  if (query.programme) {
    ensure(actor, canPathway(actor, 'candidates.read'));
    const programme = await getProgramme(db, deps, actor, query.programme);
    return { scope: { programmeId: programme.id }, name: `results-${programme.slug}` };
  }
  throw new AppError('validation_failed', {}, [{ path: 'edition', key: 'imports.error.exportScope' }]);
}

/**
 * The results of an edition (its facilitators and programme managers) or of a programme's candidates
 * (managers) as CSV in the import format, so that importing an export changes nothing. Starts with a
 * byte-order mark for spreadsheets; streamed a page at a time. Checks access before the first byte.
 */
export async function exportResults(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  const query = parseInput(resultsExportQuerySchema, input ?? {});
  const { scope, name } = await resolveScope(db, deps, actor, query);
  async function* chunks(): AsyncGenerator<string> {
    yield csvFile(EXPORT_HEADER, []);
    let afterId = '';
    for (;;) {
      const page = await listResultsForExport(db, scope, afterId, PAGE_SIZE);
      if (page.length === 0) return;
      yield csvLines(
        page.map((r) =>
          rowCells({
            email: r.email,
            course: r.course_code,
            edition: r.edition_id ? (r.edition_code ?? r.edition_id) : null,
            outcome: r.outcome,
            grade: r.grade,
            startedOn: r.edition_id ? null : r.started_on,
            completedOn: r.completed_on,
            reference: r.edition_id ? null : r.reference,
          }),
        ),
      );
      afterId = page[page.length - 1]!.id;
    }
  }
  return { fileName: `${name}.csv`, chunks: chunks() };
}
