/**
 * The programmes module's tables: programmes and their themes. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Generated, Selectable } from 'kysely';

export interface ThemesTable {
  id: string;
  slug: string;
  position: number;
  name_i18n: string;
  description_i18n: string;
}

export interface ProgrammesTable {
  id: string;
  slug: string;
  title_i18n: string;
  summary_i18n: string;
  description_i18n: string;
  audience_i18n: string;
  eligibility_i18n: string;
  certification_i18n: string;
  window_years: number;
  electives_required: number;
  total_hours: number;
  capstone_hours: number;
  /** 1: a candidacy that becomes awardable gets its diploma without a manager's click. */
  award_automatically: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeThemesTable {
  programme_id: string;
  theme_id: string;
}

declare module '../../db/schema.js' {
  interface DB {
    themes: ThemesTable;
    programmes: ProgrammesTable;
    programme_themes: ProgrammeThemesTable;
  }
}

export type ProgrammeRow = Selectable<ProgrammesTable>;
export type ThemeRow = Selectable<ThemesTable>;
