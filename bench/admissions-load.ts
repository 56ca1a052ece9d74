/**
 * The admissions suite's applicant side: several applicants signed in through the real form, each with the
 * CSRF token their own step page carries; and the save of a form step measured with autocannon. A save
 * answers 303 (to the next step), so it is measured here rather than by load.ts (which takes only 2xx):
 * a run with anything but 303 fails the bench, and each request is sent as one applicant (a random one of
 * those signed in) to their own draft, as applicants save their own drafts.
 */
import autocannon from 'autocannon';
import type { LoadResult } from './load.js';
import { signIn } from './sign-in.js';

export interface SignedInApplicant {
  email: string;
  applicationId: string;
  cookie: string;
  /** The `_csrf` field of their form (valid for their CSRF cookie). */
  csrf: string;
}

/** Signs the applicant in and reads the CSRF token of the step's form. */
export async function signInApplicant(
  origin: string,
  draft: { email: string; applicationId: string },
  password: string,
  step: string,
): Promise<SignedInApplicant> {
  const cookie = await signIn(origin, draft.email, password);
  const response = await fetch(`${origin}/my/applications/${draft.applicationId}/steps/${step}`, {
    headers: { cookie },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const html = await response.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (response.status !== 200 || !csrf)
    throw new Error(`${draft.email}: the ${step} step answered ${response.status} without a CSRF token`);
  return { ...draft, cookie, csrf };
}

export interface FormPost {
  /** The path of one applicant's form. */
  path: (applicant: SignedInApplicant) => string;
  /** The form's fields (without `_csrf`). */
  fields: Record<string, string>;
  /** Where the save redirects (checked once before measuring). */
  location: (applicant: SignedInApplicant) => string;
}

const formBody = (post: FormPost, applicant: SignedInApplicant) =>
  new URLSearchParams({ ...post.fields, _csrf: applicant.csrf }).toString();

const headersOf = (applicant: SignedInApplicant, origin: string) => ({
  cookie: applicant.cookie,
  'content-type': 'application/x-www-form-urlencoded',
  origin,
});

/** Posts the form once as each applicant and checks the 303 and where it leads (so a 403 is not measured). */
export async function checkFormPost(
  origin: string,
  post: FormPost,
  applicants: SignedInApplicant[],
): Promise<void> {
  for (const applicant of applicants) {
    const response = await fetch(origin + post.path(applicant), {
      method: 'POST',
      headers: headersOf(applicant, origin),
      body: formBody(post, applicant),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    await response.text();
    const location = response.headers.get('location');
    if (response.status !== 303 || location !== post.location(applicant))
      throw new Error(
        `save of ${post.path(applicant)} answered ${response.status} (location ${location}), not 303 to ` +
          `${post.location(applicant)}; not measured`,
      );
  }
}

/** Warm-up, then the measured run: saves per second (303s) and their latency percentiles. */
export async function measureFormPost(
  origin: string,
  post: FormPost,
  applicants: SignedInApplicant[],
  options: { connections: number; duration: number; warmup: number },
): Promise<LoadResult> {
  const prepared = applicants.map((a) => ({
    path: post.path(a),
    headers: headersOf(a, origin),
    body: formBody(post, a),
  }));
  const first = prepared[0]!;
  const run = (duration: number) =>
    autocannon({
      url: origin + first.path,
      method: 'POST',
      connections: options.connections,
      duration,
      headers: first.headers,
      body: first.body,
      requests: [
        {
          setupRequest: (request) => {
            const one = prepared[Math.floor(Math.random() * prepared.length)]!;
            return { ...request, method: 'POST', path: one.path, headers: one.headers, body: one.body };
          },
        },
      ],
    });
  const onlySeeOther = (result: Awaited<ReturnType<typeof autocannon>>, phase: string) => {
    const codes = Object.keys(result.statusCodeStats);
    if (codes.some((code) => code !== '303'))
      throw new Error(`${origin}${first.path}: ${phase} saw status codes ${codes.join(', ')}, not only 303`);
  };
  if (options.warmup > 0) onlySeeOther(await run(options.warmup), 'the warm-up');
  const times: number[] = [];
  const measured = run(options.duration);
  (measured as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode === 303) times.push(responseTime);
    },
  );
  const result = await measured;
  onlySeeOther(result, 'the measured run');
  const sorted = Float64Array.from(times).sort();
  const at = (p: number) =>
    sorted.length === 0
      ? 0
      : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    requestsPerSecond: result['3xx'] / result.duration,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: sorted.at(-1) ?? 0,
    responses: result['3xx'],
    non2xx: 0,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result['3xx'] ? result.throughput.total / result['3xx'] : 0,
  };
}
