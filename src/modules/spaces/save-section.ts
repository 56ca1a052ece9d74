import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { builderAccess, ensureSpace } from './space-access.js';
import { findSection, insertSection, listSections, touchSpace, updateSection } from './spaces.repository.js';
import { MAX_SECTIONS, sectionSchema } from './spaces.schemas.js';

/**
 * Adds a section at the end of the edition's space (the space is made on first use), or changes one
 * (`sectionId`). Facilitators of the edition and managers.
 */
export async function saveSection(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  sectionId: string | null,
  input: unknown,
): Promise<{ id: string }> {
  const access = await builderAccess(db, actor, editionId);
  const data = parseInput(sectionSchema, input);
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const space = await ensureSpace(trx, deps, access.edition.id);
    const fields = { title_i18n: serializeLocalized(data.title), phase: data.phase, updated_at: now };
    let id = sectionId;
    if (id === null) {
      const sections = await listSections(trx, space.id);
      if (sections.length >= MAX_SECTIONS)
        throw new AppError('invalid_state', {}, [{ path: 'title.en', key: 'spaces.error.tooManySections' }]);
      id = newId();
      await insertSection(trx, {
        id,
        space_id: space.id,
        position: sections.length,
        created_at: now,
        ...fields,
      });
    } else {
      const before = await findSection(trx, id);
      if (!before || before.space_id !== space.id) throw new AppError('not_found');
      await updateSection(trx, id, fields);
    }
    await touchSpace(trx, space.id, now);
    await audit(trx, deps.clock, actor, {
      action: sectionId === null ? 'space.section-added' : 'space.section-changed',
      targetType: 'space_section',
      targetId: id,
      after: { title: data.title, phase: data.phase },
    });
    return { id };
  });
}
