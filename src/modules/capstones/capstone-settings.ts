/** A programme's capstone settings, with the defaults when none are saved. Not a use case. */
import type { Executor } from '../../db/database.js';
import { findSettings } from './capstones.repository.js';

export interface CapstoneSettings {
  rubricId: string | null;
  /** Hundredths of a percent. */
  passMark: number;
  discrepancy: number;
  showMark: boolean;
}

export const DEFAULT_SETTINGS: CapstoneSettings = {
  rubricId: null,
  passMark: 5000,
  discrepancy: 1000,
  showMark: false,
};

export async function capstoneSettings(db: Executor, programmeId: string): Promise<CapstoneSettings> {
  const row = await findSettings(db, programmeId);
  return row
    ? {
        rubricId: row.rubric_id,
        passMark: row.pass_mark,
        discrepancy: row.discrepancy,
        showMark: row.show_mark === 1,
      }
    : DEFAULT_SETTINGS;
}
