import { parseLocalized } from '../../i18n/localized.js';
import type { Programme, Theme } from './programme.js';
import type { ProgrammeRow, ThemeRow } from './programmes.tables.js';

/** Maps a themes row to a Theme. */
export function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    slug: row.slug,
    position: row.position,
    name: parseLocalized(row.name_i18n),
    description: parseLocalized(row.description_i18n),
  };
}

/** Maps a programmes row (and its themes) to a Programme. */
export function toProgramme(row: ProgrammeRow, themes: ThemeRow[]): Programme {
  return {
    id: row.id,
    slug: row.slug,
    title: parseLocalized(row.title_i18n),
    summary: parseLocalized(row.summary_i18n),
    description: parseLocalized(row.description_i18n),
    audience: parseLocalized(row.audience_i18n),
    eligibility: parseLocalized(row.eligibility_i18n),
    certification: parseLocalized(row.certification_i18n),
    windowYears: row.window_years,
    electivesRequired: row.electives_required,
    totalHours: row.total_hours,
    capstoneHours: row.capstone_hours,
    themes: themes.map(toTheme),
    updatedAt: row.updated_at,
  };
}
