import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import { listEditionGroups } from './get-groups.js';

const groupJson = z.object({
  id: z.string(),
  name: z.string(),
  groupSet: z.object({ id: z.string(), name: z.string() }),
  /** Account ids, as `id` in GET /api/v1/me. */
  members: z.array(z.string()),
});

/** /api/v1 groups: an edition's groups (participants: their own; the edition's facilitators and managers: all). */
export function groupsApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/editions/:id/groups',
    {
      schema: {
        tags: ['groups'],
        summary:
          "An edition's groups: a participant's own groups, or every group for the edition's facilitators and managers",
        description:
          'Members are account ids (as `id` in GET /api/v1/me). Anyone who is neither a confirmed participant nor staff of the edition gets 404.',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.string().max(64) }),
        response: { 200: z.object({ items: z.array(groupJson) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ items: await listEditionGroups(deps.db, request.actor, request.params.id) }),
  );
}
