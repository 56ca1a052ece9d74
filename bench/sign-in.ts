/**
 * Signs in through the real form, as a browser would: GET /sign-in for the CSRF cookie and token, then
 * POST /sign-in, then the page it redirects to (which shows the "signed in" message once and clears its
 * cookie); returns the `cookie` header a signed-in browser then sends (session, language, CSRF). Before
 * 7 December 2026 (evening) the redirect was not followed, so every measured request carried the one-shot
 * message's cookie: each page showed it again and answered with a Set-Cookie clearing it.
 */

/** The cookies a response sets, as name → value (expired ones removed). */
function storeCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator < 1) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (value === '' || /;\s*max-age=0\b/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const form = await fetch(`${origin}/sign-in`, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  storeCookies(jar, form);
  const html = await form.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (form.status !== 200 || !token) throw new Error(`sign-in form: ${form.status}, no CSRF token`);
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieHeader(jar),
      origin,
    },
    body: new URLSearchParams({ email, password, _csrf: token, next: '/' }).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  storeCookies(jar, response);
  await response.text();
  if (response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}, not 303`);
  const next = await fetch(new URL(response.headers.get('location') ?? '/', origin), {
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar) },
    signal: AbortSignal.timeout(30_000),
  });
  storeCookies(jar, next);
  await next.text();
  return cookieHeader(jar);
}

/** Signs in, waiting out the load shedding of a freshly started child on a busy machine (503), up to 5 tries. */
export async function signInWhenReady(origin: string, email: string, password: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(origin, email, password);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    }
  }
}
