import type { Deps } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { listFacilitatorCandidates } from './catalogue.repository.js';

/** People holding the facilitator role, to choose from on the edition form (programme managers). */
export async function listFacilitatorChoices(
  deps: Deps,
  actor: Actor,
): Promise<{ id: string; fullName: string }[]> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  return (await listFacilitatorCandidates(deps.db)).map((r) => ({ id: r.id, fullName: r.full_name }));
}
