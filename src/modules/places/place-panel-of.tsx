import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { pageContext } from '../../web/page-context.js';
import { getPlaceOffer } from './offers/get-place-offer.js';
import { PlacePanel } from './views/place-panel.js';

/** The places block of an edition's page (the catalogue embeds it): the offer, and the request form. */
export async function placesPanelOf(
  db: Executor,
  deps: Services,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): Promise<VNode> {
  const offer = await getPlaceOffer(db, deps, request.actor, request.params.id, request.locale);
  const ctx = pageContext(request, reply);
  return <PlacePanel t={ctx.t} locale={ctx.locale} offer={offer} csrf={ctx.csrf} path={ctx.path} />;
}
