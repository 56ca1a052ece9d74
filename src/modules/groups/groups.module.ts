/**
 * Groups and group work: group sets per edition (formed by hand, at random, by self-selection with caps
 * and a closing date, or balanced across constituency, region, language and sex), a page per group
 * (members, shared files, a shared Markdown page with history and edit-conflict detection, the group
 * tasks of the space), the `group-task` item kind and peer evaluation of contributions. docs/groups.md.
 * Other modules read groups through groups.port.ts.
 */
import type { Module } from '../module.js';
import { GROUP_TABLES } from './groups.tables.js';
import * as groups from './migrations/2026-12-07T0000-groups.js';

export const groupsModule: Module = {
  name: 'groups',
  migrations: { '2026-12-07T0000-groups': groups },
  tables: GROUP_TABLES,
};
