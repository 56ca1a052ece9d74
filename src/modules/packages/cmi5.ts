/**
 * cmi5 launches: one registration per participant and attempt, an AU credential that cannot void, the
 * fetch URL that hands it out once, the `LMS.LaunchData` state document and the "launched" statement;
 * and the moveOn rules read back from the registration's statements ("satisfied" written once per AU and
 * for the course), kept as the attempt's result and reported to the space item.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { hashSecret, newSecret } from '../../kernel/ids.js';
import {
  issueAuCredential,
  statementsOfRegistration,
  storePlatformStatements,
  writeStateDocument,
} from '../lrs/lrs.queries.js';
import type { JsonObject } from '../lrs/xapi-statement.js';
import type { Sco } from './manifest.js';
import { contentUrl, packageAccess } from './package-access.js';
import { insertLaunchToken, takeLaunchToken } from './packages.repository.js';
import type { PackageAttemptRow, PackageRow } from './packages.tables.js';
import { currentAttempt, keepAttemptResult } from './scorm-attempts.js';
import { auResult, CMI5_VERBS, rollUp, type ScoResult } from './tracking.js';

/** How long an AU's credential works after its launch. */
export const AU_SESSION_HOURS = 12;
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVEON_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };

/** The xAPI agent of a person in cmi5 launches: an account on the platform (never their email). */
export function learnerAgent(baseUrl: string, userId: string): JsonObject {
  return { objectType: 'Agent', account: { homePage: baseUrl, name: userId } };
}

function absoluteAuUrl(deps: Services, pkg: PackageRow, au: Sco): string {
  if (/^https?:\/\//i.test(au.href)) return au.href;
  return `${deps.config.baseUrl}${contentUrl(deps, pkg.id, au.href)}`;
}

/** Prepares a launch of an AU and returns the URL to open (the AU's URL with the cmi5 parameters). */
export async function launchCmi5(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { packageId: string; auIndex: number },
): Promise<{ url: string; registration: string }> {
  const access = await packageAccess(db, actor, input.packageId);
  const { pkg, structure } = access;
  const au = structure.scos[input.auIndex];
  if (structure.standard !== 'cmi5' || !au) throw new AppError('not_found');
  const agent = learnerAgent(deps.config.baseUrl, access.userId);
  const now = deps.clock.now();
  const token = newSecret(24);
  const sessionId = randomUUID();
  const returnUrl = `${deps.config.baseUrl}/packages/${pkg.id}`;
  const attempt = await inTransaction(db, async (trx) => {
    const row = await currentAttempt(trx, deps, pkg.id, access.userId, () => randomUUID());
    const registration = row.registration as string;
    const basic = await issueAuCredential(trx, deps, actor, {
      name: `cmi5 ${au.title}`.slice(0, 100),
      registration,
      agent,
      expiresAt: new Date(now.getTime() + AU_SESSION_HOURS * 3600_000).toISOString(),
    });
    await insertLaunchToken(trx, {
      token_hash: hashSecret(token),
      attempt_id: row.id,
      auth_token: Buffer.from(basic).toString('base64'),
      created_at: now.toISOString(),
    });
    const contextTemplate = {
      contextActivities: { grouping: [{ id: structure.courseId ?? `${returnUrl}` }] },
      extensions: { [SESSION_EXTENSION]: sessionId },
    };
    await writeStateDocument(trx, deps, {
      activityId: au.id,
      agent,
      registration,
      stateId: 'LMS.LaunchData',
      content: {
        contextTemplate,
        launchMode: 'Normal',
        returnURL: returnUrl,
        moveOn: au.moveOn ?? 'NotApplicable',
        ...(au.masteryScore !== null ? { masteryScore: au.masteryScore } : {}),
        ...(au.launchParameters ? { launchParameters: au.launchParameters } : {}),
      },
    });
    await storePlatformStatements(trx, deps, [
      {
        actor: agent,
        verb: { id: CMI5_VERBS.launched, display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: au.id },
        context: {
          registration,
          contextActivities: {
            grouping: contextTemplate.contextActivities.grouping,
            category: [CMI5_CATEGORY],
          },
          extensions: {
            [SESSION_EXTENSION]: sessionId,
            'https://w3id.org/xapi/cmi5/context/extensions/launchmode': 'Normal',
            'https://w3id.org/xapi/cmi5/context/extensions/launchurl': absoluteAuUrl(deps, pkg, au),
            'https://w3id.org/xapi/cmi5/context/extensions/moveon': au.moveOn ?? 'NotApplicable',
          },
        },
      },
    ]);
    return row;
  });
  const registration = attempt.registration as string;
  const url = new URL(absoluteAuUrl(deps, pkg, au));
  url.searchParams.set('endpoint', `${deps.config.baseUrl}/xapi/`);
  url.searchParams.set('fetch', `${deps.config.baseUrl}/cmi5/fetch/${token}`);
  url.searchParams.set('actor', JSON.stringify(agent));
  url.searchParams.set('registration', registration);
  url.searchParams.set('activityId', au.id);
  return { url: url.toString(), registration };
}

/** The fetch URL's answer: the auth token the first time, cmi5's error afterwards. */
export async function fetchAuthToken(
  db: Executor,
  deps: Services,
  token: string,
): Promise<{ 'auth-token': string } | { 'error-code': string; 'error-text': string }> {
  const taken = await takeLaunchToken(db, hashSecret(token), deps.clock.now().toISOString());
  return taken
    ? { 'auth-token': taken }
    : { 'error-code': '1', 'error-text': 'This fetch URL was already used or is unknown.' };
}

/**
 * Reads the registration's statements, writes "satisfied" for each AU that newly meets its moveOn rule (and
 * for the course when every AU does), keeps the attempt's result and reports it to the item.
 */
export async function refreshCmi5Attempt(
  db: Executor,
  deps: Services,
  pkg: PackageRow,
  aus: readonly Sco[],
  courseId: string,
  attempt: PackageAttemptRow,
): Promise<ScoResult> {
  const registration = attempt.registration as string;
  const statements = await statementsOfRegistration(db, registration);
  const agent = learnerAgent(deps.config.baseUrl, attempt.user_id);
  const byAu = new Map<string, { verb: string; scaled: number | null }[]>();
  const satisfiedAlready = new Set<string>();
  for (const s of statements) {
    const objectId = String((s.object as JsonObject).id ?? '');
    const verb = String((s.verb as JsonObject).id);
    if (verb === CMI5_VERBS.satisfied) satisfiedAlready.add(objectId);
    const score = ((s.result as JsonObject | undefined)?.score as JsonObject | undefined)?.scaled;
    byAu.set(objectId, [
      ...(byAu.get(objectId) ?? []),
      { verb, scaled: typeof score === 'number' ? score : null },
    ]);
  }
  const results = new Map<string, ScoResult>();
  const satisfiedStatements: JsonObject[] = [];
  const satisfiedStatement = (id: string): JsonObject => ({
    actor: agent,
    verb: { id: CMI5_VERBS.satisfied, display: { 'en-US': 'satisfied' } },
    object: { objectType: 'Activity', id },
    context: {
      registration,
      contextActivities: { category: [CMI5_CATEGORY, MOVEON_CATEGORY], grouping: [{ id: courseId }] },
    },
  });
  for (const au of aus) {
    const result = auResult(au.moveOn ?? 'NotApplicable', byAu.get(au.id) ?? []);
    results.set(au.id, result.satisfied ? result : { ...result, status: 'incomplete' });
    if (result.satisfied && !satisfiedAlready.has(au.id)) satisfiedStatements.push(satisfiedStatement(au.id));
  }
  const rolled = rollUp(
    aus.map((a) => a.id),
    results,
  );
  if (rolled.status !== 'incomplete' && !satisfiedAlready.has(courseId))
    satisfiedStatements.push(satisfiedStatement(courseId));
  return inTransaction(db, async (trx) => {
    if (satisfiedStatements.length) await storePlatformStatements(trx, deps, satisfiedStatements);
    await keepAttemptResult(trx, deps, attempt, pkg.item_id, rolled);
    return rolled;
  });
}
