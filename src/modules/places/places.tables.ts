/**
 * The places module's tables: places in editions (enrolments). Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Selectable } from 'kysely';

export interface EnrolmentsTable {
  id: string;
  edition_id: string;
  user_id: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** The columns of a place in an edition (places module), added to enrolments; null on older rows. */
export interface EnrolmentPlaceColumns {
  requested_at: string | null;
  funding_kind: string | null;
  funding_name: string | null;
  waitlist_order: number | null;
  decided_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  withdrawn_at: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    enrolments: EnrolmentsTable & EnrolmentPlaceColumns;
  }
}

export type EnrolmentRow = Selectable<EnrolmentsTable>;
export type PlaceRow = Selectable<EnrolmentsTable & EnrolmentPlaceColumns>;
