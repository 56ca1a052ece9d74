/**
 * Who is acting: every use case takes an Actor as its second parameter and authorises against it.
 */

/** The roles a person can hold (several at once). */
export const ROLES = ['participant', 'facilitator', 'assessor', 'manager', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; roles: readonly Role[]; via: 'session' | 'token' | 'link' }
  | { kind: 'system'; reason: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The actor used by the CLI, the seed and background jobs. */
export function systemActor(reason: string): Actor {
  return { kind: 'system', reason };
}

/** True when the actor is a signed-in person holding `role`. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.includes(role);
}

/** The person id of the actor, or null for anonymous and system actors. */
export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

/**
 * The person themself acting without a session: signing up, or following a link they were emailed
 * (confirming their address, resetting their password). They hold no role for it; an audit entry of what
 * they did names them, not the system.
 */
export function personActing(userId: string): Actor {
  return { kind: 'user', id: userId, roles: [], via: 'link' };
}
