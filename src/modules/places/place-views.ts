import type { LocalizedText } from '../../i18n/localized.js';
import type { FundingKind, PlaceStatus } from './places.js';
import type { PlaceRow } from './places.tables.js';

/** One place as managers and the person see it (never a row). */
export interface Place {
  id: string;
  editionId: string;
  userId: string;
  status: PlaceStatus;
  fundingKind: FundingKind | null;
  fundingName: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  withdrawnAt: string | null;
  /** On the waiting list: the position (1 = next); otherwise null. */
  position: number | null;
}

/** A place with the person (managers' list). */
export interface PlaceWithPerson extends Place {
  fullName: string;
  email: string;
}

/** A place with its edition and course (the person's own list). */
export interface MyPlace extends Place {
  courseCode: string;
  courseTitle: LocalizedText;
  editionCode: string | null;
  startsOn: string;
  endsOn: string;
  language: string;
  canWithdraw: boolean;
}

/** Maps a place row (the enrolment's place columns). */
export function toPlace(row: PlaceRow, position: number | null): Place {
  return {
    id: row.id,
    editionId: row.edition_id,
    userId: row.user_id,
    status: row.status as PlaceStatus,
    fundingKind: (row.funding_kind as FundingKind | null) ?? null,
    fundingName: row.funding_name,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    withdrawnAt: row.withdrawn_at,
    position: row.status === 'waitlisted' ? position : null,
  };
}
