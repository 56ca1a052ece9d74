/**
 * Imports a SCORM 1.2 / 2004 or cmi5 package into an edition: the zip is read safely (src/integrations/zip),
 * the manifest parsed with entities off, every launch file checked; then the package and its files are
 * stored in one transaction with the audit event. A bad package stores nothing and names its problem
 * (`validation_failed` on the field `file`, message `packages.error.*`).
 */
import { posix } from 'node:path';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { walkZip, ZipRejectedError, zipLimitsOf } from '../../integrations/zip/safe-zip.js';
import { type Actor, actorId, hasRole } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { PackageProblem, type PackageStructure, parseCmi5, parseScormManifest } from './manifest.js';
import { insertPackage } from './packages.repository.js';

export const MAX_ATTEMPTS_LIMIT = 100;

const importSchema = z.object({
  editionId: z.string().min(1),
  maxAttempts: z.number().int().min(1).max(MAX_ATTEMPTS_LIMIT).nullable().default(null),
});

/** Who may add packages to an edition: its facilitators, managers, and the system (the CLI). */
export function canManagePackages(actor: Actor, facilitatorIds: readonly string[]): boolean {
  if (actor.kind === 'system') return true;
  if (hasRole(actor, 'manager')) return true;
  return actor.kind === 'user' && hasRole(actor, 'facilitator') && facilitatorIds.includes(actor.id);
}

const problem = (messageId: string, values: Record<string, string | number> = {}) =>
  new AppError('validation_failed', {}, [{ path: 'file', key: messageId, values }]);

/** The path inside the package a launch href names (query and fragment dropped), or null for an absolute URL. */
export function launchPath(href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  return posix.normalize(decodeURIComponent(href.split(/[?#]/)[0] ?? ''));
}

/** Reads the bytes of an upload into a structure and its files, or throws the package's problem. */
export async function readPackage(
  deps: Pick<Services, 'config'>,
  bytes: Buffer,
): Promise<{ structure: PackageStructure; files: { path: string; content: Buffer }[] }> {
  const isZip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  try {
    if (!isZip) {
      const text = bytes.toString('utf8');
      if (!/<courseStructure\b/.test(text)) throw new PackageProblem('packages.error.notPackage');
      return { structure: parseCmi5(text), files: [] };
    }
    const files: { path: string; content: Buffer }[] = [];
    await walkZip(bytes, zipLimitsOf(deps.config), (path, content) => {
      files.push({ path, content });
    });
    const scorm = files.find((f) => f.path === 'imsmanifest.xml');
    const cmi5 = files.find((f) => f.path === 'cmi5.xml');
    if (!scorm && !cmi5) throw new PackageProblem('packages.error.noManifest');
    const structure = scorm
      ? parseScormManifest(scorm.content.toString('utf8'))
      : parseCmi5((cmi5 as { content: Buffer }).content.toString('utf8'));
    const paths = new Set(files.map((f) => f.path));
    for (const sco of structure.scos) {
      const path = launchPath(sco.href);
      if (path !== null && !paths.has(path))
        throw new PackageProblem('packages.error.launchMissing', { path });
    }
    return { structure, files };
  } catch (error) {
    if (error instanceof PackageProblem) throw problem(error.messageId, error.values);
    if (error instanceof ZipRejectedError)
      throw problem(`packages.error.zip.${error.problem}`, { entry: error.entry ?? '' });
    if (error instanceof URIError) throw problem('packages.error.manifestInvalid');
    throw error;
  }
}

/** Imports a package into the edition; returns its id. */
export async function importPackage(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { editionId: string; maxAttempts?: number | null; bytes: Buffer },
): Promise<{ id: string; structure: PackageStructure }> {
  const { editionId, maxAttempts } = parseInput(importSchema, {
    editionId: input.editionId,
    maxAttempts: input.maxAttempts ?? null,
  });
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  ensure(
    actor,
    canManagePackages(
      actor,
      found.edition.facilitators.map((f) => f.id),
    ),
  );
  const { structure, files } = await readPackage(deps, input.bytes);
  const id = newId();
  await inTransaction(db, async (trx) => {
    await insertPackage(
      trx,
      {
        id,
        edition_id: editionId,
        item_id: null,
        standard: structure.standard,
        title: structure.title.slice(0, 500),
        structure_json: JSON.stringify(structure),
        max_attempts: maxAttempts,
        file_count: files.length,
        size_bytes: files.reduce((sum, f) => sum + f.content.length, 0),
        created_at: deps.clock.now().toISOString(),
        created_by: actorId(actor),
      },
      files,
    );
    await audit(trx, deps.clock, actor, {
      action: 'packages.package-imported',
      targetType: 'package',
      targetId: id,
      after: { editionId, standard: structure.standard, title: structure.title, files: files.length },
    });
  });
  return { id, structure };
}
