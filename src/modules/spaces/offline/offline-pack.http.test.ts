import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import {
  buildSpaceContent,
  buildSpaceWorld,
  type SpaceWorld,
} from '../../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { readZip } from '../../../integrations/zip/safe-zip.js';
import { systemActor } from '../../../kernel/actor.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { saveFileItem } from '../save-file-item.js';
import { saveItem } from '../save-item.js';
import { getOfflinePack, safeFileName } from './get-offline-pack.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

const PDF = Buffer.from('%PDF-1.4\n% a small test file\n');

describe('offline pack of a course space', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let content: Awaited<ReturnType<typeof buildSpaceContent>>;
  let lockedId: string;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    content = await buildSpaceContent(deps, world);
    const staff = actorOf(world.facilitator);
    await saveFileItem(
      deps.db,
      deps,
      staff,
      world.edition.id,
      null,
      { sectionId: content.sectionId, title: { en: 'Slides', fr: 'Diapositives' } },
      { fileName: 'week 1 slides.pdf', bytes: PDF },
    );
    lockedId = (
      await saveItem(deps.db, deps, staff, world.edition.id, null, {
        sectionId: content.sectionId,
        kind: 'page',
        title: { en: 'Answers', fr: 'Corrigé' },
        settings: { body: { en: 'The secret answers.' } },
        availableFrom: '2999-01-01T00:00:00Z',
      })
    ).id;
  }, 60_000);
  afterAll(() => close());

  it('gives a participant a zip whose index, in their language, leads to the pages and files', async () => {
    const french = await buildPerson(deps, { locale: 'fr' });
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: french.email,
      fundingKind: 'self',
    });
    const browser = await browserOf(app, french);
    const home = await browser.get(`/spaces/${world.edition.id}`);
    expect(home.body).toContain(`/spaces/${world.edition.id}/offline.zip`);
    expect(home.body).toContain('Télécharger pour lire hors connexion');
    const response = await browser.get(`/spaces/${world.edition.id}/offline.zip`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+-fr\.zip"$/);
    const files = await readZip(response.rawPayload);
    const names = [...files.keys()];
    expect(names[0]).toBe('index.html');
    const index = files.get('index.html')!.toString('utf8');
    expect(index).toMatch(/^<!doctype html><html lang="fr">/);
    expect(index).toContain('copie hors connexion');
    expect(index).toContain('Pour commencer');
    // The page, in French, as a standalone document linked from the index.
    const pageName = names.find((n) => n.endsWith('Bienvenue.html'));
    expect(pageName).toBeDefined();
    expect(index).toContain(`href="${pageName}"`);
    const page = files.get(pageName!)!.toString('utf8');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<h2>Bienvenue</h2>');
    expect(page).toContain('<em>ceci</em>');
    expect(page).toContain('href="index.html"');
    expect(page).not.toMatch(/<script/i);
    // The file, byte for byte.
    const fileName = names.find((n) => n.endsWith('week_1_slides.pdf'));
    expect(fileName).toBeDefined();
    expect(files.get(fileName!)!.equals(PDF)).toBe(true);
    expect(index).toContain(`href="${fileName}"`);
    // The link (waiting for the page) and the page not open until 2999 are listed with their address
    // online; the locked page does not travel at all.
    expect(index).toContain(`/spaces/${world.edition.id}/items/${content.linkId}`);
    expect(index).toContain('Corrigé');
    expect(index).toContain('Pas encore ouvert');
    expect(index).toContain(`/spaces/${world.edition.id}/items/${lockedId}`);
    expect(names.some((n) => n.includes('Corrig'))).toBe(false);
    expect([...files.values()].some((b) => b.toString('utf8').includes('secret answers'))).toBe(false);
    expect(names).toHaveLength(3);
  });

  it('records no progress when downloaded', async () => {
    const other = await buildSpaceWorld(deps);
    const more = await buildSpaceContent(deps, other);
    const browser = await browserOf(app, other.participant);
    expect((await browser.get(`/spaces/${other.edition.id}/offline.zip`)).statusCode).toBe(200);
    const rows = await deps.db
      .selectFrom('space_item_progress')
      .select('item_id')
      .where('item_id', '=', more.pageId)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('gives the staff every item, locked ones included, in English by default', async () => {
    const browser = await browserOf(app, world.facilitator);
    const response = await browser.get(`/spaces/${world.edition.id}/offline.zip`);
    expect(response.statusCode).toBe(200);
    const files = await readZip(response.rawPayload);
    const index = files.get('index.html')!.toString('utf8');
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('offline copy');
    expect(index).toMatch(new RegExp(`Online only: <a href="[^"]+/items/${content.linkId}"`));
    expect([...files.keys()].some((n) => n.endsWith('Answers.html'))).toBe(true);
    expect(files.has(`${[...files.keys()].find((n) => n.endsWith('slides.pdf'))}`)).toBe(true);
  });

  it('is not found for anyone who may not see the space, and asks the signed-out to sign in', async () => {
    const path = `/spaces/${world.edition.id}/offline.zip`;
    expect((await (await browserOf(app, world.outsider)).get(path)).statusCode).toBe(404);
    const otherFacilitator = await browserOf(app, (await buildSpaceWorld(deps)).facilitator);
    expect((await otherFacilitator.get(path)).statusCode).toBe(404);
    expect((await (await browserOf(app, world.manager)).get(path)).statusCode).toBe(200);
    expect((await new Client(app).get(path)).statusCode).toBe(303);
    expect(
      (await (await browserOf(app, world.participant)).get('/spaces/not-an-id/offline.zip')).statusCode,
    ).toBe(404);
  });

  it('lists what passes its size limit with the address online instead of packing it', async () => {
    const small = await getOfflinePack(deps.db, deps, actorOf(world.facilitator), world.edition.id, 'en', 1);
    expect(small.entries.map((e) => e.name)).toEqual(['index.html']);
    const index = new TextDecoder().decode(small.entries[0]!.bytes);
    expect(index.match(/Left out: this copy reached its size limit/g)).toHaveLength(3); // 2 pages, 1 file
    const all = await getOfflinePack(deps.db, deps, actorOf(world.facilitator), world.edition.id, 'en');
    expect(all.entries).toHaveLength(4);
  });

  it('makes file names every file system accepts', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('Migración laboral: guía.pdf')).toBe('Migración_laboral_guía.pdf');
    expect(safeFileName('///')).toBe('file');
  });
});
