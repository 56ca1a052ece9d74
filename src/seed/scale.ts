import type { Deps } from '../deps.js';
import { systemActor } from '../kernel/actor.js';
import { newId } from '../kernel/ids.js';
import { DEMO_PASSWORD } from '../modules/identity/demo/demo-people.js';
import type { NewUserRow } from '../modules/identity/identity.tables.js';
import { hashPassword } from '../modules/identity/passwords/password.js';
import type { CandidacyRow, ResultRow } from '../modules/pathway/pathway.tables.js';
import { listRuleVersions } from '../modules/pathway/rule-versions.js';
import { refreshStandings } from '../modules/pathway/standing.js';
import type { EnrolmentRow } from '../modules/places/places.tables.js';
import { DEMO_PROGRAMME_SLUG } from '../modules/programmes/demo/demo-programme.js';
import { getProgramme } from '../modules/programmes/get-programme.js';
import {
  insertCandidaciesBulk,
  insertEnrolmentsBulk,
  insertResultsBulk,
  insertRoleGrantsBulk,
  insertUsersBulk,
  listCandidacyPage,
  listEditionsForScale,
} from './scale.repository.js';
import { seedDemo } from './seed-demo.js';

/**
 * `diploma seed --scale N`: N synthetic candidates with realistic histories (0–6 course results drawn
 * from the real editions, some participation or failed, some still enrolled, a few extensions,
 * withdrawals and capstones), then every standing evaluated and cached. Deterministic for a given seed
 * number, so benchmarks compare like with like. Emails are `scale-<n>@example.net`.
 */
export interface ScaleReport {
  candidates: number;
  results: number;
  enrolments: number;
  generateMs: number;
  evaluateMs: number;
}

const COUNTRIES = [
  'NG',
  'PH',
  'NP',
  'SN',
  'MX',
  'KE',
  'GH',
  'VN',
  'MA',
  'JO',
  'KG',
  'CN',
  'BD',
  'LK',
  'ET',
  'GT',
  'CO',
  'TN',
  'ZA',
  'ID',
];
const CONSTITUENCIES = [
  'government',
  'workers',
  'employers',
  'ngo',
  'diaspora',
  'international',
  'research',
  'media',
  'other',
];
const LOCALES = ['en', 'fr', 'es'];
const GIVEN = [
  'Amina',
  'Jean',
  'María',
  'Nguyễn',
  'Olga',
  'Ravi',
  'Fatima',
  'Kwame',
  'Li',
  'Sofía',
  'Youssef',
  'Anh',
  'Ngozi',
  'Pedro',
  'Aigerim',
];
const FAMILY = [
  'Diallo',
  'Martin',
  'García',
  'Trần',
  'Petrova',
  'Sharma',
  'Benali',
  'Mensah',
  'Wang',
  'López',
  'Haddad',
  'Okafor',
  'Silva',
  'Nurlanovna',
];

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates `count` candidates into the demo programme (loading the demo first when needed). */
export async function seedScale(deps: Deps, count: number, seed = 42): Promise<ScaleReport> {
  await seedDemo(deps);
  const actor = systemActor('scale');
  const programme = await getProgramme(deps.db, deps, actor, DEMO_PROGRAMME_SLUG);
  const [version] = await listRuleVersions(deps.db, deps, actor, DEMO_PROGRAMME_SLUG);
  if (!version) throw new Error('the demo programme has no rule version');
  const editions = (await listEditionsForScale(deps.db)).filter((e) => e.code !== 'FRP-SL');
  const today = deps.clock.now().toISOString().slice(0, 10);
  const now = deps.clock.now().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const started = Date.now();
  let results = 0;
  let enrolments = 0;
  const BATCH = 2000;
  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const users: NewUserRow[] = [];
    const grants: { user_id: string; role: string; granted_by: null; granted_at: string }[] = [];
    const candidacies: CandidacyRow[] = [];
    const enrolmentRows: EnrolmentRow[] = [];
    const resultRows: ResultRow[] = [];
    for (let i = 0; i < size; i++) {
      const n = offset + i;
      const userId = newId();
      users.push({
        id: userId,
        email: `scale-${seed}-${n}@example.net`,
        password_hash: passwordHash,
        full_name: `${pick(GIVEN)} ${pick(FAMILY)} ${n}`,
        preferred_locale: pick(LOCALES),
        email_verified_at: now,
        country: pick(COUNTRIES),
        constituency: pick(CONSTITUENCIES),
        organisation: null,
        job_title: null,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      });
      grants.push({ user_id: userId, role: 'participant', granted_by: null, granted_at: now });
      const taken = new Set<string>();
      const history = Math.floor(next() * 7);
      let firstStart = today;
      for (let h = 0; h < history; h++) {
        const edition = pick(editions);
        if (taken.has(edition.id)) continue;
        taken.add(edition.id);
        if (edition.starts_on < firstStart) firstStart = edition.starts_on;
        const enrolmentId = newId();
        enrolmentRows.push({
          id: enrolmentId,
          edition_id: edition.id,
          user_id: userId,
          status: 'enrolled',
          created_at: now,
          updated_at: now,
        });
        if (edition.ends_on >= today) continue; // still running or upcoming: no result yet
        const roll = next();
        const outcome =
          edition.credential_on_success !== 'achievement' || roll < 0.1
            ? 'participation'
            : roll < 0.15
              ? 'not-passed'
              : 'achievement';
        resultRows.push({
          id: newId(),
          user_id: userId,
          course_id: edition.course_id,
          enrolment_id: enrolmentId,
          outcome,
          grade: outcome === 'achievement' ? pick(['A', 'B+', 'B', '16/20', 'Notable']) : null,
          started_on: null,
          completed_on: edition.ends_on,
          source: 'import',
          reference: null,
          recorded_by: null,
          created_at: now,
          updated_at: now,
        });
      }
      const roll = next();
      candidacies.push({
        id: newId(),
        programme_id: programme.id,
        user_id: userId,
        rule_version_id: version.id,
        registered_on: [firstStart, today].sort()[0]!,
        status: roll < 0.03 ? 'withdrawn' : 'active',
        withdrawn_reason: roll < 0.03 ? 'Scale data' : null,
        withdrawn_at: roll < 0.03 ? now : null,
        capstone_status: roll > 0.9 ? 'passed' : roll > 0.8 ? 'in-progress' : 'not-started',
        capstone_completed_on: roll > 0.9 ? today : null,
        standing_status: 'active',
        standing_deadline: null,
        standing_at_risk: 0,
        standing_awardable: 0,
        standing_met: 0,
        standing_json: '{}',
        standing_evaluated_on: '2000-01-01',
        created_at: now,
        updated_at: now,
      });
    }
    await deps.db.transaction().execute(async (trx) => {
      await insertUsersBulk(trx, users);
      await insertRoleGrantsBulk(trx, grants);
      await insertCandidaciesBulk(trx, candidacies);
      await insertEnrolmentsBulk(trx, enrolmentRows);
      await insertResultsBulk(trx, resultRows);
    });
    results += resultRows.length;
    enrolments += enrolmentRows.length;
  }
  const generated = Date.now();
  await refreshAllStandings(deps, programme.id, today);
  return {
    candidates: count,
    results,
    enrolments,
    generateMs: generated - started,
    evaluateMs: Date.now() - generated,
  };
}

/** Re-evaluates every candidacy of a programme and caches the standings, a page at a time. */
export async function refreshAllStandings(deps: Deps, programmeId: string, today: string): Promise<number> {
  let after = '';
  let total = 0;
  for (;;) {
    const page = await listCandidacyPage(deps.db, programmeId, after, 5000);
    if (page.length === 0) return total;
    await deps.db.transaction().execute((trx) => refreshStandings(trx, page, today));
    total += page.length;
    after = page.at(-1)!.id;
  }
}
