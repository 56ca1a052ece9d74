/**
 * The transfer size of a page's first load, as a browser with an empty cache would fetch it: the HTML,
 * then every same-origin stylesheet, icon, script and image it links to. Bytes are counted as they arrive
 * (status line and headers included, bodies not decoded), asking for gzip/deflate/br like a browser, so
 * compression counts only if the server does it.
 */
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface Transferred {
  path: string;
  status: number;
  headerBytes: number;
  bodyBytes: number;
  contentEncoding: string | null;
}

export interface FirstLoad {
  resources: Transferred[];
  totalBytes: number;
}

const BROWSER_HEADERS = {
  accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en',
  'user-agent': 'diploma-bench',
};

/** Fetches `path` and what it links to from `origin` (http://127.0.0.1:port). */
export async function measureFirstLoad(origin: string, path: string): Promise<FirstLoad> {
  const page = await fetchRaw(origin, path);
  if (page.transferred.status !== 200)
    throw new Error(`first load: ${path} answered ${page.transferred.status}`);
  const html = decode(page.body, page.transferred.contentEncoding).toString('utf8');
  const resources = [page.transferred];
  for (const asset of linkedAssets(html)) {
    const fetched = await fetchRaw(origin, asset);
    if (fetched.transferred.status !== 200)
      throw new Error(`first load: ${asset} answered ${fetched.transferred.status}`);
    resources.push(fetched.transferred);
  }
  return { resources, totalBytes: resources.reduce((s, r) => s + r.headerBytes + r.bodyBytes, 0) };
}

/** Same-origin stylesheets, icons, scripts and images a page loads (not links to other pages). */
function linkedAssets(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1];
    if (href && /\b(stylesheet|icon|preload|manifest)\b/.test(rel)) found.add(href);
  }
  for (const match of html.matchAll(/<(?:script|img)\b[^>]*\bsrc="([^"]*)"/g)) found.add(match[1]!);
  return [...found].filter((url) => url.startsWith('/') && !url.startsWith('//'));
}

function decode(body: Buffer, encoding: string | null): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

function fetchRaw(origin: string, path: string): Promise<{ transferred: Transferred; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, origin), { headers: BROWSER_HEADERS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = response.rawHeaders;
        let headerBytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n\r\n`.length;
        for (let i = 0; i < raw.length; i += 2) headerBytes += `${raw[i]}: ${raw[i + 1]}\r\n`.length;
        const body = Buffer.concat(chunks);
        resolve({
          transferred: {
            path,
            status: response.statusCode ?? 0,
            headerBytes,
            bodyBytes: body.length,
            contentEncoding: response.headers['content-encoding'] ?? null,
          },
          body,
        });
      });
    });
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`first load: ${path} timed out`)));
  });
}
