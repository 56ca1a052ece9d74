import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import type { Locale } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import { getRoleplay, type RoleplayView } from './get-roleplay.js';
import { listEditionRoleplays } from './list-edition-roleplays.js';

const security = [{ bearerAuth: [] }];
const tags = ['roleplays'];
const idParams = z.object({ id: z.string().max(64) });

const roleplayJson = z.object({
  id: z.string(),
  title: z.string(),
  roles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      publicBrief: z.string().describe('Markdown'),
      holders: z.array(z.string()).describe('account ids, as `id` in GET /api/v1/me'),
      privateBrief: z
        .string()
        .optional()
        .describe(
          "Markdown; present only for the role's holders and the edition's facilitators and managers (for everyone once revealed)",
        ),
    }),
  ),
});

/** The JSON of a role-play in the reader's language; `privateBrief` is absent where the read model dropped it. */
export function presentRoleplay(view: RoleplayView, locale: Locale): z.infer<typeof roleplayJson> {
  return {
    id: view.item.id,
    title: pickLocalized(view.item.title, locale).text,
    roles: view.roles.map((role) => ({
      id: role.id,
      name: pickLocalized(role.name, locale).text,
      publicBrief: pickLocalized(role.publicBrief, locale).text,
      holders: role.holders.map((h) => h.id),
      ...(role.privateBrief ? { privateBrief: pickLocalized(role.privateBrief, locale).text } : {}),
    })),
  };
}

/** The role-plays JSON API: an edition's role-plays and one role-play (the edition's people; others 404). */
export function roleplaysApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/editions/:id/roleplays',
    {
      schema: {
        tags,
        summary: "An edition's role-play exercises, each with its roles as you may see them",
        security,
        params: idParams,
        response: { 200: z.object({ items: z.array(roleplayJson) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({
      items: (await listEditionRoleplays(deps.db, deps, request.actor, request.params.id)).map((v) =>
        presentRoleplay(v, request.locale),
      ),
    }),
  );
  app.get(
    '/roleplays/:id',
    {
      schema: {
        tags,
        summary:
          'A role-play exercise: its roles, public briefs, holders, and the private briefs you may read',
        security,
        params: idParams,
        response: { 200: roleplayJson, ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      presentRoleplay(await getRoleplay(deps.db, deps, request.actor, request.params.id), request.locale),
  );
}
