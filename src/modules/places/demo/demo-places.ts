import type { Deps } from '../../../deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { isAppError } from '../../../kernel/errors.js';
import { ONLINE } from '../../catalogue/demo/demo-courses.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { createEdition } from '../../catalogue/save-edition.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { enrolDirectly } from '../enrol-directly.js';
import { confirmPlace } from '../offers/confirm-place.js';
import { requestPlace } from '../offers/request-place.js';

/** The upcoming Academy (English, 2027): a few requests, one confirmed. */
const ACADEMY_EDITION = 'A9012027';
/** A small online edition of the migration-data course, full, with a waiting list. */
const FULL_EDITION = 'W9052027';

const REQUESTS: { email: string; fundingKind: string; fundingName?: string; confirm?: boolean }[] = [
  {
    email: 'carlos.nunez@example.org',
    fundingKind: 'sponsor',
    fundingName: 'Ministerio de Trabajo',
    confirm: true,
  },
  { email: 'maria.ivanova@example.org', fundingKind: 'scholarship', fundingName: 'Diploma Scholarship Fund' },
  { email: 'wang.fang@example.org', fundingKind: 'self' },
];
// Not Fatou Ndiaye, the demo's expired candidate: a place she holds would start a new window (docs/pathway-rules.md).
const CONFIRMED = ['aisha.bello@example.org', 'ramesh.shrestha@example.org', 'maria.santos@example.org'];
const WAITING = ['kwame.mensah@example.org', 'elena.popescu@example.org'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function asPerson(deps: Deps, email: string): Promise<Actor | null> {
  const id = await findPersonIdByEmail(deps.db, deps, email);
  return id ? { kind: 'user', id, roles: ['participant'], via: 'session' } : null;
}

/** Asks for a place as the person; a place they already have is left as it is (idempotent). */
async function request(deps: Deps, editionId: string, email: string, funding: Record<string, string>) {
  const actor = await asPerson(deps, email);
  if (!actor) return null;
  try {
    return await requestPlace(deps.db, deps, actor, editionId, funding);
  } catch (error) {
    if (isAppError(error, 'invalid_state')) return null;
    throw error;
  }
}

/**
 * Demo places, through the same use cases participants and managers use: requests (one confirmed) in
 * the upcoming Academy, and a full edition with its waiting list. Idempotent.
 */
export async function seedDemoPlaces(deps: Deps): Promise<void> {
  const system = systemActor('seed');
  const academyId = await findEditionIdByCode(deps.db, deps, ACADEMY_EDITION);
  if (academyId) {
    for (const r of REQUESTS) {
      const place = await request(deps, academyId, r.email, {
        fundingKind: r.fundingKind,
        fundingName: r.fundingName ?? '',
      });
      if (place && r.confirm) await confirmPlace(deps.db, deps, system, place.id);
    }
  }
  if (await findEditionIdByCode(deps.db, deps, FULL_EDITION)) return;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const start = addDays(today, 75);
  const edition = await createEdition(deps.db, deps, system, 'MALM', {
    code: FULL_EDITION,
    language: 'en',
    mode: 'online',
    place: ONLINE,
    selfPacedStart: start,
    selfPacedEnd: addDays(start, 14),
    liveStart: addDays(start, 15),
    liveEnd: addDays(start, 35),
    assignmentDue: addDays(start, 42),
    capacity: CONFIRMED.length,
    registrationOpen: true,
    registrationDeadline: addDays(start, -21),
    facilitatorIds: [],
  });
  for (const email of CONFIRMED) {
    if (await findPersonIdByEmail(deps.db, deps, email))
      await enrolDirectly(deps.db, deps, system, edition.id, { email, fundingKind: 'self' });
  }
  for (const email of WAITING) await request(deps, edition.id, email, { fundingKind: 'self' });
}
