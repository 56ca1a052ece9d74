import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { DEMO_ATTENDANCE_EDITION, demoAcademyCodes } from './demo/seed-webinars.js';
import { getEditionCalendar } from './get-calendars.js';
import { webinarAttendanceOf } from './webinars.queries.js';

describe('sqlite: the demo Academy webinars', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  }, 180_000);
  afterAll(async () => {
    await deps.close();
  });

  it('puts two webinars in every Academy edition’s public calendar', async () => {
    const codes = demoAcademyCodes();
    expect(codes).toContain(DEMO_ATTENDANCE_EDITION);
    for (const code of codes) {
      const editionId = (await findEditionIdByCode(deps.db, deps, code))!;
      const calendar = new ICAL.Component(
        ICAL.parse((await getEditionCalendar(deps.db, deps, editionId, 'en')).text),
      );
      expect(calendar.getAllSubcomponents('vevent'), code).toHaveLength(2);
    }
  });

  it('records the confirmed participant’s attendance of the 2027 briefing', async () => {
    const editionId = (await findEditionIdByCode(deps.db, deps, DEMO_ATTENDANCE_EDITION))!;
    const carlos = (await findPersonIdByEmail(deps.db, deps, 'carlos.nunez@example.org'))!;
    expect(await webinarAttendanceOf(deps.db, carlos, editionId, '2028-01-01T00:00:00.000Z')).toEqual({
      held: 2,
      attended: 1,
      percent: 50,
    });
  });
});
