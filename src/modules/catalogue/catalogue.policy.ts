import { type Actor, hasRole } from '../../kernel/actor.js';

export type CatalogueAction = 'catalogue.read' | 'catalogue.readRetired' | 'catalogue.manage';

/** Pure: anyone browses the active catalogue; programme managers see retired courses and change it all. */
export function canCatalogue(actor: Actor, action: CatalogueAction): boolean {
  if (action === 'catalogue.read') return true;
  return actor.kind === 'system' || hasRole(actor, 'manager');
}
