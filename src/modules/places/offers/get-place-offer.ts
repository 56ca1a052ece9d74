import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Locale } from '../../../i18n/i18n.js';
import type { LocalizedText } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import type { Course, Edition } from '../../catalogue/course.js';
import { getEdition } from '../../catalogue/get-edition.js';
import { getMyPathways } from '../../pathway/candidates/get-my-pathways.js';
import { countsAs } from '../../pathway/rules/rules.js';
import { todayOf, waitlistPositions } from '../place-changes.js';
import { type Place, toPlace } from '../place-views.js';
import { isFull, type PlaceCounts, type PlaceStatus, placesLeft, requestRefusal } from '../places.js';
import { countPlaces, findPlaceOf } from '../places.repository.js';

/** Whether the course counts for one of the reader's diplomas, and for which requirement. */
export interface CountsFor {
  programmeTitle: LocalizedText;
  /** The requirement it counts for, or null when it does not count for this diploma. */
  requirement: { id: string; kind: 'course' | 'choose'; met: boolean } | null;
}

/** What a person sees before asking for a place in an edition. */
export interface PlaceOffer {
  edition: Edition;
  course: Course;
  counts: Pick<PlaceCounts, 'enrolled' | 'requested' | 'waitlisted'>;
  placesLeft: number | null;
  isFull: boolean;
  /** The edition has started (or is over): its places are no longer "left" to take. */
  hasStarted: boolean;
  signedIn: boolean;
  /** Why the reader may not ask now (a message id); null when they may (or are not signed in). */
  refusal: string | null;
  myPlace: Place | null;
  /** One entry per diploma the reader is a candidate of (empty: not a candidate). */
  countsFor: CountsFor[];
}

/** Pure: what the course counts for in each of the reader's pathways. */
export function countsForPathways(
  courseCode: string,
  pathways: Awaited<ReturnType<typeof getMyPathways>>,
): CountsFor[] {
  return pathways
    .filter((p) => p.detail.status !== 'withdrawn')
    .map(({ detail }) => {
      const code = countsAs(detail.rules, courseCode);
      const rule = detail.rules.requirements.find((r) => r.kind !== 'capstone' && r.courses.includes(code));
      const evaluation = rule ? detail.evaluation.requirements.find((r) => r.id === rule.id) : undefined;
      return {
        programmeTitle: detail.programme.title,
        requirement:
          rule && rule.kind !== 'capstone'
            ? { id: rule.id, kind: rule.kind, met: evaluation?.status === 'met' }
            : null,
      };
    });
}

/** The edition's places and the reader's own standing towards it (anyone who may see the edition). */
export async function getPlaceOffer(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  locale: Locale,
): Promise<PlaceOffer> {
  const { edition, course } = await getEdition(db, deps, actor, editionId);
  const counts = await countPlaces(db, edition.id);
  const signedIn = actor.kind === 'user';
  const mine = actor.kind === 'user' ? await findPlaceOf(db, edition.id, actor.id) : undefined;
  const position =
    mine?.status === 'waitlisted' ? ((await waitlistPositions(db, edition.id)).get(mine.id) ?? null) : null;
  const pathways = actor.kind === 'user' ? await getMyPathways(db, deps, actor, locale) : [];
  return {
    edition,
    course,
    counts: { enrolled: counts.enrolled, requested: counts.requested, waitlisted: counts.waitlisted },
    placesLeft: placesLeft(edition.capacity, counts),
    isFull: isFull(edition.capacity, counts),
    hasStarted: edition.startsOn <= todayOf(deps),
    signedIn,
    refusal: signedIn
      ? requestRefusal(edition, todayOf(deps), (mine?.status as PlaceStatus | undefined) ?? null)
      : null,
    myPlace: mine ? toPlace(mine, position) : null,
    countsFor: countsForPathways(course.code, pathways),
  };
}
