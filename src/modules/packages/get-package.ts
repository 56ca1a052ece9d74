/** A package's page: its SCOs / AUs, the person's attempts and result, and what they may do. */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { refreshCmi5Attempt } from './cmi5.js';
import type { PackageStandard } from './manifest.js';
import { packageAccess } from './package-access.js';
import { listAttempts } from './packages.repository.js';
import type { AttemptSummary } from './scorm-attempts.js';

export interface PackageView {
  id: string;
  editionId: string;
  title: string;
  standard: PackageStandard;
  scos: { index: number; title: string }[];
  attempts: AttemptSummary[];
  maxAttempts: number | null;
  can: { manage: boolean; newAttempt: boolean };
}

export async function getPackage(
  db: Executor,
  deps: Services,
  actor: Actor,
  packageId: string,
): Promise<PackageView> {
  const { pkg, structure, userId, can } = await packageAccess(db, actor, packageId);
  const rows = await listAttempts(db, pkg.id, userId);
  const latest = rows.at(-1);
  if (structure.standard === 'cmi5' && latest?.registration) {
    const result = await refreshCmi5Attempt(
      db,
      deps,
      pkg,
      structure.scos,
      structure.courseId ?? pkg.id,
      latest,
    );
    latest.status = result.status;
    latest.score = result.score;
  }
  return {
    id: pkg.id,
    editionId: pkg.edition_id,
    title: pkg.title,
    standard: structure.standard,
    scos: structure.scos.map((s, index) => ({ index, title: s.title })),
    attempts: rows.map((a) => ({ id: a.id, number: a.number, status: a.status, score: a.score })),
    maxAttempts: pkg.max_attempts,
    can: {
      manage: can.manage,
      newAttempt: rows.length > 0 && (pkg.max_attempts === null || rows.length < pkg.max_attempts),
    },
  };
}
