import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { listThemes } from '../programmes/get-programme.js';
import { allProgrammes } from '../programmes/programmes.queries.js';
import { findCoursesByCodes } from './catalogue.repository.js';
import type { CourseInput } from './catalogue.schemas.js';

export interface ResolvedLinks {
  themeIds: string[];
  programmes: { programmeId: string; role: string }[];
  countsAsIds: string[];
}

/**
 * Turns the slugs and codes of a course input into ids, or throws validation_failed naming each unknown
 * theme, programme or course (and a course that would count as itself). Runs before the transaction
 * that writes the course (it reads through other modules' use cases); foreign keys guard the rest.
 */
export async function resolveCourseLinks(
  db: Executor,
  deps: Services,
  input: CourseInput,
): Promise<ResolvedLinks> {
  const [themes, programmes, countsAs] = await Promise.all([
    listThemes(db, deps),
    allProgrammes(db),
    findCoursesByCodes(db, input.countsAs),
  ]);
  const problems: FieldError[] = [];
  const themeIds = input.themes.map((slug) => {
    const theme = themes.find((t) => t.slug === slug);
    if (!theme) problems.push({ path: 'themes', key: 'validation.unknownTheme', values: { value: slug } });
    return theme?.id ?? '';
  });
  const links = input.programmes.map((link) => {
    const programme = programmes.find((p) => p.slug === link.slug);
    if (!programme)
      problems.push({ path: 'programmes', key: 'validation.unknownProgramme', values: { value: link.slug } });
    return { programmeId: programme?.id ?? '', role: link.role };
  });
  for (const code of input.countsAs) {
    if (code === input.code)
      problems.push({ path: 'countsAs', key: 'validation.equivalentToItself', values: { value: code } });
    else if (!countsAs.some((c) => c.code === code))
      problems.push({ path: 'countsAs', key: 'validation.unknownCourse', values: { value: code } });
  }
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  return {
    themeIds: [...new Set(themeIds)],
    programmes: links.filter((l, i) => links.findIndex((o) => o.programmeId === l.programmeId) === i),
    countsAsIds: [...new Set(countsAs.map((c) => c.id))],
  };
}
