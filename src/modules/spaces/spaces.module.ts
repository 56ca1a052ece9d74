import type { Module } from '../module.js';
import { fileKind } from './kinds/file-kind.js';
import { linkKind } from './kinds/link-kind.js';
import { pageKind } from './kinds/page-kind.js';
import * as spaces from './migrations/2026-12-06T1800-spaces.js';

/**
 * Course spaces: every edition's learning space (sections, items of every kind the modules declare, order,
 * availability, completion rules, progress), its builder and its progress grid. Its own item kinds: page,
 * file, link.
 */
export const spacesModule: Module = {
  name: 'spaces',
  migrations: { '2026-12-06T1800-spaces': spaces },
  tables: ['spaces', 'space_sections', 'space_items', 'space_item_progress'],
  spaceItemKinds: [pageKind, fileKind, linkKind],
  routeAccess: {},
};
