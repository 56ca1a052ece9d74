import type { LocalizedText } from '../../i18n/localized.js';

/** A diploma programme as shown and edited (its rules of completion come with the pathway module). */
export interface Programme {
  id: string;
  slug: string;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  audience: LocalizedText;
  eligibility: LocalizedText;
  certification: LocalizedText;
  windowYears: number;
  electivesRequired: number;
  totalHours: number;
  capstoneHours: number;
  themes: Theme[];
  updatedAt: string;
}

/** One of the thematic areas courses belong to. */
export interface Theme {
  id: string;
  slug: string;
  position: number;
  name: LocalizedText;
  description: LocalizedText;
}
