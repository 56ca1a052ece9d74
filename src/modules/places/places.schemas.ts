import { z } from 'zod';
import { DECLINE_REASON_MAX, FUNDING_KINDS, FUNDING_NAME_MAX } from './places.js';

/** Inputs of the places use cases, shared by the forms and the JSON API. */

const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max, 'validation.tooLong'))
    .transform((v) => (v === '' ? null : v));

const fundingShape = {
  fundingKind: z.enum(FUNDING_KINDS, 'places.validation.fundingKind'),
  fundingName: optionalText(FUNDING_NAME_MAX),
};

/** A participant's request for a place: how it is paid for. */
export const placeRequestSchema = z.object(fundingShape);
export type PlaceRequestInput = z.output<typeof placeRequestSchema>;

/** A manager's direct enrolment of a person (by email) with the funding. */
export const directEnrolSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, 'validation.required')
    .max(254, 'validation.tooLong')
    .pipe(z.email('validation.invalidEmail')),
  ...fundingShape,
});
export type DirectEnrolInput = z.output<typeof directEnrolSchema>;

/** Declining a request (or a confirmed place): the reason is told to the person. */
export const declineSchema = z.object({ reason: optionalText(DECLINE_REASON_MAX) });

/** The CSV text of a bulk enrolment (pasted, uploaded or sent as JSON). */
export const PLACES_IMPORT_MAX_CHARS = 500_000;
export const placesImportSchema = z.object({
  csv: z.string().min(1, 'validation.required').max(PLACES_IMPORT_MAX_CHARS, 'validation.tooLong'),
});
