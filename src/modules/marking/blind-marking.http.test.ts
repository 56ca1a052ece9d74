import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  pdfBytes,
  uploadSubmissionForm,
} from '../../../test/helpers/assessment-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { findPerson } from '../identity/identity.queries.js';
import { saveRubric } from './rubrics/save-rubric.js';

/**
 * A whole blind marking over HTTP: the participant drafts, uploads and submits through the forms; two
 * markers mark blind; the facilitator agrees and releases; the participant sees mark and feedback; a manager
 * reveals the names. Every page and download a marker opens before the reveal is searched for the
 * participant's name (and the uploaded file's name and PDF author).
 */
describe('blind marking, end to end over HTTP', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: AssessmentWorld;
  const browsers = {} as Record<'participant' | 'facilitator' | 'assessor' | 'second' | 'manager', Client>;
  let name = '';
  let markingId = '';
  let submissionId = '';
  let fileId = '';

  const seen: { who: string; url: string; body: string }[] = [];
  async function open(who: keyof typeof browsers, url: string): Promise<LightMyRequestResponse> {
    const response = await browsers[who].get(url);
    seen.push({ who, url, body: response.rawPayload.toString('latin1') + JSON.stringify(response.headers) });
    return response;
  }

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    const rubricId = (
      await saveRubric(deps.db, deps, { kind: 'system', reason: 'test' }, null, {
        title: 'Brief',
        criteria: [
          { id: 'c1', title: 'Analysis', weight: 2, maxPoints: 10, levels: [] },
          {
            id: 'c2',
            title: 'Recommendations',
            weight: 1,
            maxPoints: 4,
            levels: [
              { label: 'Good', points: 3 },
              { label: 'Excellent', points: 4 },
            ],
          },
        ],
      })
    ).id;
    world = await buildAssessmentWorld(deps, { rubricId, secondMarking: true, discrepancy: '5' });
    name = (await findPerson(deps.db, world.participant.id))!.fullName;
    const people = {
      participant: world.participant,
      facilitator: world.facilitator,
      assessor: world.assessor,
      second: world.secondAssessor,
      manager: world.manager,
    };
    for (const [key, person] of Object.entries(people)) {
      const client = new Client(app);
      await client.signIn(person.email, person.password);
      browsers[key as keyof typeof browsers] = client;
    }
    void actorOf;
  }, 60_000);
  afterAll(() => close());

  it('takes a draft, a file and a submission through the forms, with the receipt on the page', async () => {
    const base = `/assignments/${world.assignmentId}`;
    const page = await browsers.participant.get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Save draft');
    expect(page.body).toContain('/static/assignment-autosave.js');
    const draft = await browsers.participant.send(`${base}/draft`, {
      text: 'My analysis of the labour market.',
      declared: 'on',
    });
    expect(draft.statusCode).toBe(303);
    const bad = await uploadSubmissionForm(browsers.participant, world.assignmentId, {
      name: 'not.pdf',
      content: Buffer.from('<html>'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('not of an accepted type');
    const upload = await uploadSubmissionForm(browsers.participant, world.assignmentId, {
      name: `${name} brief.pdf`,
      content: pdfBytes(name),
    });
    expect(upload.statusCode).toBe(303);
    const refused = await browsers.participant.send(`${base}/submit`, {
      text: 'My analysis of the labour market.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Tick the declaration');
    const submitted = await browsers.participant.send(`${base}/submit`, {
      text: 'My analysis of the labour market.',
      declared: 'on',
    });
    expect(submitted.statusCode).toBe(303);
    const after = await browsers.participant.get(base);
    const digest = /<code>([0-9a-f]{64})<\/code>/.exec(after.body)?.[1];
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(after.body).toContain('Not marked yet');
    const row = await deps.db.selectFrom('assignment_submissions').selectAll().executeTakeFirstOrThrow();
    expect(row.digest).toBe(digest);
    submissionId = row.id;
    fileId = (await deps.db.selectFrom('assignment_files').select('id').executeTakeFirstOrThrow()).id;
    markingId = (await deps.db.selectFrom('marking_submissions').select('id').executeTakeFirstOrThrow()).id;
  });

  it('lets the facilitator allocate two markers without learning the name', async () => {
    const overview = await open('facilitator', `/marking/editions/${world.edition.id}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('P-0001');
    expect(
      (
        await browsers.facilitator.send(`/marking/submissions/${markingId}/allocate`, {
          markerId: world.assessor.id,
          role: 'first',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await browsers.facilitator.send(`/marking/editions/${world.edition.id}/allocate`, {
          markerIds: [world.assessor.id, world.secondAssessor.id],
          role: 'second',
        })
      ).statusCode,
    ).toBe(303);
    const marks = await deps.db.selectFrom('marking_marks').selectAll().execute();
    expect(marks.map((m) => [m.role, m.marker_id]).sort()).toEqual([
      ['first', world.assessor.id],
      ['second', world.secondAssessor.id],
    ]);
  });

  it('walks every marker page and download: numbers, never the name; files renamed, PDF author stripped', async () => {
    for (const who of ['assessor', 'second'] as const) {
      expect((await open(who, '/marking/my')).body).toContain('P-0001');
      const page = await open(who, `/marking/submissions/${markingId}`);
      expect(page.body).toContain('Analysis');
      const view = await open(who, `/assignments/marking/${submissionId}`);
      expect(view.body).toContain('My analysis of the labour market.');
      expect(view.body).toContain('P-0001-1.pdf');
      const file = await open(who, `/assignments/marking/${submissionId}/files/${fileId}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain('P-0001-1.pdf');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // A bad mark is refused with its message; two complete marks, far apart.
    const bad = await browsers.assessor.send(`/marking/submissions/${markingId}/mark`, {
      'points.c1': '7.123',
      complete: 'on',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await browsers.assessor.send(`/marking/submissions/${markingId}/mark`, {
          'points.c1': '8',
          'points.c2': '4',
          'comment.c1': 'Sharp analysis',
          overall: 'Well argued',
          complete: 'on',
        })
      ).statusCode,
    ).toBe(303);
    // Marks are independent: the second marker does not see the first one's.
    const second = await open('second', `/marking/submissions/${markingId}`);
    expect(second.body).not.toContain('Sharp analysis');
    expect(
      (
        await browsers.second.send(`/marking/submissions/${markingId}/mark`, {
          'points.c1': '5',
          'points.c2': '3',
          complete: 'on',
        })
      ).statusCode,
    ).toBe(303);
    for (const who of ['assessor', 'second'] as const) {
      await open(who, '/marking/my');
      await open(who, `/marking/submissions/${markingId}`);
    }
    await open('facilitator', `/marking/editions/${world.edition.id}`);
    await open('facilitator', `/marking/submissions/${markingId}`);
    const leaks = seen.filter((s) => s.body.includes(name) || s.body.includes('Secret Author'));
    expect(leaks.map((l) => `${l.who} ${l.url}`)).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(14);
  });

  it('flags the pair, takes the agreed mark with a note, releases, and shows mark and feedback to the participant only then', async () => {
    const page = await browsers.facilitator.get(`/marking/submissions/${markingId}`);
    expect(page.body).toContain('differ by more than the threshold');
    const noNote = await browsers.facilitator.send(`/marking/submissions/${markingId}/agree`, { mark: '70' });
    expect(noNote.statusCode).toBe(400);
    expect(
      (
        await browsers.facilitator.send(`/marking/submissions/${markingId}/agree`, {
          mark: '72.5',
          note: 'Second reading agreed',
        })
      ).statusCode,
    ).toBe(303);
    expect((await browsers.participant.get(`/assignments/${world.assignmentId}`)).body).not.toContain(
      '72.50',
    );
    expect(
      (await browsers.facilitator.send(`/marking/submissions/${markingId}/release`, {})).statusCode,
    ).toBe(303);
    const mine = await browsers.participant.get(`/assignments/${world.assignmentId}`);
    expect(mine.body).toContain('Mark: 72.50');
    expect(mine.body).toContain('Sharp analysis');
    expect(mine.body).toContain('Well argued');
    expect((await browsers.facilitator.get(`/marking/editions/${world.edition.id}`)).body).toContain(
      'In the moderation sample',
    );
  });

  it('reveals the names after release, by a manager only, and then shows them to the markers', async () => {
    const before = (await browsers.manager.get(`/marking/editions/${world.edition.id}`)).body;
    expect(before).toContain(`/marking/editions/${world.edition.id}/reveal`);
    expect(before).not.toContain(name);
    expect((await browsers.assessor.get(`/assignments/marking/${submissionId}`)).body).not.toContain(name);
    expect(
      (await browsers.facilitator.send(`/marking/editions/${world.edition.id}/reveal`, {})).statusCode,
    ).toBe(403);
    expect((await browsers.manager.send(`/marking/editions/${world.edition.id}/reveal`, {})).statusCode).toBe(
      303,
    );
    expect((await browsers.assessor.get('/marking/my')).body).toContain(name);
    // The overview's body and the markers' submission page are kept (rendered once): the reveal shows at once.
    const overview = (await browsers.manager.get(`/marking/editions/${world.edition.id}`)).body;
    expect(overview).toContain(name);
    expect(overview).not.toContain(`/marking/editions/${world.edition.id}/reveal`);
    expect((await browsers.assessor.get(`/assignments/marking/${submissionId}`)).body).toContain(name);
  });
});
