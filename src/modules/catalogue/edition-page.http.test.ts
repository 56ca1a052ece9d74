import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildEdition } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';

/** The edition page says each thing once, lists its phases in order, and never offers places of the past. */

const en = translator('en');
const count = (text: string, part: string) => text.split(part).length - 1;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('edition page', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
  });
  afterAll(async () => close?.());

  it('names "Places" and "Schedule" once each and lists the phases in the order they happen', async () => {
    const course = await buildCourse(deps);
    // The live sessions come first here, then the self-paced modules, then the assignment.
    const edition = await buildEdition(deps, course.code, {
      liveStart: '2027-03-01',
      liveEnd: '2027-03-14',
      selfPacedStart: '2027-03-15',
      selfPacedEnd: '2027-04-09',
      assignmentDue: '2027-04-16',
    });
    const page = await new Client(app).get(`/editions/${edition.id}`);
    expect(page.statusCode).toBe(200);
    const words = text(page.body);
    expect(count(words, ` ${en.t('places.panel.heading')} `)).toBe(1);
    expect(count(words, ` ${en.t('edition.schedule')} `)).toBe(1);
    const live = words.indexOf(en.t('edition.phase.live'));
    const selfPaced = words.indexOf(en.t('edition.phase.selfPaced'));
    const assignment = words.indexOf(en.t('edition.phase.assignment'));
    expect(live).toBeGreaterThan(0);
    expect(live).toBeLessThan(selfPaced);
    expect(selfPaced).toBeLessThan(assignment);
    expect(page.body).toContain(en.t('places.panel.placesLeft', { left: 30, capacity: 30 }));
  });

  it('does not say how many places are left in an edition that is over', async () => {
    const course = await buildCourse(deps);
    const edition = await buildEdition(deps, course.code, {
      capacity: 32,
      selfPacedStart: '2025-03-01',
      selfPacedEnd: '2025-03-14',
      liveStart: '2025-03-15',
      liveEnd: '2025-04-09',
      assignmentDue: '2025-04-16',
      registrationOpen: false,
      registrationDeadline: '',
    });
    const page = await new Client(app).get(`/editions/${edition.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(en.t('places.panel.placesLeft', { left: 32, capacity: 32 }));
    expect(page.body).toContain(en.t('edition.places', { count: 32 }));
  });
});
