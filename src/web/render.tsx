import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page component to a complete HTML response. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = `<!doctype html>${renderToString(page)}`;
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** Renders a fragment (the same component a full page embeds) for progressive enhancement. */
export function sendFragment(reply: FastifyReply, fragment: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderToString(fragment));
}

/**
 * HTML this application rendered earlier (a kept fragment, see kept-results.ts), placed as it is inside
 * a wrapper that does not change the layout. Never for text from outside: that goes through preact.
 */
export function KeptHtml({ html }: { html: string }) {
  return <div class="kept" dangerouslySetInnerHTML={{ __html: html }} />;
}
