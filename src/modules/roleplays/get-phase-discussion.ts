import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { parseLocalized, pickLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { getForum } from '../forums/forums.port.js';
import { type PhaseState, phaseState } from './roleplay.js';
import { roleplayAccessFor } from './roleplay-access.js';
import { listPhases, listRoles } from './roleplays.repository.js';

export interface PhaseDiscussion {
  itemId: string;
  editionId: string;
  phase: { id: string; title: string; startsAt: string; endsAt: string; state: PhaseState };
  forum: Awaited<ReturnType<typeof getForum>>;
  /** The role the reader posts as by default (null: staff, who post as themselves). */
  persona: string | null;
  /** Every role the reader holds, the default first: someone holding more than one chooses per post. */
  personas: { roleId: string; name: string }[];
  canPost: boolean;
}

/** A phase's in-character discussion: its topics (through the forums module) and the reader's persona. */
export async function getPhaseDiscussion(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  phaseId: string,
  locale: 'en' | 'fr' | 'es',
): Promise<PhaseDiscussion> {
  const now = deps.clock.now().toISOString();
  const access = await roleplayAccessFor(db, actor, itemId, 'roleplay.view', now);
  const phase = (await listPhases(db, access.item.id)).find((p) => p.id === phaseId);
  if (!phase?.forum_id) throw new AppError('not_found');
  const forum = await getForum(db, deps, actor, phase.forum_id);
  const roles = access.heldRoleIds.length ? await listRoles(db, [access.item.id]) : [];
  const language = access.space.edition.language as 'en';
  const personas = access.heldRoleIds.flatMap((id) => {
    const role = roles.find((r) => r.id === id);
    return role ? [{ roleId: id, name: pickLocalized(parseLocalized(role.name_i18n), language).text }] : [];
  });
  const state = phaseState({ startsAt: phase.starts_at, endsAt: phase.ends_at }, now);
  return {
    itemId: access.item.id,
    editionId: access.item.editionId,
    phase: {
      id: phase.id,
      title: pickLocalized(parseLocalized(phase.title_i18n), locale).text,
      startsAt: phase.starts_at,
      endsAt: phase.ends_at,
      state,
    },
    forum,
    persona: personas[0]?.name ?? null,
    personas,
    canPost: access.can.manage || (personas.length > 0 && state === 'open'),
  };
}
