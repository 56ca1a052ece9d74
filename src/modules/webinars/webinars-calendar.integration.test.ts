import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { buildWebinar } from '../../../test/helpers/webinar-factories.js';
import { removeFromSpace } from '../spaces/remove-from-space.js';
import { EDITION_CALENDAR_TABLES, getEditionCalendar } from './get-calendars.js';

const FIRST = { startsAt: '2026-12-02T14:00:00.000Z', endsAt: '2026-12-02T15:30:00.000Z' };
const SECOND = { startsAt: '2026-12-09T14:00:00.000Z', endsAt: '2026-12-09T15:30:00.000Z' };

const uids = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);

/**
 * The edition's public calendar is kept per edition and language until one of its tables is written: a
 * webinar added, changed or removed shows in the next request, on both engines.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept public calendar of an edition`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());

    it('names every table the feed is read from', async () => {
      await buildWebinar(deps, world, FIRST);
      const { db, read } = recordingTables(deps.db);
      await getEditionCalendar(db, deps, world.edition.id, 'en');
      const tables = [...read()];
      expect(tables.filter((t) => !(EDITION_CALENDAR_TABLES as readonly string[]).includes(t))).toEqual([]);
      expect(tables).toEqual(expect.arrayContaining(['space_items', 'spaces', 'editions', 'courses']));
    });

    it('is kept between requests, and a webinar added or removed shows on the next one', async () => {
      const first = await buildWebinar(deps, world, FIRST);
      const kept = await getEditionCalendar(deps.db, deps, world.edition.id, 'en');
      expect(await getEditionCalendar(deps.db, deps, world.edition.id, 'en')).toBe(kept);
      expect(uids(kept.text)).toEqual([`webinar-${first.id}@diploma-platform`]);
      // Each language has its own.
      expect(await getEditionCalendar(deps.db, deps, world.edition.id, 'fr')).not.toBe(kept);

      const second = await buildWebinar(deps, world, SECOND);
      const added = await getEditionCalendar(deps.db, deps, world.edition.id, 'en');
      expect(uids(added.text).sort()).toEqual(
        [`webinar-${first.id}@diploma-platform`, `webinar-${second.id}@diploma-platform`].sort(),
      );
      expect(added.etag).not.toBe(kept.etag);

      await removeFromSpace(deps.db, deps, actorOf(world.facilitator), world.edition.id, {
        item: second.id,
      });
      const removed = await getEditionCalendar(deps.db, deps, world.edition.id, 'en');
      expect(uids(removed.text)).toEqual([`webinar-${first.id}@diploma-platform`]);
      // The same webinars as the first feed: the same tag, though made later (DTSTAMP left out).
      expect(removed.etag).toBe(kept.etag);
    });

    it('reads afresh inside a transaction, and an unknown edition is not found', async () => {
      await buildWebinar(deps, world, FIRST);
      const kept = await getEditionCalendar(deps.db, deps, world.edition.id, 'en');
      await deps.db.transaction().execute(async (trx) => {
        expect(await getEditionCalendar(trx, deps, world.edition.id, 'en')).not.toBe(kept);
      });
      await expect(
        getEditionCalendar(deps.db, deps, '0190f5d2-7d2c-7000-8000-000000000001', 'en'),
      ).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
