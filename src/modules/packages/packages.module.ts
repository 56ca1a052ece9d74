/**
 * SCORM 1.2 / 2004 and cmi5 packages in course spaces: import (safe zip, manifest with entities off), the
 * `package` item kind, the SCORM player (scorm-again) with tracking commits and attempts, cmi5 launches
 * through the built-in LRS, sandboxed content, and `diploma content import`.
 */
import type { Module } from '../module.js';
import { seedDemoPackages } from './demo/seed-demo-packages.js';
import * as packages from './migrations/2026-12-06T2030-packages.js';
import { packageKind } from './package-kind.js';
import { packagesAuditEvents } from './packages.audit.js';
import { packagesWebRoutes } from './packages.web.js';
import { contentCommand } from './packages-cli.js';

export const packagesModule: Module = {
  name: 'packages',
  migrations: { '2026-12-06T2030-packages': packages },
  auditEvents: packagesAuditEvents,
  tables: ['packages', 'package_files', 'package_attempts', 'package_sco_data', 'package_launch_tokens'],
  webRoutes: packagesWebRoutes,
  spaceItemKinds: [packageKind],
  cli: [contentCommand],
  seed: async (deps) => {
    await seedDemoPackages(deps);
    return undefined;
  },
  routeAccess: {
    'GET /packages/:packageId': 'signed-in',
    'GET /packages/:packageId/scos/:index/launch': 'signed-in',
    'POST /packages/:packageId/attempts': 'signed-in',
    'POST /packages/attempts/:attemptId/commit': 'signed-in',
    // Sandboxed content sends no cookies: unlisted by the key in its path (see packages.web.tsx).
    'GET /package-content/:packageId/:key/*': 'public',
    'GET /package-runtime/:file': 'public',
    // cmi5's fetch URL is called by the AU (any origin), authenticated by its one-time token.
    'POST /cmi5/fetch/:token': 'public',
    'OPTIONS /cmi5/fetch/:token': 'public',
    'GET /editions/:id/packages/new': ['facilitator', 'manager'],
    'POST /editions/:id/packages': ['facilitator', 'manager'],
  },
};
