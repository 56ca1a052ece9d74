import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  LEARNER_GET,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { createForum } from './create-forum.js';
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
}
type Case = MatrixCase<EditionRole, 'forum', Target>;

const e = expectFor;
const learnerPost = (ok: number) =>
  e(404, { anonymous: 401, owner: ok, editionFacilitator: ok, manager: ok });
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
  { route: 'POST /posts/:postId/edit', kind: 'forum', path: (t) => `/posts/${t.postId}/edit`, body: () => ({ body: 'Edited text' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /posts/:postId/report', kind: 'forum', path: (t) => `/posts/${t.postId}/report`, body: () => ({ reason: 'Off topic' }), mutates: true, expect: learnerPost(303) },
  { route: 'POST /posts/:postId/hide', kind: 'forum', path: (t) => `/posts/${t.postId}/hide`, body: () => ({ note: 'Personal data' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /posts/:postId/restore', kind: 'forum', path: (t) => `/posts/${t.postId}/restore`, mutates: true, expect: staffPost(303) },
  { route: 'GET /editions/:id/forums/search', kind: 'forum', path: (t) => `/editions/${t.editionId}/forums/search?q=migration`, expect: LEARNER_GET },
  { route: 'GET /editions/:id/participation.csv', kind: 'forum', path: (t) => `/editions/${t.editionId}/participation.csv`, expect: STAFF_GET },
  { route: 'GET /api/v1/editions/:id/forums', kind: 'forum', path: (t) => `/api/v1/editions/${t.editionId}/forums`, expect: apiGet },
  { route: 'GET /api/v1/forums/:id/threads', kind: 'forum', path: (t) => `/api/v1/forums/${t.forumId}/threads`, expect: apiGet },
  { route: 'GET /api/v1/threads/:id', kind: 'forum', path: (t) => `/api/v1/threads/${t.threadId}`, expect: apiGet },
  { route: 'POST /api/v1/forums/:id/threads', kind: 'forum', path: (t) => `/api/v1/forums/${t.forumId}/threads`, body: () => ({ subject: 'Skills', body: 'Recognition of skills' }), mutates: true, expect: learnerPost(201) },
  { route: 'POST /api/v1/threads/:id/posts', kind: 'forum', path: (t) => `/api/v1/threads/${t.threadId}/posts`, body: () => ({ body: 'Indeed.' }), mutates: true, expect: learnerPost(201) },
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
    'audit_events',
  ],
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
    return { editionId: edition.id, forumId: forum.id, threadId, postId };
  },
  shownBy: (target) => target.threadId,
});
