/**
 * The browser side of the SCORM runtime. The player page (our origin, strict CSP) runs scorm-again's API
 * with the commit URL and relays the calls of the sandboxed content frame (scorm-again's CrossFrameLMS,
 * only for messages from that frame); the content frame gets scorm-again's CrossFrameAPI as `API` /
 * `API_1484_11`. Served from /package-runtime/ (scorm-again's files from node_modules, these two ours).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PLAYER_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById('scorm-config').textContent);
  var frame = document.getElementById('sco-frame');
  var settings = { lmsCommitUrl: config.commitUrl, dataCommitFormat: 'json', autocommit: true, autocommitSeconds: 30, logLevel: 5 };
  var api = config.standard === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (config.cmi) { try { api.loadFromJSON(config.cmi.cmi || config.cmi, ''); } catch (e) {} }
  // Only the content frame may call the API through messages.
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow) event.stopImmediatePropagation();
  }, true);
  new CrossFrameLMS(api, '*');
  frame.src = config.contentUrl;
})();
`;

export const CHILD_SCRIPT = `window.API = window.API_1484_11 = new CrossFrameAPI(location.origin, window.parent);
`;

const require = createRequire(import.meta.url);
const DIST = dirname(require.resolve('scorm-again'));
const FILES: Record<string, string> = {
  'scorm12.min.js': 'scorm12.min.js',
  'scorm2004.min.js': 'scorm2004.min.js',
  'cross-frame-lms.min.js': 'cross-frame-lms.min.js',
  'cross-frame-api.min.js': 'cross-frame-api.min.js',
};
const cache = new Map<string, string>();

/** A runtime file by name, or null. */
export function runtimeFile(name: string): string | null {
  if (name === 'player.js') return PLAYER_SCRIPT;
  if (name === 'child.js') return CHILD_SCRIPT;
  const file = FILES[name];
  if (!file) return null;
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(join(DIST, file), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
    cache.set(file, text);
  }
  return text;
}

/** An HTML file of a package with the content frame's runtime put first in its head. */
export function withChildRuntime(html: string): string {
  const tags =
    '<script src="/package-runtime/cross-frame-api.min.js"></script><script src="/package-runtime/child.js"></script>';
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  return tags + html;
}
