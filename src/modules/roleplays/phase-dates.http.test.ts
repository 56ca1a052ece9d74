import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, errorCode, tokenOf } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildRoleplayWithPhase } from '../../../test/helpers/roleplay-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { postInCharacter } from './post-in-character.js';

/**
 * A phase's in-character discussion takes posts only during the phase, whatever the route: the role-play's
 * phase page, the forum's own thread page and the JSON API (translated errors, nothing stored).
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the dates of a role-play phase, on every route`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let world: SpaceWorld;
    beforeEach(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      world = await buildSpaceWorld(deps);
    }, 60_000);
    afterEach(() => close());

    it('refuses a holder’s post outside the phase on the phase page, the thread page and the API', async () => {
      const staff = actorOf(world.facilitator);
      const { itemId, phaseId } = await buildRoleplayWithPhase(
        deps,
        staff,
        world.edition.id,
        world.participant.id,
      );
      const opened = await postInCharacter(deps.db, deps, actorOf(world.participant), itemId, phaseId, {
        subject: 'Opening',
        body: 'Our first offer.',
      });
      const forumId = (
        await deps.db
          .selectFrom('roleplay_phases')
          .select('forum_id')
          .where('id', '=', phaseId)
          .executeTakeFirstOrThrow()
      ).forum_id as string;
      const browser = new Client(app);
      await browser.signIn(world.participant.email, world.participant.password);
      const token = await tokenOf(deps, world.participant);
      const api = (url: string, payload: object) =>
        app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
      // During the phase the thread page takes the holder's reply.
      expect((await browser.send(`/threads/${opened.threadId}/posts`, { body: 'In time.' })).statusCode).toBe(
        303,
      );

      for (const moment of ['2026-11-28T18:00:00.000Z', '2026-11-28T08:00:00.000Z']) {
        deps.clock.set(moment);
        const before = await countRows(deps, 'forum_posts');
        const phasePage = await browser.send(`/roleplays/${itemId}/phases/${phaseId}/posts`, {
          threadId: opened.threadId,
          [`reply-${opened.threadId}`]: 'Too late.',
        });
        expect(phasePage.statusCode).toBe(409);
        expect(phasePage.body).toContain(translator('en').t('roleplays.error.phaseClosed'));
        const threadPage = await browser.send(`/threads/${opened.threadId}/posts`, { body: 'Too late.' });
        expect(threadPage.statusCode).toBe(409);
        expect(threadPage.body).toContain(translator('en').t('forums.error.postingClosed'));
        expect(threadPage.body).not.toContain('id="reply"');
        const newThread = await browser.send(`/forums/${forumId}/threads`, { subject: 'Late', body: 'x' });
        expect(newThread.statusCode).toBe(409);
        const reply = await api(`/api/v1/threads/${opened.threadId}/posts`, { body: 'Too late.' });
        expect(reply.statusCode).toBe(409);
        expect(errorCode(reply)).toBe('invalid_state');
        expect(JSON.stringify(reply.json())).toContain(translator('en').t('forums.error.postingClosed'));
        const thread = await api(`/api/v1/forums/${forumId}/threads`, { subject: 'Late', body: 'x' });
        expect(thread.statusCode).toBe(409);
        expect(await countRows(deps, 'forum_posts')).toBe(before);
        // The holder still reads the discussion; the page says why there is no reply form.
        const page = await browser.get(`/threads/${opened.threadId}`);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Our first offer.');
        expect(page.body).toContain(translator('en').t('forums.thread.postingClosed'));
      }
      // The edition's staff may still write there.
      const facilitator = new Client(app);
      await facilitator.signIn(world.facilitator.email, world.facilitator.password);
      expect(
        (await facilitator.send(`/threads/${opened.threadId}/posts`, { body: 'Debrief notes.' })).statusCode,
      ).toBe(303);
    });
  });
}
