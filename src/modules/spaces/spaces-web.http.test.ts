import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, fieldError } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import {
  buildSpaceContent,
  buildSpaceWorld,
  type SpaceWorld,
} from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { formatInZone } from '../../i18n/time-zones.js';
import { systemActor } from '../../kernel/actor.js';
import { findPerson } from '../identity/identity.queries.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { saveItem } from './save-item.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

/** A multipart body with fields and one file. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = '----spaces-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An app on SQLite with a space world and its content (a section, a page, a link). */
async function spaceApp() {
  const made = await createTestApp('sqlite');
  const world = await buildSpaceWorld(made.deps);
  return { ...made, world, content: await buildSpaceContent(made.deps, world) };
}

describe('course space pages', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let content: Awaited<ReturnType<typeof buildSpaceContent>>;
  beforeAll(async () => {
    ({ app, deps, close, world, content } = await spaceApp());
  }, 60_000);
  afterAll(() => close());

  it('tells a participant what to do now, shows the page as Markdown, and keeps "mark as done"', async () => {
    const browser = await browserOf(app, world.participant);
    const home = await browser.get(`/spaces/${world.edition.id}`);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('What to do now');
    expect(home.body).toContain(`/spaces/${world.edition.id}/items/${content.pageId}`);
    expect(home.body).toContain('0 of 1 required items done');
    expect(home.body).toContain('Times are shown in UTC.');
    const page = await browser.get(`/spaces/${world.edition.id}/items/${content.pageId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>Welcome</h2>');
    expect(page.body).toContain('<em>this</em>');
    expect(page.body).toContain('Mark as done');
    const done = await browser.send(`/spaces/${world.edition.id}/items/${content.pageId}/done`);
    expect(done.statusCode).toBe(303);
    const after = await browser.get(`/spaces/${world.edition.id}`);
    expect(after.body).toContain('1 of 1 required items done');
    // The link waited for the page: it is now the next thing to do.
    expect(after.body).toMatch(new RegExp(`What to do now[\\s\\S]*items/${content.linkId}`));
  });

  it('is not found for anyone without a place, facilitation or management; the builder refuses participants', async () => {
    const outsider = await browserOf(app, world.outsider);
    expect((await outsider.get(`/spaces/${world.edition.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/spaces/${world.edition.id}/items/${content.pageId}`)).statusCode).toBe(404);
    const participant = await browserOf(app, world.participant);
    expect((await participant.get(`/spaces/${world.edition.id}/build`)).statusCode).toBe(403);
    expect((await new Client(app).get(`/spaces/${world.edition.id}`)).statusCode).toBe(303);
  });

  it('lets a facilitator build a French page through the forms, with errors shown next to the fields', async () => {
    const browser = await browserOf(app, world.facilitator);
    const refused = await browser.send(`/spaces/${world.edition.id}/build/sections`, { 'title.fr': '' });
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'title.en')).toBeTruthy();
    const section = await browser.send(`/spaces/${world.edition.id}/build/sections`, {
      'title.fr': 'Module 1',
      phase: 'self-paced',
    });
    expect(section.statusCode).toBe(303);
    const builder = await browser.get(`/spaces/${world.edition.id}/build`);
    const sectionId = /build\/sections\/([0-9a-f-]{36})"/.exec(builder.body)?.[1] ?? '';
    const form = await browser.get(
      `/spaces/${world.edition.id}/build/items/new?section=${sectionId}&kind=page`,
    );
    expect(form.statusCode).toBe(200);
    const saved = await browser.send(`/spaces/${world.edition.id}/build/items`, {
      kind: 'page',
      sectionId,
      'title.fr': 'Gouvernance',
      'settings.body.fr': 'Du **texte** <script>alert(1)</script>',
      completionRule: 'marked-done',
      required: 'on',
      availableFrom: '',
      dueAt: '2027-03-10T17:00',
      timeZone: 'Europe/Paris',
    });
    expect(saved.statusCode).toBe(303);
    const item = await browser.get(String(saved.headers.location));
    expect(item.body).toContain('<strong>texte</strong>');
    expect(item.body).toContain('&lt;script&gt;alert(1)');
    expect(item.body).not.toContain('<script>alert');
    const row = await deps.db
      .selectFrom('space_items')
      .select('due_at')
      .where('title_i18n', 'like', '%Gouvernance%')
      .executeTakeFirstOrThrow();
    expect(row.due_at).toBe('2027-03-10T16:00:00.000Z');
  });

  it('stores an uploaded file through the storage port and serves it as a download to participants', async () => {
    const staff = await browserOf(app, world.facilitator);
    const csrf = await staff.csrf();
    const body = multipart(
      {
        _csrf: csrf,
        kind: 'file',
        sectionId: content.sectionId,
        'title.en': 'Reading',
        completionRule: 'viewed',
      },
      { name: 'reading.pdf', bytes: Buffer.from('%PDF-1.4 test') },
    );
    const saved = await app.inject({
      method: 'POST',
      url: `/spaces/${world.edition.id}/build/items`,
      headers: { cookie: staff.jar.header(), 'content-type': body.contentType },
      remoteAddress: staff.address,
      payload: body.payload,
    });
    expect(saved.statusCode).toBe(303);
    const itemId = String(saved.headers.location).split('/').pop() ?? '';
    const participant = await browserOf(app, world.participant);
    const file = await participant.get(`/spaces/${world.edition.id}/items/${itemId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.body).toBe('%PDF-1.4 test');
    const none = multipart(
      { _csrf: csrf, kind: 'file', sectionId: content.sectionId, 'title.en': 'No file' },
      null,
    );
    const refused = await app.inject({
      method: 'POST',
      url: `/spaces/${world.edition.id}/build/items`,
      headers: { cookie: staff.jar.header(), 'content-type': none.contentType },
      remoteAddress: staff.address,
      payload: none.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose a file to upload.');
    expect(refused.body).toContain('At most 20 MB');
  });

  it("saves the browser's time zone to the profile", async () => {
    const browser = await browserOf(app, world.participant);
    const bad = await browser.send('/spaces/time-zone', { timeZone: 'Mars/Olympus', next: '/' });
    expect(bad.statusCode).toBe(400);
    const saved = await browser.send('/spaces/time-zone', {
      timeZone: 'America/Bogota',
      next: `/spaces/${world.edition.id}`,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/spaces/${world.edition.id}`);
    expect((await findPerson(deps.db, world.participant.id))?.timeZone).toBe('America/Bogota');
    const home = await browser.get(`/spaces/${world.edition.id}`);
    expect(home.body).not.toContain('Times are shown in UTC.');
  });
});

describe('the progress grid', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
  }, 60_000);
  afterAll(() => close());

  it('shows people × items with filters, and exports the same as CSV', async () => {
    const world = await buildSpaceWorld(deps);
    const content = await buildSpaceContent(deps, world);
    const learner = await browserOf(app, world.participant);
    await learner.send(`/spaces/${world.edition.id}/items/${content.pageId}/done`);
    const staff = await browserOf(app, world.facilitator);
    const grid = await staff.get(`/spaces/${world.edition.id}/progress`);
    expect(grid.statusCode).toBe(200);
    expect(grid.body).toContain('1 of 1 participants');
    expect(grid.body).toContain('1/1 (100 %)');
    const behind = await staff.get(`/spaces/${world.edition.id}/progress?status=behind`);
    expect(behind.body).toContain('0 of 1 participants');
    const csv = await staff.get(`/spaces/${world.edition.id}/progress.csv?status=complete`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('email,full_name,Welcome,ILO report,required_done,required_total,percent');
    expect(lines[1]).toBe(`${world.participant.email},${lines[1]?.split(',')[1]},done,,1,1,100`);
    // The participant's dashboard shows the edition with their progress.
    const dashboard = await learner.get('/my/pathway');
    expect(dashboard.body).toContain('Your course spaces');
    expect(dashboard.body).toMatch(
      new RegExp(`href="/spaces/${world.edition.id}"[\\s\\S]*1 of 1 required items done`),
    );
    const bad = await staff.get(`/spaces/${world.edition.id}/progress?status=nonsense`);
    expect(bad.statusCode).toBe(400);
  });
});

describe("the home's contents, each line rendered once", () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let content: Awaited<ReturnType<typeof buildSpaceContent>>;
  beforeAll(async () => {
    ({ app, deps, close, world, content } = await spaceApp());
  }, 60_000);
  afterAll(() => close());

  /** The contents' line of an item (the last link to it on the page: the contents come last). */
  const lineOf = (body: string, itemId: string) => {
    const lines = [...body.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1] ?? '');
    return lines.filter((line) => line.includes(`/items/${itemId}"`)).at(-1) ?? '';
  };
  const en = translator('en');

  it("follows each reader's progress, the builder's edits, the reader's zone and language", async () => {
    const participant = await browserOf(app, world.participant);
    const home = `/spaces/${world.edition.id}`;
    let body = (await participant.get(home)).body;
    expect(lineOf(body, content.pageId)).toContain(en.t('spaces.state.toDo'));
    expect(lineOf(body, content.linkId)).toContain(en.t('spaces.state.afterPrevious'));
    // The same page again (lines kept), then the page done: both lines change.
    const contents = (page: string) => page.slice(page.indexOf('id="contents-heading"'));
    expect(contents((await participant.get(home)).body)).toBe(contents(body));
    await participant.send(`${home}/items/${content.pageId}/done`);
    body = (await participant.get(home)).body;
    expect(lineOf(body, content.pageId)).toContain(en.t('spaces.state.done'));
    expect(lineOf(body, content.linkId)).toContain(en.t('spaces.state.toDo'));
    // Staff see no learner's state on the same lines.
    const staff = await browserOf(app, world.facilitator);
    const staffLine = lineOf((await staff.get(home)).body, content.pageId);
    expect(staffLine).toContain('Welcome');
    expect(staffLine).not.toContain(en.t('spaces.state.done'));
    // A renamed item with a due date: the new title, the due time in the reader's zone.
    await saveItem(deps.db, deps, actorOf(world.facilitator), world.edition.id, content.pageId, {
      sectionId: content.sectionId,
      kind: 'page',
      title: { en: 'Welcome aboard', fr: 'Bienvenue à bord' },
      settings: { body: { en: 'Read.' } },
      completionRule: 'marked-done',
      required: true,
      dueAt: '2027-03-10T16:00:00.000Z',
    });
    await participant.send('/spaces/time-zone', { timeZone: 'America/Bogota', next: home });
    body = (await participant.get(home)).body;
    expect(lineOf(body, content.pageId)).toContain('Welcome aboard');
    expect(lineOf(body, content.pageId)).toContain(
      formatInZone('2027-03-10T16:00:00.000Z', 'en-GB', 'America/Bogota'),
    );
    await participant.send('/spaces/time-zone', { timeZone: 'Asia/Kathmandu', next: home });
    const kathmandu = formatInZone('2027-03-10T16:00:00.000Z', 'en-GB', 'Asia/Kathmandu');
    expect(kathmandu).not.toBe(formatInZone('2027-03-10T16:00:00.000Z', 'en-GB', 'America/Bogota'));
    expect(lineOf((await participant.get(home)).body, content.pageId)).toContain(kathmandu);
    // In French: the French title and state.
    const profile = await participant.send('/account/profile', {
      fullName: 'Participant',
      preferredLocale: 'fr',
    });
    expect(profile.statusCode).toBe(303);
    const frLine = lineOf((await participant.get(home)).body, content.pageId);
    expect(frLine).toContain('Bienvenue');
    expect(frLine).toContain(
      translator('fr')
        .t('spaces.state.done')
        .replaceAll(/[\u0100-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`),
    );
  });

  it('gives each reader of a shared home their own CSRF token, and changes the page when an item opens', async () => {
    const home = `/spaces/${world.edition.id}`;
    const other = await buildPerson(deps);
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: other.email,
      fundingKind: 'self',
    });
    const tokens = (body: string) => [...body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    const [one, two] = [await browserOf(app, other), await browserOf(app, world.manager)];
    const first = tokens((await one.get(home)).body);
    // The sign-out form's token and the time-zone form's: the reader's own, on every visit.
    expect(first).toHaveLength(2);
    expect(first[1]).toBe(first[0]);
    const third = await buildPerson(deps);
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: third.email,
      fundingKind: 'self',
    });
    const theirs = tokens((await (await browserOf(app, third)).get(home)).body);
    expect(theirs[1]).toBe(theirs[0]);
    expect(theirs[0]).not.toBe(first[0]);
    expect((await two.get(home)).statusCode).toBe(200);
    // An item opening in two days: locked now, open (and next) once the clock has passed its date.
    const now = Date.parse(deps.clock.now().toISOString());
    const later = await saveItem(deps.db, deps, actorOf(world.facilitator), world.edition.id, null, {
      sectionId: content.sectionId,
      kind: 'link',
      title: { en: 'Opens soon' },
      settings: { url: 'https://example.org/' },
      availableFrom: new Date(now + 2 * 86_400_000).toISOString(),
    });
    expect(lineOf((await one.get(home)).body, later.id)).toContain(en.t('spaces.state.opensOn'));
    deps.clock.set(new Date(now + 3 * 86_400_000).toISOString());
    expect(lineOf((await one.get(home)).body, later.id)).toContain(en.t('spaces.state.toDo'));
    deps.clock.set(new Date(now).toISOString());
  });
});
