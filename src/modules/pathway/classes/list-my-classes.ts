import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { editionsFacilitatedBy } from '../../catalogue/catalogue.queries.js';
import type { Edition } from '../../catalogue/course.js';
import { canListOwnClasses, canPathway } from '../pathway.policy.js';
import { countClassResults } from './classes.repository.js';

/** One of a facilitator's editions with its class list's state. */
export interface MyClass {
  edition: Edition;
  /** People who held a place (enrolled or withdrawn). */
  people: number;
  /** Of them, those whose result is recorded. */
  recorded: number;
  /** The edition has ended and some results are still missing. */
  needsRecording: boolean;
  /** Ended, starts later, or runs today. */
  timing: 'past' | 'current' | 'upcoming';
}

/** Pure: an edition's class state from its counts and today. */
export function toMyClass(edition: Edition, people: number, recorded: number, today: string): MyClass {
  const timing = edition.endsOn < today ? 'past' : edition.startsOn > today ? 'upcoming' : 'current';
  return {
    edition,
    people,
    recorded,
    needsRecording: edition.endsOn <= today && recorded < people,
    timing,
  };
}

/**
 * "My classes": the editions the signed-in facilitator runs, those still waiting for results first, with
 * what the caller may do from there (`can.import`: the results import is for programme managers).
 */
export async function listMyClasses(
  db: Executor,
  deps: Services,
  actor: Actor,
): Promise<{ classes: MyClass[]; today: string; can: { import: boolean } }> {
  ensure(actor, canListOwnClasses(actor));
  const userId = actor.kind === 'user' ? actor.id : '';
  const today = deps.clock.now().toISOString().slice(0, 10);
  const editions = await editionsFacilitatedBy(db, userId);
  const counts = new Map(
    (
      await countClassResults(
        db,
        editions.map((e) => e.id),
      )
    ).map((c) => [c.edition_id, c]),
  );
  const classes = editions.map((edition) => {
    const count = counts.get(edition.id);
    return toMyClass(edition, Number(count?.people ?? 0), Number(count?.recorded ?? 0), today);
  });
  // Those waiting for results first; otherwise the latest first, as the catalogue gave them.
  classes.sort((a, b) => Number(b.needsRecording) - Number(a.needsRecording));
  return { classes, today, can: { import: canPathway(actor, 'results.import') } };
}
