import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PDF } from '../../../test/helpers/application-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, fieldError } from '../../../test/helpers/http-extra.js';
import { sendMultipart } from '../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildRoleplayWithPhase } from '../../../test/helpers/roleplay-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';

const fr = translator('fr');

/**
 * The phase page's forms take a file as the forum's own forms do: a new topic and a reply written in
 * character carry a document (shown with the role's name, downloadable by the forum's readers); a refused
 * file refuses the post with a translated message and stores nothing.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: files in a role-play phase's discussion`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let world: SpaceWorld;
    let phasePath: string;
    let holder: Client;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      world = await buildSpaceWorld(deps);
      const staff = actorOf(world.facilitator);
      const { itemId, phaseId } = await buildRoleplayWithPhase(
        deps,
        staff,
        world.edition.id,
        world.participant.id,
      );
      phasePath = `/roleplays/${itemId}/phases/${phaseId}`;
      holder = new Client(app);
      await holder.signIn(world.participant.email, world.participant.password);
    }, 60_000);
    afterAll(() => close());

    it('shows a file field with the limits on each form, and attaches a file to a new topic and a reply', async () => {
      const page = await holder.get(phasePath);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('enctype="multipart/form-data"');
      expect(page.body).toContain('type="file"');
      const topic = await sendMultipart(
        holder,
        `${phasePath}/posts`,
        { subject: 'Our offer', body: 'The draft agreement is attached.' },
        { name: 'draft agreement.pdf', content: TINY_PDF, type: 'application/pdf' },
      );
      expect(topic.statusCode).toBe(303);
      const threadId = /\/threads\/([^?#]+)/.exec(topic.headers.location as string)?.[1] as string;
      const thread = await holder.get(topic.headers.location as string);
      expect(thread.body).toContain('draft agreement.pdf');
      expect(thread.body).toContain('Ministry of Labour, origin country');
      const href = /href="(\/forum-files\/[^"]+)"/.exec(thread.body)?.[1] as string;
      const download = await holder.get(href);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
      // The phase page now lists the topic with its own reply form, which takes a file too.
      expect((await holder.get(phasePath)).body).toContain('id="field-file-');
      const reply = await sendMultipart(
        holder,
        `${phasePath}/posts`,
        { threadId, [`reply-${threadId}`]: 'Our counter-proposal.' },
        { name: 'counter.pdf', content: TINY_PDF, type: 'application/pdf' },
      );
      expect(reply.statusCode).toBe(303);
      expect((await holder.get(reply.headers.location as string)).body).toContain('counter.pdf');
    });

    it('refuses a file that is not an accepted type in the reader’s language, storing nothing', async () => {
      const before = await Promise.all(
        (['forum_posts', 'forum_attachments'] as const).map((t) => countRows(deps, t)),
      );
      await holder.get('/lang/fr'); // The holder reads in French for this session.
      const refused = await sendMultipart(
        holder,
        `${phasePath}/posts`,
        { subject: 'Piège', body: 'Voir le fichier.' },
        { name: 'offer.pdf', content: '<script>alert(1)</script>', type: 'application/pdf' },
      );
      expect(refused.statusCode).toBe(400);
      expect(fieldError(refused.body, 'file')).toBe(fr.t('forums.error.fileType'));
      // The typed text comes back.
      expect(refused.body).toContain('Voir le fichier.');
      const after = await Promise.all(
        (['forum_posts', 'forum_attachments'] as const).map((t) => countRows(deps, t)),
      );
      expect(after).toEqual(before);
    });
  });
}
