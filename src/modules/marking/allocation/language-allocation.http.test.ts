import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssessmentWorld, buildAssessmentWorld } from '../../../../test/helpers/assessment-factories.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { browserFor, type Client } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { saveDraft } from '../../assignments/save-draft.js';
import { submitAssignment } from '../../assignments/submit-assignment.js';
import { enrolDirectly } from '../../places/enrol-directly.js';

/**
 * Allocation by language over HTTP: participants say which language their work is in, markers declare
 * theirs on "My marking", and the facilitator's allocation by language gives each submission to a marker
 * of its language, evenly, reporting by number the ones nobody can take (they stay unallocated).
 */
describe('allocation by language over HTTP', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: AssessmentWorld;
  const browsers = {} as Record<'participant' | 'facilitator' | 'assessor' | 'second', Client>;

  async function submitAs(person: TestPerson, language: string): Promise<void> {
    await saveDraft(deps.db, deps, actorOf(person), world.assignmentId, {
      text: 'Work',
      declared: true,
      language,
    });
    await submitAssignment(deps.db, deps, actorOf(person), world.assignmentId);
  }
  const allocations = () =>
    deps.db
      .selectFrom('marking_marks')
      .innerJoin('marking_submissions', 'marking_submissions.id', 'marking_marks.submission_id')
      .select(['marking_marks.marker_id', 'marking_submissions.language'])
      .execute();

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildAssessmentWorld(deps);
    browsers.participant = await browserFor(app, world.participant);
    browsers.facilitator = await browserFor(app, world.facilitator);
    browsers.assessor = await browserFor(app, world.assessor);
    browsers.second = await browserFor(app, world.secondAssessor);
  }, 60_000);
  afterAll(() => close());

  it('lets the participant say the language of their work, the edition’s by default', async () => {
    const base = `/assignments/${world.assignmentId}`;
    const page = await browsers.participant.get(base);
    expect(page.body).toContain('Language of your work');
    expect(page.body).toMatch(/<option value="en" selected>English<\/option>/);
    const bad = await browsers.participant.send(`${base}/draft`, { text: 'Mi trabajo', language: 'xx' });
    expect(bad.statusCode).toBe(400);
    expect(await deps.db.selectFrom('assignment_submissions').select('id').execute()).toEqual([]);
    const saved = await browsers.participant.send(`${base}/draft`, {
      text: 'Mi trabajo',
      declared: 'on',
      language: 'es',
    });
    expect(saved.statusCode).toBe(303);
    expect((await browsers.participant.get(base)).body).toMatch(/<option value="es" selected>Spanish/);
    // "Submit" saves what the form holds first (the language left out: unchanged).
    const submitted = await browsers.participant.send(`${base}/submit`, {
      text: 'Mi trabajo',
      declared: 'on',
    });
    expect(submitted.statusCode).toBe(303);
    const row = await deps.db.selectFrom('marking_submissions').select('language').executeTakeFirstOrThrow();
    expect(row.language).toBe('es');
  });

  it('lets markers declare their languages; an unknown language is refused and changes nothing', async () => {
    const bad = await browsers.assessor.send('/marking/languages', { languages: ['es', 'xx'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose one of the options');
    expect(await deps.db.selectFrom('marking_marker_languages').selectAll().execute()).toEqual([]);
    const ada = await browsers.assessor.send('/marking/languages', { languages: ['es', 'fr'] });
    expect(ada.statusCode).toBe(303);
    expect((await browsers.second.send('/marking/languages', { languages: 'es' })).statusCode).toBe(303);
    const page = await browsers.assessor.get('/marking/my');
    expect(page.body).toContain('Languages I mark in');
    expect(page.body).toMatch(/value="es"[^>]*checked/);
    expect(page.body).not.toMatch(/value="ar"[^>]*checked/);
    const overview = await browsers.facilitator.get(`/marking/editions/${world.edition.id}`);
    expect(overview.body).toContain('Ada Assessor (Spanish, French)');
  });

  it('allocates by language evenly and reports by number the submissions no chosen marker can take', async () => {
    const others: TestPerson[] = [];
    for (let i = 0; i < 3; i++) {
      const person = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      others.push(person);
    }
    await submitAs(others[0]!, 'es'); // P-0002
    await submitAs(others[1]!, 'fr'); // P-0003
    await submitAs(others[2]!, 'ar'); // P-0004
    const url = `/marking/editions/${world.edition.id}/allocate`;
    const invalid = await browsers.facilitator.send(url, {
      markerIds: [world.assessor.id],
      role: 'first',
      method: 'nearest',
    });
    expect(invalid.statusCode).toBe(400);
    expect(await allocations()).toEqual([]);
    const response = await browsers.facilitator.send(url, {
      markerIds: [world.assessor.id, world.secondAssessor.id],
      role: 'first',
      method: 'language',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('3 submissions were allocated.');
    expect(response.body).toContain('P-0004 (Arabic): none of the chosen markers marks in Arabic');
    const byMarker = (id: string) => allocations().then((rows) => rows.filter((r) => r.marker_id === id));
    // Spanish: one each (the even part); French: only Ada marks in it; Arabic: nobody.
    expect((await byMarker(world.assessor.id)).map((r) => r.language).sort()).toEqual(['es', 'fr']);
    expect((await byMarker(world.secondAssessor.id)).map((r) => r.language)).toEqual(['es']);
    expect(await allocations()).toHaveLength(3);
    // Once a French-reading marker is chosen with Arabic declared, the rest is allocated: a plain redirect.
    await deps.db
      .insertInto('marking_marker_languages')
      .values({ marker_id: world.secondAssessor.id, language: 'ar', updated_at: '2026-12-01T10:00:00.000Z' })
      .execute();
    const again = await browsers.facilitator.send(url, {
      markerIds: [world.assessor.id, world.secondAssessor.id],
      role: 'first',
      method: 'language',
    });
    expect(again.statusCode).toBe(303);
    expect(await byMarker(world.secondAssessor.id)).toHaveLength(2);
  });

  it('shows the Spanish report in Spanish', async () => {
    const manager = await buildPerson(deps, { roles: ['manager'], locale: 'es' });
    const spanish = await browserFor(app, manager);
    const page = await spanish.get(`/marking/editions/${world.edition.id}`);
    expect(page.body).toContain('Por idioma');
    expect(page.body).toContain('Idioma');
  });
});
