import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { getCase } from '../cases/get-case.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { isConfirmedParticipant } from '../places/places.queries.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import { DEMO_ROLEPLAY_EDITION } from './demo/seed-roleplays.js';
import { listEditionRoleplays } from './list-edition-roleplays.js';
import { presentRoleplay } from './roleplays.api.js';

describe('sqlite: the demo role-play', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  }, 180_000);
  afterAll(async () => {
    await deps.close();
  });

  const person = async (email: string, role: 'participant' | 'facilitator') => ({
    kind: 'user' as const,
    id: (await findPersonIdByEmail(deps.db, deps, email))!,
    roles: [role],
    via: 'session' as const,
  });

  it('gives participant@example.org a place and a role in the Academy A9012027, facilitated by facilitator@example.org', async () => {
    const editionId = (await findEditionIdByCode(deps.db, deps, DEMO_ROLEPLAY_EDITION))!;
    const found = (await findEditionWithCourse(deps.db, editionId))!;
    expect(found.course.code).toBe('LMA');
    const participant = await person('participant@example.org', 'participant');
    const facilitator = await person('facilitator@example.org', 'facilitator');
    expect(found.edition.facilitators.map((f) => f.id)).toContain(facilitator.id);
    expect(await isConfirmedParticipant(deps.db, editionId, participant.id)).toBe(true);
    const [mine, ...more] = await listEditionRoleplays(deps.db, deps, participant, editionId);
    expect(more).toEqual([]);
    const json = presentRoleplay(mine!, 'en');
    expect(json.roles).toHaveLength(7);
    const held = json.roles.filter((r) => r.holders.includes(participant.id));
    expect(held.map((r) => r.name)).toEqual(['Ministry of Labour of Sundara (origin)']);
    expect(json.roles.filter((r) => 'privateBrief' in r).map((r) => r.name)).toEqual([
      'Ministry of Labour of Sundara (origin)',
    ]);
    expect(mine!.outcome.version).toBe(1);
    const staff = await listEditionRoleplays(deps.db, deps, facilitator, editionId);
    expect(presentRoleplay(staff[0]!, 'fr').roles.every((r) => r.privateBrief)).toBe(true);
    expect(presentRoleplay(staff[0]!, 'fr').title).toContain('Jeu de rôle');
    expect(presentRoleplay(staff[0]!, 'es').roles[0]?.name).toBe('Ministerio de Trabajo de Sundara (origen)');
  });

  it('puts a case study next to it, whose later news stays hidden until its date', async () => {
    const editionId = (await findEditionIdByCode(deps.db, deps, DEMO_ROLEPLAY_EDITION))!;
    const participant = await person('participant@example.org', 'participant');
    const home = await itemsOfKind(deps.db, 'case', [editionId]);
    expect(home).toHaveLength(1);
    const view = await getCase(deps.db, deps, participant, home[0]!.id);
    expect(view.context.fr).toContain('Le Sundara en bref');
    expect(view.questions.es).toContain('contratación equitativa');
    expect(view.news).toEqual([]); // the Academy starts in June 2027
    expect(view.debrief).toBeNull();
  });
});
