import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { listFacilitatorCandidates } from './catalogue.repository.js';

/** People holding the facilitator role, to choose from on the edition form (programme managers). */
export async function listFacilitatorChoices(
  db: Executor,
  _deps: Services,
  actor: Actor,
): Promise<{ id: string; fullName: string }[]> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  return (await listFacilitatorCandidates(db)).map((r) => ({ id: r.id, fullName: r.full_name }));
}
