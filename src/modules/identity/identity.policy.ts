import { type Actor, hasRole } from '../../kernel/actor.js';

/** What can be done with people, roles and accounts. */
export type IdentityAction =
  | 'account.read' // one's own account, sessions and API tokens
  | 'account.update'
  | 'people.list'
  | 'people.read'
  | 'people.manageRoles'
  | 'outbox.read';

/**
 * Pure: may `actor` do `action` (on the person `targetUserId`, when there is one)? The system (the demo
 * seed, the CLI) creates people with their roles; other modules read people through identity's internal
 * queries, never as the system.
 */
export function canIdentity(actor: Actor, action: IdentityAction, targetUserId?: string): boolean {
  if (actor.kind === 'system') return action === 'people.manageRoles';
  if (actor.kind !== 'user') return false;
  switch (action) {
    case 'account.read':
    case 'account.update':
      return targetUserId === undefined || targetUserId === actor.id;
    case 'people.list':
    case 'people.read':
      return hasRole(actor, 'administrator') || hasRole(actor, 'manager');
    case 'people.manageRoles':
    case 'outbox.read':
      return hasRole(actor, 'administrator');
  }
}
