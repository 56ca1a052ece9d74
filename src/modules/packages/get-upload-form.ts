import type { Executor } from '../../db/database.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { sectionsOfEdition } from '../spaces/spaces.queries.js';
import { canManagePackages } from './import-package.js';

/** What the upload form offers: the sections of the edition's space the package may go into. */
export interface UploadForm {
  editionId: string;
  sections: { id: string; title: LocalizedText }[];
}

/** The upload form of an edition, for its facilitators and managers (another edition's facilitator: 403). */
export async function getUploadForm(db: Executor, actor: Actor, editionId: string): Promise<UploadForm> {
  const found = isId(editionId) ? await findEditionWithCourse(db, editionId) : null;
  if (!found) throw new AppError('not_found');
  ensure(
    actor,
    canManagePackages(
      actor,
      found.edition.facilitators.map((f) => f.id),
    ),
  );
  return { editionId: found.edition.id, sections: await sectionsOfEdition(db, found.edition.id) };
}
