import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import { attachToPost } from './attachments/attach-files.js';
import {
  ATTACHMENT_MAX_MEGABYTES,
  ATTACHMENT_TYPES,
  ATTACHMENTS_PER_POST,
} from './attachments/forum-attachment.js';
import { forumUpload, sendAttachment } from './attachments/forum-upload-http.js';
import { POSTING_RULES } from './forum.js';
import { postInForum } from './post-in-forum.js';
import { getForum, getThread, listEditionForums } from './read-forums.js';

const idParams = z.object({ id: z.string().max(64) });
const security = [{ bearerAuth: [] }];
const tags = ['forums'];
// Lengths are checked by the use case (a translated field error), not here.
const text = z.string().max(2_000_000);

const forumJson = z.object({
  id: z.string(),
  editionId: z.string(),
  scope: z.object({ kind: z.string(), id: z.string() }),
  title: z.string(),
  postingRule: z.enum(POSTING_RULES),
});
const threadJson = z.object({
  id: z.string(),
  subject: z.string(),
  author: z.string(),
  pinned: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  lastPostAt: z.string(),
  posts: z.number(),
  unread: z.number(),
});
const postJson = z.object({
  id: z.string(),
  author: z.string(),
  authorId: z.string().nullable(),
  realName: z.string().nullable(),
  body: z.string(),
  replyTo: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  hidden: z.boolean(),
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      url: z.string().describe('GET /api/v1/forum-files/{id} (or this page path with a session)'),
    }),
  ),
});
const createdJson = z.object({ threadId: z.string(), postId: z.string() });

/**
 * /api/v1 forums: an edition's forums, a forum's threads, a thread's posts (as the reader may see them:
 * hidden posts for staff only, personas for participants), starting threads and replying. Same rules as
 * the pages.
 */
export function forumsApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/editions/:id/forums',
    {
      schema: {
        tags,
        summary: "An edition's forums the caller may read",
        security,
        params: idParams,
        response: { 200: z.object({ items: z.array(forumJson) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({
      items: await listEditionForums(
        deps.db,
        request.actor,
        request.params.id,
        deps.clock.now().toISOString(),
      ),
    }),
  );

  app.get(
    '/forums/:id/threads',
    {
      schema: {
        tags,
        summary: "A forum's threads (pinned first, then by last post), with the caller's unread counts",
        security,
        params: idParams,
        response: { 200: z.object({ items: z.array(threadJson) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ items: (await getForum(deps.db, deps, request.actor, request.params.id)).threads }),
  );

  app.get(
    '/threads/:id',
    {
      schema: {
        tags,
        summary: 'A thread and its posts (the first 100) as the caller may see them; marks it read',
        security,
        params: idParams,
        response: {
          200: z.object({
            id: z.string(),
            forumId: z.string(),
            subject: z.string(),
            pinned: z.boolean(),
            locked: z.boolean(),
            items: z.array(postJson),
          }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => {
      const page = await getThread(deps.db, deps, request.actor, request.params.id);
      return {
        ...page.thread,
        forumId: page.forum.id,
        items: page.posts.map((p) => ({
          id: p.id,
          author: p.author,
          authorId: p.authorId,
          realName: p.realName,
          body: p.body,
          replyTo: p.replyTo,
          createdAt: p.createdAt,
          editedAt: p.editedAt,
          hidden: p.hidden,
          attachments: p.attachments,
        })),
      };
    },
  );

  app.post(
    '/forums/:id/threads',
    {
      schema: {
        tags,
        summary: 'Start a thread (its subject and first post, in Markdown)',
        security,
        params: idParams,
        body: z.object({ subject: text, body: text }),
        response: { 201: createdJson, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const created = await postInForum(deps.db, deps, request.actor, {
        forumId: request.params.id,
        subject: request.body.subject,
        body: request.body.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/threads/:id/posts',
    {
      schema: {
        tags,
        summary: 'Reply in a thread (Markdown; `replyTo` quotes a post of the thread)',
        security,
        params: idParams,
        body: z.object({ body: text, replyTo: z.string().max(64).nullable().optional() }),
        response: { 201: createdJson, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const created = await postInForum(deps.db, deps, request.actor, {
        threadId: request.params.id,
        body: request.body.body,
        replyTo: request.body.replyTo ?? null,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/posts/:id/attachments',
    {
      preValidation: forumUpload.read,
      schema: {
        tags,
        summary: `Attach a file to a post (its author or the forum's staff; at most ${ATTACHMENTS_PER_POST} a post)`,
        description: `multipart/form-data with one part named \`file\` (at most ${ATTACHMENT_MAX_MEGABYTES} MB): ${ATTACHMENT_TYPES.join(', ')}, recognised by content (anything else: 400 \`validation_failed\` on \`file\`). Files of a hidden post reach only staff.`,
        security,
        params: idParams,
        response: {
          201: z.object({ id: z.string(), postId: z.string(), threadId: z.string() }),
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const created = await attachToPost(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        forumUpload.optionalFile(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/forum-files/:id',
    {
      schema: {
        tags,
        summary: "Download a post's file (always as an attachment; not found for who may not see the post)",
        security,
        params: idParams,
        produces: ['application/octet-stream'],
        response: errorResponses(401, 404),
      },
    },
    async (request, reply) => {
      return sendAttachment(reply, deps, request.actor, request.params.id);
    },
  );
}
