/**
 * The view-model of a credential PDF. Everything printed comes from here: the renderer holds no
 * user-facing text of its own (labels arrive translated; dates and numbers are formatted with `Intl`).
 */

/** Interface languages a PDF can be rendered in. */
export type PdfLocale = 'en' | 'fr' | 'es';

/** Which credential the page shows (changes nothing but the diploma's list of components). */
export type CredentialPdfKind = 'achievement' | 'participation' | 'diploma' | 'capstone';

/** Translated strings printed on the page, supplied by the caller in the PDF's language. */
export interface CredentialPdfLabels {
  /** Main heading, e.g. "Certificate of Achievement" or "Diploma". */
  heading: string;
  /** Line above the holder's name, e.g. "This certifies that". */
  certifies: string;
  /** Line between the name and the title, e.g. "has successfully completed the course". */
  completion: string;
  /** Caption of the award date, e.g. "Awarded on". */
  awardedOn: string;
  /** Caption of the number of hours, e.g. "Hours". */
  hours: string;
  /** Caption of the grade, e.g. "Grade". */
  grade: string;
  /** Caption above the diploma's component list, e.g. "Courses counted". Required when components are given. */
  components?: string;
  /** Caption under the QR code, e.g. "Verify this credential". */
  verify: string;
  /** Description of the attached credential file shown by PDF viewers, e.g. "Signed credential (JSON-LD)". */
  attachment: string;
}

/** One component credential of a diploma. */
export interface CredentialPdfComponent {
  title: string;
  /** `YYYY-MM-DD`. */
  awardedOn: string;
}

/** Input of `renderCredentialPdf`. */
export interface CredentialPdfModel {
  locale: PdfLocale;
  kind: CredentialPdfKind;
  /** Exactly as the person writes it, any script (normalised to NFC for drawing). */
  holderName: string;
  /** Course or programme title, in the PDF's language. */
  title: string;
  /** `YYYY-MM-DD`; also the PDF's creation and modification date (deterministic output). */
  awardedOn: string;
  hours: number | null;
  grade?: string | null;
  issuerName: string;
  /** Full verification URL, encoded in the QR code. */
  verifyUrl: string;
  /** Printed under the QR code, e.g. `example.org/v/ABCD-EFGH`. */
  shortUrl: string;
  /** For a diploma: the counted component credentials. */
  components?: CredentialPdfComponent[];
  /** The signed credential, attached as `credential.json` (application/ld+json). */
  signedCredentialJson: string;
  labels: CredentialPdfLabels;
}
