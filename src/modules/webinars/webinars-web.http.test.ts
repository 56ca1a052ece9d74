import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, fieldError } from '../../../test/helpers/http-extra.js';
import { multipartBody } from '../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { buildWebinar } from '../../../test/helpers/webinar-factories.js';
import { setTimeZone } from '../identity/account/update-account.js';
import { saveSection } from '../spaces/save-section.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

/** Sends a multipart form with the browser's cookies and a CSRF token. */
async function upload(
  client: Client,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: string } | null,
) {
  const { payload, headers } = multipartBody({ ...fields, _csrf: await client.csrf() }, file);
  const response = await client.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: client.address,
    headers: { ...headers, cookie: client.jar.header() },
  });
  client.jar.store(response);
  return response;
}

// TEST_NOW is 2026-11-28T10:00Z.
describe('webinar pages', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let participant: Client;
  let facilitator: Client;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    participant = await browserOf(app, world.participant);
    facilitator = await browserOf(app, world.facilitator);
  }, 60_000);
  afterAll(() => close());

  it('is built in French in the space builder, with field errors re-shown and nothing saved', async () => {
    // A programme manager who works in French (managers build every edition's space).
    const french = await buildPerson(deps, { roles: ['manager'], locale: 'fr' });
    const browser = await browserOf(app, french);
    const section = await saveSection(deps.db, deps, actorOf(french), world.edition.id, null, {
      title: { fr: 'Direct' },
    });
    const base = `/spaces/${world.edition.id}/build/items`;
    const form = await browser.get(`${base}/new?section=${section.id}&kind=webinar`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Fuseau horaire de ces heures');
    const fields = {
      kind: 'webinar',
      sectionId: section.id,
      'title.fr': 'Séance de lancement',
      'settings.startsAt': '2026-12-03T15:00',
      'settings.endsAt': '2026-12-03T14:00',
      'settings.timeZone': 'Europe/Paris',
      'settings.provider': 'external',
      'settings.url': 'http://zoom.us/j/1',
      completionRule: 'attended',
      timeZone: 'Europe/Paris',
    };
    const refused = await browser.send(base, fields);
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'settings.endsAt')).toBe('La fin doit venir après le début.');
    expect(fieldError(refused.body, 'settings.url')).toBe('Saisissez un lien commençant par https://.');
    expect(
      await deps.db.selectFrom('space_items').selectAll().where('kind', '=', 'webinar').execute(),
    ).toEqual([]);
    const saved = await browser.send(base, {
      ...fields,
      'settings.endsAt': '2026-12-03T16:30',
      'settings.url': 'https://zoom.us/j/1',
    });
    expect(saved.statusCode).toBe(303);
    const item = await deps.db
      .selectFrom('space_items')
      .selectAll()
      .where('kind', '=', 'webinar')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(item.settings_json)).toEqual({
      startsAt: '2026-12-03T14:00:00.000Z',
      endsAt: '2026-12-03T15:30:00.000Z',
      timeZone: 'Europe/Paris',
      provider: 'external',
      url: 'https://zoom.us/j/1',
    });
    // The edit form shows the times back in the zone they were typed in.
    const edit = await browser.get(`${base}/${item.id}`);
    expect(edit.body).toContain('value="2026-12-03T15:00"');
  });

  it('shows the session in the viewer’s zone, says when joining opens, and joins in the window', async () => {
    const webinar = await buildWebinar(deps, world, {
      startsAt: '2026-11-28T14:00:00.000Z',
      endsAt: '2026-11-28T15:00:00.000Z',
    });
    await setTimeZone(deps.db, deps, actorOf(world.participant), 'Asia/Tokyo');
    const page = await participant.get(`/spaces/${world.edition.id}/items/${webinar.id}`);
    expect(page.statusCode).toBe(200);
    // 13:45 UTC is 22:45 in Tokyo.
    expect(page.body).toContain(
      'The link to join opens on <time datetime="2026-11-28T13:45:00.000Z">28 Nov 2026, 22:45</time>',
    );
    expect(page.body).not.toContain(`/webinars/${webinar.id}/join`);
    const early = await participant.get(`/webinars/${webinar.id}/join`);
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe(`/spaces/${world.edition.id}/items/${webinar.id}`);
    deps.clock.set('2026-11-28T13:50:00.000Z');
    const open = await participant.get(`/spaces/${world.edition.id}/items/${webinar.id}`);
    expect(open.body).toContain(`href="/webinars/${webinar.id}/join"`);
    const join = await participant.get(`/webinars/${webinar.id}/join`);
    expect(join.headers.location).toBe('https://zoom.us/j/123456');
    deps.clock.set('2026-11-28T10:00:00.000Z');
  });

  it('gives an .ics file for one session and the edition’s public calendar', async () => {
    const webinar = await buildWebinar(deps, world, {
      startsAt: '2026-12-05T09:00:00Z',
      endsAt: '2026-12-05T10:00:00Z',
    });
    const file = await participant.get(`/webinars/${webinar.id}/calendar.ics`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="webinar.ics"');
    expect(file.body).toContain('DTSTART:20261205T090000Z');
    const anonymous = new Client(app);
    const calendar = await anonymous.get(`/editions/${world.edition.id}/calendar.ics`);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain('BEGIN:VCALENDAR');
    expect(calendar.body).not.toContain('zoom.us');
    // A calendar polling the feed gets 304 while nothing changed, the feed again once a webinar is added.
    const etag = String(calendar.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const unchanged = await app.inject({
      method: 'GET',
      url: `/editions/${world.edition.id}/calendar.ics`,
      headers: { 'if-none-match': etag },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    await buildWebinar(deps, world, { startsAt: '2026-12-12T09:00:00Z', endsAt: '2026-12-12T10:00:00Z' });
    const changed = await app.inject({
      method: 'GET',
      url: `/editions/${world.edition.id}/calendar.ics`,
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('DTSTART:20261212T090000Z');
    expect(changed.headers.etag).not.toBe(etag);
    expect(
      (await anonymous.get('/editions/0190f5d2-7d2c-7000-8000-000000000001/calendar.ics')).statusCode,
    ).toBe(404);
    expect((await anonymous.get('/editions/nope/calendar.ics')).statusCode).toBe(404);
    expect((await anonymous.get('/calendars/not-a-token.ics')).statusCode).toBe(404);
    expect(
      (await participant.get('/webinars/0190f5d2-7d2c-7000-8000-000000000001/calendar.ics')).statusCode,
    ).toBe(404);
  });

  it('imports attendance through a preview: per-row errors, then all or nothing', async () => {
    const webinar = await buildWebinar(deps, world, {
      startsAt: '2026-11-27T09:00:00Z',
      endsAt: '2026-11-27T10:00:00Z',
    });
    const url = `/webinars/${webinar.id}/attendance/preview`;
    const noFile = await upload(facilitator, url, {}, null);
    expect(noFile.statusCode).toBe(400);
    const bad = await upload(
      facilitator,
      url,
      {},
      { name: 'a.csv', content: `email,attended\n${world.outsider.email},yes\nx,maybe\n` },
    );
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('No participant of this edition has this email.');
    expect(bad.body).toContain('Not an email address.');
    expect(bad.body).not.toContain('/attendance/import');
    const csv = `email,attended\n${world.participant.email},yes\n`;
    const good = await upload(facilitator, url, {}, { name: 'a.csv', content: csv });
    expect(good.body).toContain(`action="/webinars/${webinar.id}/attendance/import"`);
    // A tampered confirmation is checked again: refused, nothing written.
    const tampered = await facilitator.send(`/webinars/${webinar.id}/attendance/import`, {
      csv: 'email,attended\nnobody@x.org,yes\n',
    });
    expect(tampered.statusCode).toBe(400);
    expect(
      await deps.db.selectFrom('webinar_attendance').selectAll().where('item_id', '=', webinar.id).execute(),
    ).toEqual([]);
    const done = await facilitator.send(`/webinars/${webinar.id}/attendance/import`, { csv });
    expect(done.statusCode).toBe(303);
    const page = await participant.get(`/spaces/${world.edition.id}/items/${webinar.id}`);
    expect(page.body).toContain('Your attendance:</strong> present');
    expect((await upload(participant, url, {}, { name: 'a.csv', content: csv })).statusCode).toBe(403);
  });

  it('attaches slides and a recording link, shown on the item page; refuses a bad file clearly', async () => {
    const webinar = await buildWebinar(deps, world, {
      startsAt: '2026-11-26T09:00:00Z',
      endsAt: '2026-11-26T10:00:00Z',
    });
    const url = `/webinars/${webinar.id}/materials`;
    const bad = await upload(
      facilitator,
      url,
      { kind: 'slides', title: 'Slides' },
      { name: 'virus.exe', content: 'MZ' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('This type of file is not accepted.');
    const slides = await upload(
      facilitator,
      url,
      { kind: 'slides', title: 'Opening slides' },
      { name: 'slides.pdf', content: '%PDF-1.4' },
    );
    expect(slides.statusCode).toBe(303);
    expect(
      (
        await upload(
          facilitator,
          url,
          { kind: 'recording', title: 'Recording', url: 'https://video.example.org/1' },
          null,
        )
      ).statusCode,
    ).toBe(303);
    const page = await participant.get(`/spaces/${world.edition.id}/items/${webinar.id}`);
    expect(page.body).toContain('Opening slides');
    expect(page.body).toContain('href="https://video.example.org/1"');
    const fileHref = page.body.match(/href="(\/webinars\/[^"]+\/materials\/[^"]+)"/)?.[1] ?? '';
    const download = await participant.get(fileHref);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body).toBe('%PDF-1.4');
  });

  it('shows, renews and revokes the private calendar feed on the account page', async () => {
    const page = await participant.get('/account/calendar');
    expect(page.body).toContain('You have no calendar feed.');
    await participant.send('/account/calendar/renew');
    const url =
      (await participant.get('/account/calendar')).body.match(/value="(http[^"]+\.ics)"/)?.[1] ?? '';
    const path = new URL(url).pathname;
    const feed = await new Client(app).get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('BEGIN:VEVENT');
    await participant.send('/account/calendar/renew');
    expect((await new Client(app).get(path)).statusCode).toBe(404);
    await participant.send('/account/calendar/revoke');
    expect((await participant.get('/account/calendar')).body).toContain('You have no calendar feed.');
  });

  it('lists the next webinars on the space home', async () => {
    const home = await participant.get(`/spaces/${world.edition.id}`);
    expect(home.body).toContain('Next webinars');
  });
});
