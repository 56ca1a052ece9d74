import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { createTestApp, csrfFrom } from '../../../test/helpers/http.js';
import { Client, fieldError, tokenOf } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

/** As the renderer escapes text. */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

describe('results pages', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let essay: string;
  let frenchManager: TestPerson;
  let amina: TestPerson;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    frenchManager = await buildPerson(deps, { roles: ['manager'], locale: 'fr' });
    amina = await buildPerson(deps, { fullName: 'Amina Diallo', locale: 'es' });
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: amina.email,
      fundingKind: 'self',
    });
    const staff = actorOf(world.facilitator);
    const section = await saveSection(deps.db, deps, staff, world.edition.id, null, {
      title: { en: 'Assessment' },
    });
    essay = (
      await saveItem(deps.db, deps, staff, world.edition.id, null, {
        sectionId: section.id,
        kind: 'page',
        title: { en: 'Essay', es: 'Ensayo' },
        settings: { body: { en: 'Write' } },
      })
    ).id;
  }, 60_000);
  afterAll(() => close());

  it('refuses a bad policy with translated messages next to the fields, stores nothing, then saves a version', async () => {
    const browser = await browserOf(app, frenchManager);
    const fr = {};
    const form = await browser.get(`/results/${world.edition.id}/policy`, fr);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Règle de résultat');
    const bad = await browser.post(
      `/results/${world.edition.id}/policy`,
      {
        _csrf: await browser.csrf(),
        passMark: '72,555',
        achievementGives: 'achievement',
        participationGives: 'participation',
        [`components.${essay}.weight`]: '1.5',
        [`components.${essay}.cutoff`]: '2027-02-30',
      },
      fr,
    );
    expect(bad.statusCode).toBe(400);
    const t = translator('fr');
    expect(fieldError(bad.body, 'passMark')).toBe(escaped(t.t('results.error.percentage')));
    expect(fieldError(bad.body, `components.${essay}.weight`)).toBe(escaped(t.t('results.error.weight')));
    expect(fieldError(bad.body, `components.${essay}.cutoff`)).toBe(escaped(t.t('results.error.date')));
    expect(bad.body).toContain('value="72,555"');
    expect(await deps.db.selectFrom('result_policies').selectAll().execute()).toEqual([]);

    const good = await browser.send(`/results/${world.edition.id}/policy`, {
      passMark: '60',
      requiredItemsComplete: 'on',
      achievementGives: 'achievement',
      participationGives: 'participation',
      [`components.${essay}.weight`]: '1',
      [`components.${essay}.minMark`]: '50',
      [`components.${essay}.cutoff`]: '2027-04-16',
    });
    expect(good.statusCode).toBe(303);
    const rows = await deps.db.selectFrom('result_policies').select(['version']).execute();
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('shows the gradebook with marks, overrides and exports', async () => {
    await recordItemOutcome(deps.db, deps, {
      itemId: essay,
      personId: amina.id,
      outcome: { kind: 'passed', score: 7250 },
    });
    const browser = await browserOf(app, world.facilitator);
    expect((await browser.get(`/spaces/${world.edition.id}`)).body).toContain(
      `href="/results/${world.edition.id}"`,
    );
    const book = await browser.get(`/results/${world.edition.id}`);
    expect(book.statusCode).toBe(200);
    expect(book.body).toContain('Amina Diallo');
    expect(book.body).toContain('72.5 %');
    const noReason = await browser.send(`/results/${world.edition.id}/overrides`, {
      personId: amina.id,
      componentId: essay,
      mark: '80',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldError(noReason.body, 'reason')).toBe(
      escaped(translator('en').t('results.error.reasonRequired')),
    );
    const csv = await browser.get(`/results/${world.edition.id}/gradebook.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('email,full_name,Essay,total,outcome,missing');
    expect(csv.body).toContain(`${amina.email},Amina Diallo,72.5,72.5,achievement,0`);
    const api = await app.inject({
      method: 'GET',
      url: `/api/v1/editions/${world.edition.id}/gradebook`,
      headers: { authorization: `Bearer ${await tokenOf(deps, frenchManager)}` },
    });
    expect(api.statusCode).toBe(200);
    const json = api.json() as {
      policyVersion: number;
      rows: { personId: string; marks: Record<string, unknown>; total: number; outcome: string }[];
    };
    expect(json.policyVersion).toBe(1);
    expect(json.rows.find((r) => r.personId === amina.id)).toMatchObject({
      marks: { [essay]: 7250 },
      total: 7250,
      outcome: 'achievement',
    });
    const xlsx = await browser.get(`/results/${world.edition.id}/gradebook.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows a released mark and an override on the next view (the kept page), in each reader’s language', async () => {
    const browser = await browserOf(app, world.facilitator);
    const french = await browserOf(app, frenchManager);
    const url = `/results/${world.edition.id}`;
    expect((await browser.get(url)).body).toContain('72.5 %');
    expect((await french.get(url)).body).toContain('72,5');
    await recordItemOutcome(deps.db, deps, {
      itemId: essay,
      personId: amina.id,
      outcome: { kind: 'passed', score: 6400 },
    });
    const kept = await browser.get(url);
    expect(kept.body).toContain('64 %');
    // The kept forms carry the request's own CSRF token (the frame's): the override is sent with it.
    const tokens = new Set([...kept.body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]));
    expect(tokens).toEqual(new Set([csrfFrom(kept.body)]));
    const saved = await browser.post(`${url}/overrides`, {
      _csrf: csrfFrom(kept.body),
      personId: amina.id,
      componentId: essay,
      mark: '81',
      reason: 'Re-marked after appeal',
    });
    expect(saved.statusCode).toBe(303);
    const after = await browser.get(url);
    expect(after.body).toContain('81 %');
    expect(after.body).toContain('Re-marked after appeal');
    expect((await french.get(url)).body).toContain('81 %');
  });

  it('shows whose result the pathway refused when finalising, translated, and records nothing', async () => {
    // The edition starts in 2027: a result completed today (2026) is refused by the pathway.
    const browser = await browserOf(app, frenchManager);
    const refused = await browser.send(`/results/${world.edition.id}/finalise`);
    expect(refused.statusCode).toBe(400);
    const t = translator('fr');
    expect(refused.body).toContain('id="finalise-problems"');
    expect(refused.body).toContain(
      escaped(
        t.t('results.book.finaliseProblem', {
          name: 'Amina Diallo',
          message: t.t('validation.completedBeforeStart'),
        }),
      ),
    );
    expect(refused.body).not.toContain(escaped(translator('en').t('validation.completedBeforeStart')));
    expect(await deps.db.selectFrom('result_snapshots').selectAll().execute()).toEqual([]);
  });

  it('shows a participant the formula and what they still need, in their language', async () => {
    const browser = await browserOf(app, amina);
    expect((await browser.get(`/spaces/${world.edition.id}`)).body).toContain(
      `href="/results/${world.edition.id}/mine"`,
    );
    const page = await browser.get(`/results/${world.edition.id}/mine`);
    expect(page.statusCode).toBe(200);
    const t = translator('es');
    expect(page.body).toContain(escaped(t.t('results.mine.stillNeed')));
    expect(page.body).toContain('Ensayo');
    expect(page.body).toContain(
      escaped(t.t('results.mine.outcomeNow', { outcome: t.t('results.outcome.achievement') })),
    );
  });
});

describe('results audit sentences', () => {
  it('read as sentences in every language', async () => {
    const { auditSentence } = await import('../../web/audit-trail.js');
    for (const locale of ['en', 'fr', 'es'] as const) {
      const t = translator(locale);
      const event = (action: string, before: unknown, after: unknown) =>
        ({ action, known: true, before, after }) as unknown as Parameters<typeof auditSentence>[1];
      expect(
        auditSentence(
          t,
          event(
            'result-override.set',
            { mark: null },
            { editionId: 'e', componentId: 'c', mark: '80.5', reason: 'Appeal' },
          ),
          {},
        ),
      ).toMatch(/80\.5.*Appeal/);
      expect(
        auditSentence(
          t,
          event('result-policy.saved', undefined, { editionId: 'e', version: 2, components: 3 }),
          {},
        ),
      ).toContain('2');
      expect(
        auditSentence(
          t,
          event('results.finalised', undefined, {
            editionId: 'e',
            policyVersion: 1,
            recorded: 30,
            pending: 2,
            locked: 1,
          }),
          {},
        ),
      ).toContain('30');
    }
  });
});
