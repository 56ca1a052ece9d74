import { TINY_PDF } from '../../../test/helpers/application-factories.js';
import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  LEARNER_GET,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { multipartBody } from '../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { attachToPost } from './attachments/attach-files.js';
import { createForum } from './create-forum.js';
import { chooseTeam } from './debates/debate-teams.js';
import { postInForum } from './post-in-forum.js';

/**
 * Every forums route with every role: a discussion opens to the edition's confirmed participant (the
 * owner), its facilitator and managers; anyone else is told it does not exist (a facilitator of another
 * edition too); moderation needs a staff role and the edition; a refusal changes nothing.
 */

interface Target {
  editionId: string;
  forumId: string;
  threadId: string;
  postId: string;
  attachmentId: string;
  debateId: string;
}
type Case = MatrixCase<EditionRole, 'forum', Target>;

const e = expectFor;
const learnerPost = (ok: number) =>
  e(404, { anonymous: 401, owner: ok, editionFacilitator: ok, manager: ok });
const takerPost = (ok: number) =>
  e(404, { anonymous: 401, owner: ok, editionFacilitator: 403, manager: 403 });
const d = (t: Target) => `/debates/${t.debateId}`;
const apiGet = e(404, { anonymous: 401, owner: 200, editionFacilitator: 200, manager: 200 });

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /forums/:forumId', kind: 'forum', path: (t) => `/forums/${t.forumId}`, expect: LEARNER_GET },
  { route: 'POST /forums/:forumId/threads', kind: 'forum', path: (t) => `/forums/${t.forumId}/threads`, body: () => ({ subject: 'Remittances', body: 'What do you think?' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /forums/:forumId/subscription', kind: 'forum', path: (t) => `/forums/${t.forumId}/subscription`, body: () => ({ mode: 'digest' }), mutates: true, expect: learnerPost(303) },
  { route: 'GET /threads/:threadId', kind: 'forum', path: (t) => `/threads/${t.threadId}`, expect: LEARNER_GET },
  { route: 'POST /threads/:threadId/posts', kind: 'forum', path: (t) => `/threads/${t.threadId}/posts`, body: () => ({ body: 'I agree.' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /threads/:threadId/subscription', kind: 'forum', path: (t) => `/threads/${t.threadId}/subscription`, body: () => ({ mode: 'immediate' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /threads/:threadId/flags', kind: 'forum', path: (t) => `/threads/${t.threadId}/flags`, body: () => ({ pinned: '1' }), mutates: true, expect: staffPost(303) },
  { route: 'GET /posts/:postId', kind: 'forum', path: (t) => `/posts/${t.postId}`, expect: e(404, { anonymous: 303, owner: 303, editionFacilitator: 303, manager: 303 }) },
  { route: 'POST /posts/:postId/edit', kind: 'forum', path: (t) => `/posts/${t.postId}/edit`, body: () => ({ body: 'Edited text' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /posts/:postId/report', kind: 'forum', path: (t) => `/posts/${t.postId}/report`, body: () => ({ reason: 'Off topic' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /posts/:postId/hide', kind: 'forum', path: (t) => `/posts/${t.postId}/hide`, body: () => ({ note: 'Personal data' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /posts/:postId/restore', kind: 'forum', path: (t) => `/posts/${t.postId}/restore`, mutates: true, expect: staffPost(303) },
  // The owner's own post: its author and the staff attach; others are told it does not exist.
  { route: 'POST /posts/:postId/attachments', kind: 'forum', path: (t) => `/posts/${t.postId}/attachments`, special: 'upload', mutates: true, expect: learnerPost(303) },
  { route: 'GET /forum-files/:attachmentId', kind: 'forum', path: (t) => `/forum-files/${t.attachmentId}`, expect: LEARNER_GET },
  { route: 'GET /editions/:id/forums/search', kind: 'forum', path: (t) => `/editions/${t.editionId}/forums/search?q=migration`, expect: LEARNER_GET },
  { route: 'GET /editions/:id/participation.csv', kind: 'forum', path: (t) => `/editions/${t.editionId}/participation.csv`, expect: STAFF_GET },
  { route: 'GET /debates/:itemId', kind: 'forum', path: d, expect: LEARNER_GET },
  { route: 'POST /debates/:itemId/team', kind: 'forum', path: (t) => `${d(t)}/team`, body: () => ({ positionId: 'p2' }), mutates: true, expect: takerPost(303) },
  { route: 'POST /debates/:itemId/teams', kind: 'forum', path: (t) => `${d(t)}/teams`, body: () => ({}), mutates: true, expect: staffPost(303) },
  { route: 'POST /debates/:itemId/vote', kind: 'forum', path: (t) => `${d(t)}/vote`, body: () => ({ phase: 'before', positionId: 'p1' }), mutates: true, expect: takerPost(303) },
  { route: 'POST /debates/:itemId/rounds/:roundId', kind: 'forum', path: (t) => `${d(t)}/rounds/opening`, body: () => ({ body: 'We propose…' }), mutates: true, expect: takerPost(303) },
  // The debate is not finished: a clear refusal (409) for staff; the summary itself: the integration tests.
  { route: 'POST /debates/:itemId/summary', kind: 'forum', path: (t) => `${d(t)}/summary`, body: () => ({ summary: 'Well argued.' }), expect: staffPost(409) },
  { route: 'GET /api/v1/editions/:id/forums', kind: 'forum', path: (t) => `/api/v1/editions/${t.editionId}/forums`, expect: apiGet },
  { route: 'GET /api/v1/forums/:id/threads', kind: 'forum', path: (t) => `/api/v1/forums/${t.forumId}/threads`, expect: apiGet },
  { route: 'GET /api/v1/threads/:id', kind: 'forum', path: (t) => `/api/v1/threads/${t.threadId}`, expect: apiGet },
  { route: 'POST /api/v1/forums/:id/threads', kind: 'forum', path: (t) => `/api/v1/forums/${t.forumId}/threads`, body: () => ({ subject: 'Skills', body: 'Recognition of skills' }), mutates: true, expect: learnerPost(201) },
  { route: 'POST /api/v1/threads/:id/posts', kind: 'forum', path: (t) => `/api/v1/threads/${t.threadId}/posts`, body: () => ({ body: 'Indeed.' }), mutates: true, expect: learnerPost(201) },
  { route: 'POST /api/v1/posts/:id/attachments', kind: 'forum', path: (t) => `/api/v1/posts/${t.postId}/attachments`, special: 'upload', mutates: true, expect: learnerPost(201) },
  { route: 'GET /api/v1/forum-files/:id', kind: 'forum', path: (t) => `/api/v1/forum-files/${t.attachmentId}`, expect: apiGet },
];

runRouteMatrix<Exclude<EditionRole, 'anonymous'>, 'forum', Target>({
  module: 'forums',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['forum'],
  cases: CASES,
  watched: [
    'forums',
    'forum_threads',
    'forum_posts',
    'forum_post_edits',
    'forum_reports',
    'forum_subscriptions',
    'forum_debate_teams',
    'forum_debate_votes',
    'forum_debate_contributions',
    'forum_debate_summaries',
    'forum_attachments',
    'audit_events',
  ],
  /** Uploads: a small PDF through the web form (with the browser's CSRF token) or the API. */
  async call({ app }, c, target, client, token) {
    const url = c.path(target);
    const file = { name: 'brief.pdf', content: TINY_PDF, type: 'application/pdf' };
    if (url.startsWith('/api/')) {
      const form = multipartBody({}, file);
      const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return app.inject({
        method: 'POST',
        url,
        headers: { ...auth, ...form.headers },
        payload: form.payload,
      });
    }
    const form = multipartBody({ _csrf: await client.csrf() }, file);
    return app.inject({
      method: 'POST',
      url,
      remoteAddress: client.address,
      headers: { ...form.headers, cookie: client.jar.header() },
      payload: form.payload,
    });
  },
  /** A new edition (its facilitator set) where `owner` has a confirmed place, with a discussion and a thread. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const section = await saveSection(deps.db, deps, staff, edition.id, null, { title: { en: 'Talk' } });
    const item = await saveItem(deps.db, deps, staff, edition.id, null, {
      sectionId: section.id,
      kind: 'discussion',
      title: { en: 'Migration and development' },
      settings: {},
      completionRule: 'viewed',
    });
    const forum = await createForum(deps.db, deps, {
      editionId: edition.id,
      scope: { kind: 'space', id: item.id },
      title: 'Migration and development',
    });
    const { threadId } = await postInForum(deps.db, deps, staff, {
      forumId: forum.id,
      subject: 'Welcome',
      body: 'Introduce yourselves: migration in your country.',
    });
    const { postId } = await postInForum(deps.db, deps, actorOf(owner), {
      threadId,
      body: 'Hello from Lima.',
    });
    const attached = await attachToPost(deps.db, deps, actorOf(owner), postId, {
      fileName: 'notes.pdf',
      bytes: TINY_PDF,
    });
    const day = 86_400_000;
    const at = (days: number) => new Date(deps.clock.now().getTime() + days * day).toISOString();
    const debate = await saveItem(deps.db, deps, staff, edition.id, null, {
      sectionId: section.id,
      kind: 'debate',
      title: { en: 'Debate' },
      settings: {
        motion: 'Temporary labour migration benefits origin countries',
        positions: 'For\nAgainst',
        opening: at(1),
        rebuttal: at(2),
        closing: at(3),
        teamMode: 'chosen',
      },
      completionRule: 'viewed',
    });
    await chooseTeam(deps.db, deps, actorOf(owner), debate.id, 'p1');
    return {
      editionId: edition.id,
      forumId: forum.id,
      threadId,
      postId,
      attachmentId: attached.id,
      debateId: debate.id,
    };
  },
  shownBy: (target) => target.threadId,
});
