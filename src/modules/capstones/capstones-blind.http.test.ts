import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../../../test/helpers/assessment-factories.js';
import { draftedCapstone, proposalForm } from '../../../test/helpers/capstone-factories.js';
import { buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import { multipartBody } from '../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { saveMark } from '../marking/save-mark.js';
import { decideProposal } from './committee/decide-proposal.js';
import { saveProposal } from './proposal/save-proposal.js';
import { submitProposal } from './proposal/submit-proposal.js';
import { recordOutcome } from './record-outcome.js';
import { assignSupervisor } from './supervision/assign-supervisor.js';
import { postMessage } from './supervision/post-message.js';
import { setSupervisorLoad } from './supervision/set-supervisor-load.js';

/**
 * A capstone over HTTP: the candidate hands in through the forms (upload, abstracts, declaration, receipt);
 * two assessors mark blind — every page and download they can reach is searched for the candidate's name,
 * the uploaded file's name, the PDF author and the supervisor's comments; the library and its API show the
 * capstone only once it is passed and its author consents, found by its country's Spanish name.
 */
describe('capstones over HTTP: blind assessment and the library', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  const NAME = 'Zanele Secretname';
  const SECRET_COMMENT = 'Supervisor private remark 7731';
  let capstoneId = '';
  let candidate: TestPerson;
  let manager: TestPerson;
  const browsers = {} as Record<
    'candidate' | 'a1' | 'a2' | 'manager' | 'supervisor' | 'examiner' | 'anonymous',
    Client
  >;
  let examiner: TestPerson;

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    const world = await draftedCapstone(deps, { fullName: NAME });
    ({ capstoneId, manager } = world);
    candidate = world.person;
    // A South African capstone: found by "Sudáfrica" in Spanish.
    await saveProposal(
      deps.db,
      deps,
      actorOf(candidate),
      proposalForm(world.counted, { country: 'ZA', title: 'Decent work for migrant miners' }),
    );
    await submitProposal(deps.db, deps, actorOf(candidate), capstoneId);
    await decideProposal(deps.db, deps, actorOf(manager), capstoneId, { decision: 'approve' });
    const supervisor = await buildPerson(deps, { roles: ['facilitator'], fullName: 'Sven Supervisor' });
    await setSupervisorLoad(deps.db, deps, actorOf(manager), { personId: supervisor.id, maxLoad: 3 });
    await assignSupervisor(deps.db, deps, actorOf(manager), capstoneId, { supervisorId: supervisor.id });
    await postMessage(deps.db, deps, actorOf(supervisor), capstoneId, { body: SECRET_COMMENT });
    const people = {
      candidate,
      a1: await buildPerson(deps, { roles: ['assessor'] }),
      a2: await buildPerson(deps, { roles: ['assessor'] }),
      manager,
      supervisor,
      examiner: await buildPerson(deps, { roles: ['assessor'], fullName: 'Erin Examiner' }),
    };
    examiner = people.examiner;
    for (const [who, person] of Object.entries(people)) {
      const browser = new Client(app);
      await browser.signIn(person.email, person.password);
      browsers[who as keyof typeof people] = browser;
    }
    browsers.anonymous = new Client(app);
  }, 120_000);
  afterAll(() => close());

  async function upload(url: string) {
    const browser = browsers.candidate;
    const { payload, headers } = multipartBody(
      { _csrf: await browser.csrf() },
      { name: 'zanele-secretname-final.pdf', content: pdfBytes(NAME), type: 'application/pdf' },
    );
    const response = await app.inject({
      method: 'POST',
      url,
      remoteAddress: browser.address,
      headers: { ...headers, cookie: browser.jar.header() },
      payload,
    });
    browser.jar.store(response);
    return response;
  }

  /**
   * The programme's external examiner, appointed on the capstone settings page, reads the marked capstone
   * (the moderation sample) read-only: every page and download they reach is blind; they cannot mark.
   */
  async function examinerWalk(submissionId: string, attemptId: string) {
    const programme = await deps.db
      .selectFrom('capstones')
      .select('programme_id')
      .where('id', '=', capstoneId)
      .executeTakeFirstOrThrow();
    expect((await browsers.examiner.get(`/capstones/marking/${attemptId}`)).statusCode).toBe(404);
    const refused = await browsers.manager.send('/capstones/examiners', {
      programmeId: programme.programme_id,
      examinerId: candidate.id,
    });
    expect(refused.statusCode).toBe(400);
    const appointed = await browsers.manager.send('/capstones/examiners', {
      programmeId: programme.programme_id,
      examinerId: examiner.id,
    });
    expect(appointed.statusCode).toBe(303);
    expect((await browsers.manager.get('/capstones/admin')).body).toContain('Erin Examiner');
    const pages: LightMyRequestResponse[] = [
      await browsers.examiner.get('/marking/my'),
      await browsers.examiner.get(`/marking/submissions/${submissionId}`),
      await browsers.examiner.get(`/capstones/marking/${attemptId}`),
      await browsers.examiner.get(`/capstones/marking/${attemptId}/document`),
    ];
    for (const response of pages) {
      expect(response.statusCode).toBe(200);
      const body = response.rawPayload.toString('latin1') + JSON.stringify(response.headers);
      for (const secret of [NAME, 'Secretname', SECRET_COMMENT, 'Sven Supervisor', 'zanele-secretname-final'])
        expect(body).not.toContain(secret);
    }
    expect(pages[0]!.body).toContain(submissionId);
    expect((await browsers.examiner.get(`/capstones/${capstoneId}`)).statusCode).toBe(404);
    const mark = await browsers.examiner.send(`/marking/submissions/${submissionId}/mark`, {
      overall: 'x',
      mark: '10',
      complete: 'on',
    });
    expect(mark.statusCode).toBe(403);
    // Withdrawn, the examiner loses the sample on their very next request; the withdrawal is audited, and
    // withdrawing someone who is not the examiner is refused with a translated message and changes nothing.
    const withdraw = (examinerId: string, browser = browsers.manager) =>
      browser.send('/capstones/examiners/withdraw', { programmeId: programme.programme_id, examinerId });
    expect((await withdraw(examiner.id, browsers.examiner)).statusCode).toBe(403);
    expect((await withdraw(examiner.id)).statusCode).toBe(303);
    expect((await browsers.examiner.get(`/capstones/marking/${attemptId}`)).statusCode).toBe(404);
    expect((await browsers.examiner.get(`/capstones/marking/${attemptId}/document`)).statusCode).toBe(404);
    expect((await browsers.examiner.get(`/marking/submissions/${submissionId}`)).statusCode).toBe(404);
    expect((await browsers.examiner.get('/marking/my')).body).not.toContain(submissionId);
    const again = await withdraw(examiner.id);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This person is not an external examiner here.');
    const events = await deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'marking.examiner-withdrawn')
      .execute();
    expect(events).toHaveLength(1);
    // Appointed again for the rest of the journey.
    expect(
      (
        await browsers.manager.send('/capstones/examiners', {
          programmeId: programme.programme_id,
          examinerId: examiner.id,
        })
      ).statusCode,
    ).toBe(303);
  }

  it('the candidate hands in through the forms and gets a receipt with a SHA-256', async () => {
    expect((await browsers.candidate.get('/capstones/my')).headers.location).toBe(`/capstones/${capstoneId}`);
    const page = await browsers.candidate.get(`/capstones/${capstoneId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(SECRET_COMMENT);
    const refused = await browsers.candidate.send(`/capstones/${capstoneId}/final`, { abstract_en: 'x' });
    expect(refused.statusCode).toBe(400);
    expect((await upload(`/capstones/${capstoneId}/document`)).statusCode).toBe(303);
    const noDeclaration = await browsers.candidate.send(`/capstones/${capstoneId}/final`, {
      abstract_en: 'Mines.',
    });
    expect(noDeclaration.statusCode).toBe(400);
    expect(noDeclaration.body).toContain('Tick the declaration');
    const done = await browsers.candidate.send(`/capstones/${capstoneId}/final`, {
      abstract_en: 'Decent work for migrant miners in South Africa.',
      declared: 'on',
    });
    expect(done.statusCode).toBe(303);
    const receipt = await browsers.candidate.get(`/capstones/${capstoneId}`);
    expect(receipt.body).toMatch(/[0-9a-f]{64}/);
    // Every page of the capstone in the three languages (a missing message would fail the page).
    for (const lang of ['en', 'fr', 'es'])
      for (const [who, url] of [
        ['candidate', `/capstones/${capstoneId}`],
        ['supervisor', `/capstones/${capstoneId}`],
        ['manager', `/capstones/${capstoneId}`],
        ['manager', '/capstones'],
        ['manager', '/capstones/admin'],
        ['supervisor', '/capstones'],
      ] as const)
        expect(
          (await browsers[who].get(url, { 'accept-language': lang })).statusCode,
          `${who} ${url} ${lang}`,
        ).toBe(200);
  });

  it('two assessors mark blind: no page or download they reach names the candidate or shows the supervisor’s words', async () => {
    const page = await browsers.manager.get(`/capstones/${capstoneId}`);
    const options =
      [...page.body.matchAll(/<select[^>]*name="firstMarkerId"[\s\S]*?<\/select>/g)][0]?.[0] ?? '';
    const ids = [...options.matchAll(/value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const allocate = await browsers.manager.send(`/capstones/${capstoneId}/assessors`, {
      firstMarkerId: ids[0]!,
      secondMarkerId: ids[1]!,
    });
    expect(allocate.statusCode).toBe(303);
    const attempt = await deps.db.selectFrom('capstone_attempts').select('id').executeTakeFirstOrThrow();
    const seen: string[] = [];
    for (const who of ['a1', 'a2'] as const) {
      // The capstone's own page and its files do not exist for an assessor.
      expect((await browsers[who].get(`/capstones/${capstoneId}`)).statusCode).toBe(404);
      expect((await browsers[who].get(`/capstones/${capstoneId}/attempts/${attempt.id}`)).statusCode).toBe(
        404,
      );
    }
    const allocated = await deps.db
      .selectFrom('marking_marks')
      .select(['marker_id', 'submission_id', 'role'])
      .execute();
    for (const who of ['a1', 'a2'] as const) {
      const pages: LightMyRequestResponse[] = [
        await browsers[who].get(`/capstones/marking/${attempt.id}`),
        await browsers[who].get(`/capstones/marking/${attempt.id}/document`),
        await browsers[who].get('/marking/my'),
        await browsers[who].get('/capstones'),
      ];
      const markPage = pages[0]!.body.match(/href="(\/marking\/submissions\/[0-9a-f-]{36})"/)?.[1];
      if (markPage) pages.push(await browsers[who].get(markPage));
      for (const response of pages)
        seen.push(response.rawPayload.toString('latin1') + JSON.stringify(response.headers));
    }
    const allocatedTo = new Set(allocated.map((m) => m.marker_id));
    expect(allocatedTo.size).toBe(2);
    for (const body of seen) {
      expect(body).not.toContain(NAME);
      expect(body).not.toContain('Secretname');
      expect(body).not.toContain(SECRET_COMMENT);
      expect(body).not.toContain('Sven Supervisor');
      expect(body).not.toContain('zanele-secretname-final');
    }
    expect(seen.some((body) => /P-\d{4}/.test(body))).toBe(true);
  });

  it('the library shows the capstone only once passed and consented, in its pages and its API', async () => {
    const api = async () =>
      JSON.parse((await browsers.anonymous.get('/api/v1/capstones?q=sud%C3%A1frica')).body);
    expect(await api()).toEqual({ items: [], total: 0 });
    const attempt = await deps.db.selectFrom('capstone_attempts').select('id').executeTakeFirstOrThrow();
    const submission = await deps.db
      .selectFrom('marking_submissions')
      .select('id')
      .where('owner_id', '=', attempt.id)
      .executeTakeFirstOrThrow();
    const markers = await deps.db.selectFrom('marking_marks').select('marker_id').execute();
    for (const [i, m] of markers.entries())
      await saveMark(
        deps.db,
        deps,
        { kind: 'user', id: m.marker_id, roles: ['assessor'], via: 'session' },
        submission.id,
        {
          points: {},
          comments: {},
          overall: 'Good.',
          mark: i === 0 ? '66' : '70',
          complete: true,
        },
      );
    await examinerWalk(submission.id, attempt.id);
    await agreeMark(deps.db, deps, actorOf(manager), submission.id, { mark: '', note: '', feedback: '' });
    await releaseMark(deps.db, deps, actorOf(manager), submission.id);
    await recordOutcome(deps.db, deps, actorOf(manager), capstoneId, { outcome: 'pass' });
    expect(await api()).toEqual({ items: [], total: 0 });
    // The library's searches and pages are kept between requests (until one of its tables changes).
    const libraryPage = async () =>
      (await browsers.anonymous.get('/library/capstones?q=sud%C3%A1frica', { 'accept-language': 'es' })).body;
    expect(await libraryPage()).not.toContain('Decent work for migrant miners');
    expect((await browsers.anonymous.get(`/library/capstones/${capstoneId}`)).statusCode).toBe(404);
    const consent = await browsers.candidate.send(`/capstones/${capstoneId}/library`, {
      consent: 'on',
      licence: 'CC-BY-4.0',
    });
    expect(consent.statusCode).toBe(303);
    const found = await api();
    expect(found.total).toBe(1);
    expect(Object.keys(found.items[0]).sort()).toEqual([
      'abstract',
      'country',
      'id',
      'language',
      'themes',
      'title',
      'url',
      'year',
    ]);
    expect(found.items[0]).toMatchObject({ id: capstoneId, country: 'ZA', language: 'en' });
    for (const lang of ['en', 'fr', 'es']) {
      const list = await browsers.anonymous.get(`/library/capstones?q=sud%C3%A1frica&country=ZA`, {
        'accept-language': lang,
      });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Decent work for migrant miners');
    }
    const entry = await browsers.anonymous.get(`/library/capstones/${capstoneId}`);
    expect(entry.body).toContain('CC BY 4.0');
    expect(entry.body).not.toContain(NAME);
    expect((await browsers.anonymous.get('/api/v1/capstones?country=XX')).statusCode).toBe(400);
    const openapi = JSON.parse((await browsers.anonymous.get('/api/openapi.json')).body) as {
      paths: Record<string, { get?: { security?: unknown[] } }>;
    };
    expect(openapi.paths['/api/v1/capstones']?.get).toBeDefined();
    // Consenting showed the entry at once in the kept search; withdrawing takes it away at once.
    expect(await libraryPage()).toContain('Decent work for migrant miners');
    await browsers.candidate.send(`/capstones/${capstoneId}/library`, {});
    expect(await api()).toEqual({ items: [], total: 0 });
    expect(await libraryPage()).not.toContain('Decent work for migrant miners');
    expect((await browsers.anonymous.get(`/library/capstones/${capstoneId}/document`)).statusCode).toBe(404);
  });
});
