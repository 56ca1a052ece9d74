import type { Deps } from '../../../deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import type { SeedCounts } from '../../module.js';
import { createPerson, findPersonIdByEmail } from '../create-person.js';
import { DEMO_PARTICIPANTS, DEMO_PASSWORD, DEMO_STAFF, type DemoPerson } from './demo-people.js';

/** The demo accounts printed at start: one per role, and their shared password. */
export function demoAccounts(): {
  accounts: { role: string; email: string; locale: string }[];
  password: string;
} {
  return {
    accounts: DEMO_STAFF.slice(0, 5).map((p) => ({ role: p.roles[0]!, email: p.email, locale: p.locale })),
    password: DEMO_PASSWORD,
  };
}

/** The demo's staff and participants (existing accounts, by email, are left as they are). */
export async function seedIdentity(deps: Deps): Promise<SeedCounts> {
  const actor = systemActor('seed');
  let people = 0;
  for (const person of [...DEMO_STAFF, ...DEMO_PARTICIPANTS]) {
    if (await ensurePerson(deps, actor, person)) people += 1;
  }
  return { people };
}

/** The ids of the demo's facilitators, in the order they are listed (editions take turns). */
export async function demoFacilitatorIds(deps: Deps): Promise<string[]> {
  const ids: string[] = [];
  for (const person of [...DEMO_STAFF, ...DEMO_PARTICIPANTS]) {
    if (!person.roles.includes('facilitator')) continue;
    const id = await findPersonIdByEmail(deps.db, deps, person.email);
    if (id) ids.push(id);
  }
  return ids;
}

async function ensurePerson(deps: Deps, actor: Actor, person: DemoPerson): Promise<boolean> {
  const existing = await findPersonIdByEmail(deps.db, deps, person.email);
  if (existing) return false;
  await createPerson(deps.db, deps, actor, {
    email: person.email,
    password: DEMO_PASSWORD,
    fullName: person.fullName,
    preferredLocale: person.locale,
    roles: person.roles,
    country: person.country,
    constituency: person.constituency,
    organisation: person.organisation,
    jobTitle: person.jobTitle,
  });
  return true;
}
