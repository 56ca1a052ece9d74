/**
 * The demo's webinars: every Academy (LMA) edition gets a "Live sessions" section with a briefing a week
 * before it starts and a follow-up two weeks after it ends (so the editions' public calendars hold them),
 * and the next Academy in English (A9012027) has its participants' attendance of the briefing recorded.
 * Built through the builder's use cases; idempotent (an edition that has a webinar is left as it is).
 */

import { inTransaction } from '../../../db/transaction.js';
import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { addDays } from '../../../kernel/clock.js';
import { findEditionWithCourse } from '../../catalogue/catalogue.queries.js';
import { DEMO_COURSES } from '../../catalogue/demo/demo-courses.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { confirmedParticipants } from '../../places/places.queries.js';
import { saveItem } from '../../spaces/save-item.js';
import { saveSection } from '../../spaces/save-section.js';
import { itemsOfKind } from '../../spaces/spaces.queries.js';
import { applyAttendance } from '../apply-attendance.js';
import { WEBINAR_KIND } from '../webinar-access.js';

/** The edition whose briefing has attendance in the demo. */
export const DEMO_ATTENDANCE_EDITION = 'A9012027';
const LETTER = { en: 'A', fr: 'B', es: 'C', ar: 'D' } as const;

const SESSIONS = [
  {
    title: {
      en: 'Pre-Academy briefing: how the two weeks work',
      fr: 'Réunion préparatoire : le déroulement des deux semaines',
      es: 'Sesión preparatoria: cómo funcionan las dos semanas',
    },
    day: (start: string, _end: string) => addDays(start, -7),
    url: 'https://zoom.us/j/5550100001',
  },
  {
    title: {
      en: 'Follow-up webinar: from the Academy to your capstone',
      fr: 'Webinaire de suivi : de l’Académie à votre travail final',
      es: 'Seminario web de seguimiento: de la Academia a su trabajo final',
    },
    day: (_start: string, end: string) => addDays(end, 14),
    url: 'https://teams.microsoft.com/l/meetup-join/demo-follow-up',
  },
];

/** Every demo Academy edition's code. */
export function demoAcademyCodes(): string[] {
  const academy = DEMO_COURSES.find((c) => c.code === 'LMA');
  return (academy?.editions ?? []).map(
    (e) => `${LETTER[e.language]}${academy?.number}${e.start.slice(0, 4)}`,
  );
}

export async function seedDemoWebinars(deps: Deps): Promise<{ items: number }> {
  const system = systemActor('seed');
  let count = 0;
  for (const code of demoAcademyCodes()) {
    const editionId = await findEditionIdByCode(deps.db, deps, code);
    const found = editionId ? await findEditionWithCourse(deps.db, editionId) : null;
    if (!editionId || !found) continue;
    if ((await itemsOfKind(deps.db, WEBINAR_KIND, [editionId])).length) continue;
    const { id: sectionId } = await saveSection(deps.db, deps, system, editionId, null, {
      title: { en: 'Live sessions', fr: 'Séances en direct', es: 'Sesiones en directo' },
    });
    const ids: string[] = [];
    for (const session of SESSIONS) {
      const day = session.day(found.edition.startsOn, found.edition.endsOn);
      const { id } = await saveItem(deps.db, deps, system, editionId, null, {
        sectionId,
        kind: WEBINAR_KIND,
        title: session.title,
        settings: {
          startsAt: `${day}T13:00:00.000Z`,
          endsAt: `${day}T14:30:00.000Z`,
          timeZone: 'Europe/Rome',
          provider: 'external',
          url: session.url,
        },
        completionRule: 'attended',
        required: false,
      });
      ids.push(id);
      count += 1;
    }
    const briefing = ids[0];
    if (code === DEMO_ATTENDANCE_EDITION && briefing) {
      const people = await confirmedParticipants(deps.db, editionId);
      await inTransaction(deps.db, (trx) =>
        applyAttendance(
          trx,
          deps,
          system,
          briefing,
          people.map((p) => ({ userId: p.id, attended: true })),
          'manual',
        ),
      );
    }
  }
  return { items: count };
}
