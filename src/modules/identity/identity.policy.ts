import { type Actor, hasRole } from '../../kernel/actor.js';

/** What can be done with people, roles and accounts. */
export type IdentityAction =
  | 'account.read' // one's own account, sessions and API tokens
  | 'account.update'
  | 'people.list'
  | 'people.read'
  | 'people.manageRoles'
  | 'outbox.read'
  | 'api-token.createForAccount'; // someone else's token: operators (the command line) only

/** Pure: may `actor` do `action` (on the person `targetUserId`, when there is one)? */
export function canIdentity(actor: Actor, action: IdentityAction, targetUserId?: string): boolean {
  if (actor.kind === 'system') return true;
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
    case 'api-token.createForAccount':
      return false;
  }
}
