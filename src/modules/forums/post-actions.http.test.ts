import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildDiscussion } from '../../../test/helpers/forum-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { browserFor, type Client, fieldError } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { postInForum } from './post-in-forum.js';

/** The forms of the page's main part (the layout's sign-out form left out). */
const formsIn = (html: string) => (html.split('<main')[1]?.match(/<form /g) ?? []).length;
const formTo = (html: string, action: string) => html.includes(`action="${action.replaceAll('&', '&amp;')}"`);

/**
 * A thread page renders no form per post: each post links to its actions (quote, edit, report, attach,
 * hide, restore, as the reader may), and the page opens the one chosen as a single form under its post.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: a thread's post actions`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let world: SpaceWorld;
    let participant: Client;
    let staff: Client;
    let threadId: string;
    let staffPost: string;
    let ownPost: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      world = await buildSpaceWorld(deps);
      const forum = await buildDiscussion(deps, world);
      ({ threadId, postId: staffPost } = await postInForum(deps.db, deps, actorOf(world.facilitator), {
        forumId: forum.id,
        subject: 'Quotas',
        body: 'Opening',
      }));
      ({ postId: ownPost } = await postInForum(deps.db, deps, actorOf(world.participant), {
        threadId,
        body: 'My first answer',
      }));
      participant = await browserFor(app, world.participant);
      staff = await browserFor(app, world.facilitator);
    }, 60_000);
    afterAll(() => close());

    const thread = (query = '') => `/threads/${threadId}${query}`;

    it('links each post to the reader’s actions and renders only the subscription and reply forms', async () => {
      const page = await participant.get(thread());
      expect(page.statusCode).toBe(200);
      expect(formsIn(page.body)).toBe(2);
      // At the thread's own address the links are relative to it.
      expect(page.body).toContain(`href="?page=1&amp;action=edit&amp;post=${ownPost}#post-action"`);
      expect(page.body).toContain(`href="?page=1&amp;quote=${staffPost}#reply"`);
      expect(page.body).toContain(`action=report&amp;post=${staffPost}`);
      expect(page.body).not.toContain(`action=edit&amp;post=${staffPost}`);
      expect(page.body).not.toContain('action=hide');
      const staffPage = await staff.get(thread());
      // Subscription, pin and lock, reply.
      expect(formsIn(staffPage.body)).toBe(3);
      expect(staffPage.body).toContain(`action=hide&amp;post=${ownPost}`);
      expect(staffPage.body).not.toContain('action=report');
    });

    it('opens the chosen action as one form under its post, only where the reader may use it', async () => {
      const edit = await participant.get(thread(`?page=1&action=edit&post=${ownPost}`));
      // The subscription and the action (the reply form comes back with Cancel: their fields would repeat).
      expect(formsIn(edit.body)).toBe(2);
      expect(edit.body).not.toContain('id="reply"');
      expect(formTo(edit.body, `/posts/${ownPost}/edit?page=1`)).toBe(true);
      expect(edit.body.indexOf('id="post-action"')).toBeGreaterThan(
        edit.body.indexOf(`id="post-${ownPost}"`),
      );
      expect(edit.body).toContain('>My first answer</textarea>');
      for (const refused of [
        `action=edit&post=${staffPost}`,
        `action=hide&post=${staffPost}`,
        'action=edit&post=x',
      ]) {
        const page = await participant.get(thread(`?${refused}`));
        expect(page.body).not.toContain('id="post-action"');
        expect(page.body).toContain('id="reply"');
      }
      const hide = await staff.get(thread(`?action=hide&post=${ownPost}`));
      expect(formTo(hide.body, `/posts/${ownPost}/hide?page=1`)).toBe(true);
      expect(hide.body).toContain('name="note"');
    });

    it('re-shows a refused action with its form open and the reason next to the field; success goes back', async () => {
      const refused = await participant.send(`/posts/${staffPost}/report?page=1`, { reason: ' ' });
      expect(refused.statusCode).toBe(400);
      expect(formTo(refused.body, `/posts/${staffPost}/report?page=1`)).toBe(true);
      expect(fieldError(refused.body, 'reason')).toBe(translator('en').t('forums.error.required'));
      expect(fieldError(refused.body, 'body')).toBeNull();
      // Shown at the form's address, the page's links name the thread's.
      expect(refused.body).toContain(`href="/threads/${threadId}?page=1&amp;quote=${staffPost}#reply"`);
      expect(refused.body).not.toContain('href="?page=');
      const reported = await participant.send(`/posts/${staffPost}/report?page=1`, { reason: 'Off topic' });
      expect(reported.statusCode).toBe(303);
      expect(reported.headers.location).toBe(`/threads/${threadId}#post-${staffPost}`);
      const edited = await participant.send(`/posts/${ownPost}/edit?page=1`, { body: 'My better answer' });
      expect(edited.statusCode).toBe(303);
      expect((await participant.get(thread())).body).toContain('My better answer');
    });

    it('puts each request’s own CSRF token in the forms rendered once, and shows a new subscription or lock at once', async () => {
      const tokensIn = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
      for (const client of [participant, staff, participant]) {
        const tokens = tokensIn((await client.get(thread())).body);
        // The sign-out form's token (the layout's, per request) is the one every form of the page carries.
        expect(tokens.length).toBeGreaterThanOrEqual(3);
        expect(new Set(tokens).size).toBe(1);
      }
      const mine = tokensIn((await participant.get(thread())).body)[0];
      expect(tokensIn((await staff.get(thread())).body)[0]).not.toBe(mine);

      const selected = (html: string) => /<option value="(\w+)" selected>/.exec(html)?.[1];
      expect(selected((await participant.get(thread())).body)).toBe('none');
      expect((await participant.send(`${thread()}/subscription`, { mode: 'digest' })).statusCode).toBe(303);
      expect(selected((await participant.get(thread())).body)).toBe('digest');
      expect(selected((await staff.get(thread())).body)).toBe('none');

      expect((await staff.send(`${thread()}/flags`, { locked: '1' })).statusCode).toBe(303);
      const locked = (await staff.get(thread())).body;
      expect(locked).toContain('name="locked" value="0"');
      // A locked thread: no reply form nor quote links for participants, the notice instead.
      const lockedForReader = (await participant.get(thread())).body;
      expect(lockedForReader).not.toContain('id="reply"');
      expect(lockedForReader).not.toContain('quote=');
      expect(lockedForReader).toContain(translator('en').t('forums.thread.lockedNotice'));
      expect((await staff.send(`${thread()}/flags`, { locked: '0' })).statusCode).toBe(303);
      expect((await staff.get(thread())).body).toContain('name="locked" value="1"');
      expect((await participant.get(thread())).body).toContain('id="reply"');
    });
  });
}
