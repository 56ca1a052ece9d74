/**
 * Discussions, forums and structured debates: the `discussion` and `debate` item kinds of course spaces,
 * forums owned by other modules (groups, role-plays) through forums.port.ts, threads and posts in
 * Markdown, moderation, read tracking, search, subscriptions and daily digests, participation figures.
 * docs/forums.md.
 */
import type { Module } from '../module.js';
import { debateKind } from './debates/debate-kind.js';
import { debatesWebRoutes } from './debates/debates.web.js';
import { seedDemoForums } from './demo/seed-forums.js';
import { forumDigestDaily, forumDigestJob } from './digests/send-digests.js';
import { discussionKind } from './discussion-kind.js';
import { FORUM_NOTIFICATION_KINDS } from './forum-notices.js';
import { forumsApiRoutes } from './forums.api.js';
import { forumsAuditEvents } from './forums.audit.js';
import { FORUM_TABLES } from './forums.tables.js';
import { forumsWebRoutes } from './forums.web.js';
import * as forums from './migrations/2026-12-07T0100-forums.js';
import * as memberPersonas from './migrations/2026-12-07T0700-forum-member-personas.js';
import * as threadAuthorIndex from './migrations/2026-12-07T0701-forum-posts-thread-author.js';
import * as searchPrefixes from './migrations/2026-12-07T1300-forum-search-prefixes.js';
import * as memberGroups from './migrations/2026-12-08T0100-forum-member-groups.js';
import * as postingWindows from './migrations/2026-12-08T0120-forum-posting-windows.js';

const STAFF = ['facilitator', 'manager'] as const;

export const forumsModule: Module = {
  name: 'forums',
  migrations: {
    '2026-12-07T0100-forums': forums,
    '2026-12-07T0700-forum-member-personas': memberPersonas,
    '2026-12-07T0701-forum-posts-thread-author': threadAuthorIndex,
    '2026-12-07T1300-forum-search-prefixes': searchPrefixes,
    '2026-12-08T0100-forum-member-groups': memberGroups,
    '2026-12-08T0120-forum-posting-windows': postingWindows,
  },
  tables: FORUM_TABLES,
  auditEvents: forumsAuditEvents,
  spaceItemKinds: [discussionKind, debateKind],
  notificationKinds: FORUM_NOTIFICATION_KINDS,
  jobs: [forumDigestJob],
  dailyJobs: [forumDigestDaily],
  webRoutes: (app, deps) => {
    forumsWebRoutes(app, deps);
    debatesWebRoutes(app, deps);
  },
  apiRoutes: forumsApiRoutes,
  seed: async (deps) => {
    await seedDemoForums(deps);
    return undefined;
  },
  // Reading and posting are for anyone signed in: the use cases answer "not found" to whoever is not in
  // the edition (or not a member of a members-only forum), 403 to who may read but not moderate.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /forums/:forumId': 'signed-in',
    'POST /forums/:forumId/threads': 'signed-in',
    'POST /forums/:forumId/subscription': 'signed-in',
    'GET /threads/:threadId': 'signed-in',
    'POST /threads/:threadId/posts': 'signed-in',
    'POST /threads/:threadId/subscription': 'signed-in',
    'POST /threads/:threadId/flags': STAFF,
    'GET /posts/:postId': 'signed-in',
    'POST /posts/:postId/edit': 'signed-in',
    'POST /posts/:postId/report': 'signed-in',
    'POST /posts/:postId/hide': STAFF,
    'POST /posts/:postId/restore': STAFF,
    'POST /posts/:postId/attachments': 'signed-in',
    'GET /forum-files/:attachmentId': 'signed-in',
    'GET /editions/:id/forums/search': 'signed-in',
    'GET /editions/:id/participation.csv': STAFF,
    'GET /debates/:itemId': 'signed-in',
    'POST /debates/:itemId/team': 'signed-in',
    'POST /debates/:itemId/teams': STAFF,
    'POST /debates/:itemId/vote': 'signed-in',
    'POST /debates/:itemId/rounds/:roundId': 'signed-in',
    'POST /debates/:itemId/summary': STAFF,
    'GET /api/v1/editions/:id/forums': 'signed-in',
    'GET /api/v1/forums/:id/threads': 'signed-in',
    'GET /api/v1/threads/:id': 'signed-in',
    'POST /api/v1/forums/:id/threads': 'signed-in',
    'POST /api/v1/threads/:id/posts': 'signed-in',
    'POST /api/v1/posts/:id/attachments': 'signed-in',
    'GET /api/v1/forum-files/:id': 'signed-in',
  },
};
