import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  pdfBytes,
  uploadSubmissionForm,
} from '../../../test/helpers/assessment-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';

/** Bad input gets a clear, translated answer and changes nothing. */
describe('assignments: errors over HTTP', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: AssessmentWorld;
  let participant: Client;
  let facilitator: Client;

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildAssessmentWorld(deps, { maxFileMb: 1 });
    participant = new Client(app);
    await participant.signIn(world.participant.email, world.participant.password);
    facilitator = new Client(app);
    await facilitator.signIn(world.facilitator.email, world.facilitator.password);
  }, 60_000);
  afterAll(() => close());

  const count = async () => (await deps.db.selectFrom('assignments').selectAll().execute()).length;

  it('shows the assignment item in the course space, with the person’s due date and the way in', async () => {
    for (const client of [participant, facilitator]) {
      const page = await client.get(`/spaces/${world.edition.id}/items/${world.itemId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`/assignments/${world.assignmentId}`);
      expect(page.body).toContain('Open the assignment');
    }
    expect((await participant.get(`/spaces/${world.edition.id}/items/${world.itemId}`)).body).toContain(
      'Not submitted yet.',
    );
  });

  it('answers 404 for an unknown or malformed assignment, submission or file', async () => {
    expect((await participant.get('/assignments/not-an-id')).statusCode).toBe(404);
    expect((await participant.get('/assignments/0190f5d2-7d2c-7000-8000-000000000001')).statusCode).toBe(404);
    expect(
      (await participant.get(`/assignments/${world.assignmentId}/submissions/x/files/y`)).statusCode,
    ).toBe(404);
    expect(
      (await facilitator.get('/assignments/marking/0190f5d2-7d2c-7000-8000-000000000001')).statusCode,
    ).toBe(404);
  });

  it('re-renders the settings form with translated messages and saves nothing', async () => {
    const before = await count();
    const response = await facilitator.send(`/editions/${world.edition.id}/assignments`, {
      title: '',
      passMark: '101',
      resubmission: 'attempts',
      dueAt: '2026-12-10T12:00',
      cutoffAt: '2026-12-09T12:00',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter a percentage between 0 and 100');
    // Once each field is fine on its own, the rules between fields are checked.
    const second = await facilitator.send(`/editions/${world.edition.id}/assignments`, {
      title: 'Brief',
      resubmission: 'attempts',
      dueAt: '2026-12-10T12:00',
      cutoffAt: '2026-12-09T12:00',
    });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('Accept online text, files or both.');
    expect(second.body).toContain('The last moment cannot come before the due date.');
    expect(second.body).toContain('Give the number of attempts.');
    expect(await count()).toBe(before);
  });

  it('says in Spanish when an upload is too large, and keeps nothing', async () => {
    await participant.get('/lang/es?next=/');
    const big = await uploadSubmissionForm(participant, world.assignmentId, {
      name: 'big.pdf',
      content: Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024)]),
    });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('Este archivo supera 1 MB.');
    expect(await deps.db.selectFrom('assignment_files').selectAll().execute()).toHaveLength(0);
    await participant.get('/lang/en?next=/');
  });

  it('refuses a submission after the cut-off with 409 and a message, and records nothing', async () => {
    await participant.send(`/assignments/${world.assignmentId}/draft`, { text: 'Late work', declared: 'on' });
    deps.clock.set('2026-12-11T00:00:00.000Z');
    const response = await participant.send(`/assignments/${world.assignmentId}/submit`, {
      text: 'Late work',
      declared: 'on',
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This cannot be done now');
    expect(await deps.db.selectFrom('marking_submissions').selectAll().execute()).toHaveLength(0);
  });
});
