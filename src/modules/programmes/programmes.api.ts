import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import { getProgramme, listProgrammes, listThemes } from './get-programme.js';
import type { Programme, Theme } from './programme.js';
import { programmeSchema, themeSchema } from './programmes.schemas.js';
import { updateProgramme } from './update-programme.js';
import { updateTheme } from './update-theme.js';

const localized = z.record(z.string(), z.string());
const themeJson = z.object({ slug: z.string(), name: localized, description: localized });
const programmeJson = z.object({
  slug: z.string(),
  title: localized,
  summary: localized,
  description: localized,
  audience: localized,
  eligibility: localized,
  certification: localized,
  windowYears: z.number(),
  electivesRequired: z.number(),
  totalHours: z.number(),
  capstoneHours: z.number(),
  themes: z.array(themeJson),
  updatedAt: z.string(),
});

const presentTheme = (t: Theme) => ({
  slug: t.slug,
  name: t.name as Record<string, string>,
  description: t.description as Record<string, string>,
});

/** The JSON shape of a programme. */
export function presentProgramme(p: Programme): z.infer<typeof programmeJson> {
  const text = (v: Partial<Record<string, string>>) => v as Record<string, string>;
  return {
    slug: p.slug,
    title: text(p.title),
    summary: text(p.summary),
    description: text(p.description),
    audience: text(p.audience),
    eligibility: text(p.eligibility),
    certification: text(p.certification),
    windowYears: p.windowYears,
    electivesRequired: p.electivesRequired,
    totalHours: p.totalHours,
    capstoneHours: p.capstoneHours,
    themes: p.themes.map(presentTheme),
    updatedAt: p.updatedAt,
  };
}

const slugParams = z.object({ slug: z.string().max(80) });
const security = [{ bearerAuth: [] }];

/** /api/v1 programmes and themes. */
export function programmesApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/programmes',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'Every programme',
        response: { 200: z.object({ programmes: z.array(programmeJson) }) },
      },
    },
    async (request) => ({
      programmes: (await listProgrammes(deps.db, deps, request.actor)).map(presentProgramme),
    }),
  );
  app.get(
    '/programmes/:slug',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'One programme',
        params: slugParams,
        response: { 200: programmeJson, ...errorResponses(404) },
      },
    },
    async (request) =>
      presentProgramme(await getProgramme(deps.db, deps, request.actor, request.params.slug)),
  );
  app.put(
    '/programmes/:slug',
    {
      schema: {
        tags: ['programmes'],
        summary: "Replace a programme's content (managers)",
        security,
        params: slugParams,
        body: programmeSchema,
        response: { 200: programmeJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentProgramme(
        await updateProgramme(deps.db, deps, request.actor, request.params.slug, request.body),
      ),
  );
  app.get(
    '/themes',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'Every theme',
        response: { 200: z.object({ themes: z.array(themeJson) }) },
      },
    },
    async () => ({ themes: (await listThemes(deps.db, deps)).map(presentTheme) }),
  );
  app.put(
    '/themes/:slug',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Rename a theme (managers)',
        security,
        params: slugParams,
        body: themeSchema,
        response: { 200: themeJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentTheme(await updateTheme(deps.db, deps, request.actor, request.params.slug, request.body)),
  );
}
