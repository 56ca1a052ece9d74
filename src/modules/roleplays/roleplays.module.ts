/**
 * Role-play exercises in course spaces: the `roleplay` item kind (a scenario, roles with a public brief for
 * everyone and a private brief for the role's holders and the edition's staff), roles assigned by hand, at
 * random or in balance across constituencies, phases with dates and an in-character discussion each, a
 * negotiated outcome document with its history, the facilitator's debrief and the reveal of every private
 * brief at the end. docs/roleplays.md.
 */
import type { Module } from '../module.js';
import * as roleplays from './migrations/2026-12-07T0200-roleplays.js';

export const roleplaysModule: Module = {
  name: 'roleplays',
  migrations: { '2026-12-07T0200-roleplays': roleplays },
  tables: ['roleplays', 'roleplay_roles', 'roleplay_holders', 'roleplay_phases', 'roleplay_outcome_versions'],
};
