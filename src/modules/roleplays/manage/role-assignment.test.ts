import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderHeldRoles } from '../roleplay.js';
import {
  assignRoles,
  type Placeable,
  playsOwnConstituency,
  type RoleToFill,
  seededRandom,
} from './role-assignment.js';

const CONSTITUENCIES = ['government', 'workers', 'employers', 'ngo', 'diaspora'];
const constituency = fc.constantFrom(...CONSTITUENCIES);
const rolesArb = fc
  .array(fc.option(constituency, { nil: null }), { minLength: 1, maxLength: 8 })
  .map((cs) => cs.map((c, i): RoleToFill => ({ id: `r${i}`, constituency: c })));
const peopleArb = fc
  .array(fc.array(constituency, { maxLength: 2 }), { maxLength: 40 })
  .map((cs) => cs.map((c, i): Placeable => ({ id: `p${i}`, constituencies: c })));
const modeArb = fc.constantFrom('random' as const, 'balanced' as const);

function sizes(roles: readonly RoleToFill[], roleOf: Map<string, string>): number[] {
  return roles.map((r) => [...roleOf.values()].filter((v) => v === r.id).length);
}

describe('assigning roles', () => {
  it('places everyone exactly once, in roles whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(
        rolesArb,
        peopleArb,
        modeArb,
        fc.boolean(),
        fc.integer(),
        (roles, people, mode, allow, seed) => {
          const { roleOf } = assignRoles(roles, people, {
            mode,
            allowOwnConstituency: allow,
            random: seededRandom(seed),
          });
          expect([...roleOf.keys()].sort()).toEqual(people.map((p) => p.id).sort());
          const counts = sizes(roles, roleOf);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('in balance, nobody plays their own constituency whenever the numbers allow it', () => {
    fc.assert(
      fc.property(rolesArb, peopleArb, fc.integer(), (roles, people, seed) => {
        // Single constituencies: a person of constituency k fits any seat of a role not of k; every role has
        // at least floor(n / r) seats, so Hall's condition holds when each k is not over that room.
        const single = people.map((p) => ({ ...p, constituencies: p.constituencies.slice(0, 1) }));
        const floor = Math.floor(single.length / roles.length);
        const fits = CONSTITUENCIES.every(
          (k) =>
            single.filter((p) => p.constituencies[0] === k).length <=
            floor * roles.filter((r) => r.constituency !== k).length,
        );
        fc.pre(fits);
        const result = assignRoles(roles, single, {
          mode: 'balanced',
          allowOwnConstituency: false,
          random: seededRandom(seed),
        });
        expect(result.ownConstituency).toEqual([]);
        for (const person of single) {
          const role = roles.find((r) => r.id === result.roleOf.get(person.id)) as RoleToFill;
          expect(playsOwnConstituency(role, person)).toBe(false);
        }
      }),
    );
  });

  it('reports exactly the people who could not avoid their own constituency', () => {
    fc.assert(
      fc.property(rolesArb, peopleArb, fc.integer(), (roles, people, seed) => {
        const result = assignRoles(roles, people, {
          mode: 'balanced',
          allowOwnConstituency: false,
          random: seededRandom(seed),
        });
        const own = people.filter((p) =>
          playsOwnConstituency(roles.find((r) => r.id === result.roleOf.get(p.id)) as RoleToFill, p),
        );
        expect(own.map((p) => p.id).sort()).toEqual([...result.ownConstituency].sort());
      }),
    );
  });

  it('gives the same assignment for the same seed', () => {
    fc.assert(
      fc.property(rolesArb, peopleArb, modeArb, fc.integer(), (roles, people, mode, seed) => {
        const once = assignRoles(roles, people, {
          mode,
          allowOwnConstituency: false,
          random: seededRandom(seed),
        });
        const again = assignRoles(roles, people, {
          mode,
          allowOwnConstituency: false,
          random: seededRandom(seed),
        });
        expect([...again.roleOf]).toEqual([...once.roleOf]);
      }),
    );
  });

  it('puts the seven government officials of a class elsewhere than the two ministries', () => {
    const roles: RoleToFill[] = [
      { id: 'origin', constituency: 'government' },
      { id: 'destination', constituency: 'government' },
      { id: 'employers', constituency: 'employers' },
      { id: 'workers', constituency: 'workers' },
      { id: 'agency', constituency: 'employers' },
      { id: 'migrants', constituency: 'diaspora' },
      { id: 'io', constituency: 'international' },
    ];
    const people: Placeable[] = Array.from({ length: 14 }, (_, i) => ({
      id: `p${i}`,
      constituencies: [i < 7 ? 'government' : 'workers'],
    }));
    const { roleOf, ownConstituency } = assignRoles(roles, people, {
      mode: 'balanced',
      allowOwnConstituency: false,
      random: seededRandom(7),
    });
    expect(ownConstituency).toEqual([]);
    for (let i = 0; i < 7; i += 1) expect(['origin', 'destination']).not.toContain(roleOf.get(`p${i}`));
    expect(
      assignRoles([], people, { mode: 'random', allowOwnConstituency: false, random: Math.random }).roleOf
        .size,
    ).toBe(0);
  });
});

describe('the order of the roles someone holds (the name they write under)', () => {
  it('puts roles held in person first, then those of their groups, each in the exercise order, once each', () => {
    expect(
      orderHeldRoles([
        { roleId: 'a', inPerson: false },
        { roleId: 'b', inPerson: true },
        { roleId: 'c', inPerson: false },
        { roleId: 'd', inPerson: true },
        { roleId: 'a', inPerson: true },
      ]),
    ).toEqual(['b', 'd', 'a', 'c']);
    expect(orderHeldRoles([])).toEqual([]);
  });
});
