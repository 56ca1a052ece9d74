import { type Actor, hasRole } from '../../kernel/actor.js';

/** What can be done with credentials. */
export type CredentialAction =
  | 'credentials.verify' // the public verification view and the verification of a submitted credential
  | 'credentials.read' // a credential's documents (JSON, JWT, CLR, PDF) and a person's list: see canReadCredentialOf
  | 'credentials.manage' // award diplomas, revoke, suspend, reinstate, supersede, see every credential
  | 'issuer.manage' // the issuer profile and the keys
  | 'credentials.sign'; // POST /credentials/issue: sign a supplied credential with the issuer's key

/**
 * Pure: anyone verifies; programme managers manage; administrators manage the issuer (profile, keys) and
 * may sign supplied credentials, with a personal API token only (never a browser session: a form on another
 * site must not be able to make the issuer sign). The system actor (seed, jobs, CLI) may do everything.
 */
export function canCredentials(actor: Actor, action: CredentialAction): boolean {
  if (action === 'credentials.verify') return true;
  if (actor.kind === 'system') return true;
  switch (action) {
    case 'credentials.read':
      return actor.kind === 'user';
    case 'credentials.manage':
      return hasRole(actor, 'manager');
    case 'issuer.manage':
      return hasRole(actor, 'administrator');
    case 'credentials.sign':
      return hasRole(actor, 'administrator') && actor.kind === 'user' && actor.via === 'token';
  }
}

/** Pure: may the actor see the credentials (and their documents) of this holder? The holder, and managers. */
export function canReadCredentialOf(actor: Actor, holderId: string): boolean {
  if (actor.kind === 'system' || hasRole(actor, 'manager')) return true;
  return actor.kind === 'user' && actor.id === holderId;
}
