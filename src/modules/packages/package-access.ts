/** Who may see and run a package: confirmed participants of its edition, its facilitators and managers. */
import { createHmac } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type Actor, hasRole } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { canManagePackages } from './import-package.js';
import type { PackageStructure } from './manifest.js';
import { findPackage, hasConfirmedPlace } from './packages.repository.js';
import type { PackageRow } from './packages.tables.js';

export interface PackageAccess {
  pkg: PackageRow;
  structure: PackageStructure;
  userId: string;
  can: { manage: boolean };
}

/** The package as the actor may use it; not_found for anyone outside its edition (they may not know it exists). */
export async function packageAccess(db: Executor, actor: Actor, packageId: string): Promise<PackageAccess> {
  if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  if (!isId(packageId)) throw new AppError('not_found');
  const pkg = await findPackage(db, packageId);
  if (!pkg) throw new AppError('not_found');
  const found = await findEditionWithCourse(db, pkg.edition_id);
  if (!found) throw new AppError('not_found');
  const manage = canManagePackages(
    actor,
    found.edition.facilitators.map((f) => f.id),
  );
  const participant =
    hasRole(actor, 'participant') && (await hasConfirmedPlace(db, pkg.edition_id, actor.id));
  if (!manage && !participant) throw new AppError('not_found');
  return {
    pkg,
    structure: JSON.parse(pkg.structure_json) as PackageStructure,
    userId: actor.id,
    can: { manage },
  };
}

/** The secret path segment of a package's content URLs (content is served without cookies: see package-content). */
export function contentKey(deps: Pick<Services, 'config'>, packageId: string): string {
  return createHmac('sha256', deps.config.sessionSecret)
    .update(`package-content:${packageId}`)
    .digest('base64url')
    .slice(0, 32);
}

/** The URL of a file of the package (sandboxed, served with a restrictive CSP). */
export function contentUrl(deps: Pick<Services, 'config'>, packageId: string, href: string): string {
  return `/package-content/${packageId}/${contentKey(deps, packageId)}/${href.replace(/^\/+/, '')}`;
}
