import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { canCatalogue } from './catalogue.policy.js';
import {
  findCourseByCode,
  insertCourse,
  saveCourseSearchDocument,
  setCourseEquivalences,
  setCourseProgrammes,
  setCourseThemes,
  updateCourseRow,
} from './catalogue.repository.js';
import { type CourseInput, courseSchema } from './catalogue.schemas.js';
import { courseSearchDocument } from './catalogue-mappers.js';
import type { Course } from './course.js';
import { type ResolvedLinks, resolveCourseLinks } from './course-links.js';
import { getCourse } from './get-course.js';

function contentColumns(data: CourseInput) {
  return {
    code: data.code,
    title_i18n: serializeLocalized(data.title),
    summary_i18n: serializeLocalized(data.summary),
    description_i18n: serializeLocalized(data.description),
    learning_hours: data.learningHours,
    credential_on_success: data.credentialOnSuccess,
  };
}

async function saveLinks(db: Executor, courseId: string, data: CourseInput, links: ResolvedLinks) {
  await setCourseThemes(db, courseId, links.themeIds);
  await setCourseProgrammes(db, courseId, links.programmes);
  await setCourseEquivalences(db, courseId, links.countsAsIds);
  await saveCourseSearchDocument(db, courseId, courseSearchDocument(data));
}

const codeTaken = () =>
  new AppError('validation_failed', {}, [{ path: 'code', key: 'validation.courseCodeTaken' }]);

/** Creates a course (programme managers; audited). The code is unique. */
export async function createCourse(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<Course> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  const data = parseInput(courseSchema, input);
  const now = deps.clock.now().toISOString();
  const id = newId();
  const links = await resolveCourseLinks(db, deps, data);
  await inTransaction(db, async (trx) => {
    if (await findCourseByCode(trx, data.code)) throw codeTaken();
    const row = {
      id,
      ...contentColumns(data),
      status: 'active',
      retired_at: null,
      created_at: now,
      updated_at: now,
    };
    await insertCourse(trx, row);
    await saveLinks(trx, id, data, links);
    await audit(trx, deps.clock, actor, {
      action: 'course.created',
      targetType: 'course',
      targetId: id,
      after: data,
    });
  });
  return (await getCourse(db, deps, actor, data.code)).course;
}

/** Replaces a course's content and links (programme managers; audited with before and after). */
export async function updateCourse(
  db: Executor,
  deps: Services,
  actor: Actor,
  code: string,
  input: unknown,
): Promise<Course> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  const data = parseInput(courseSchema, input);
  const before = (await getCourse(db, deps, actor, code)).course;
  const links = await resolveCourseLinks(db, deps, data);
  await inTransaction(db, async (trx) => {
    const row = await findCourseByCode(trx, before.code);
    if (!row) throw new AppError('not_found');
    if (data.code !== row.code && (await findCourseByCode(trx, data.code))) throw codeTaken();
    await updateCourseRow(trx, row.id, {
      ...contentColumns(data),
      updated_at: deps.clock.now().toISOString(),
    });
    await saveLinks(trx, row.id, data, links);
    await audit(trx, deps.clock, actor, {
      action: 'course.updated',
      targetType: 'course',
      targetId: row.id,
      before: {
        code: before.code,
        title: before.title,
        summary: before.summary,
        description: before.description,
        learningHours: before.learningHours,
        credentialOnSuccess: before.credentialOnSuccess,
        themes: before.themes.map((t) => t.slug),
        programmes: before.programmes.map((p) => ({ slug: p.programmeSlug, role: p.role })),
        countsAs: before.countsAs,
      },
      after: data,
    });
  });
  return (await getCourse(db, deps, actor, data.code)).course;
}
