import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';

/** Debates' forms (teams, polls, round contributions, the summary). */
export function debatesWebRoutes(_app: FastifyInstance, _deps: Deps): void {}
