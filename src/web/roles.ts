import type { Role } from '../kernel/actor.js';

/** For views: does the page's user hold `role`? (Only to show links; every action is authorised again.) */
export function hasRoleIn(user: { roles: readonly Role[] } | null, role: Role): boolean {
  return user?.roles.includes(role) ?? false;
}
