/**
 * The one error type of the platform. Every failure a user can meet is an AppError with a code from the
 * closed union below; `http/error-handler.ts` maps each code to an HTTP status and a translated message
 * (`errors.<code>` in the locale files). Never match errors by message text.
 */

/** Every error code, with when it is thrown. */
export const ERROR_CODES = {
  /** Input failed validation; `fields` says which and why. */
  validation_failed: 400,
  /** A request body, query or URL could not be understood at all (malformed JSON, wrong content type). */
  bad_request: 400,
  /** A JSON body nests arrays and objects deeper than the platform reads (src/http/json-body.ts). */
  body_too_deep: 400,
  /** The route needs a signed-in user (or an API token) and there is none. */
  unauthenticated: 401,
  /** Sign-in failed: unknown email or wrong password (never says which). */
  invalid_credentials: 401,
  /** The user is signed in but may not do this. */
  forbidden: 403,
  /** Sign-in succeeded but the email address is not confirmed yet (a new link was sent). */
  email_unconfirmed: 403,
  /** The CSRF token of a form is missing or wrong. */
  csrf_invalid: 403,
  /** The thing does not exist, or the user may not know it exists. */
  not_found: 404,
  /** A one-time link (password reset, email confirmation) is unknown, used or expired. */
  token_invalid: 410,
  /** A unique value is already used (course code, edition code, email at change time). */
  already_exists: 409,
  /** The action does not fit the current state (e.g. editing a retired course's editions). */
  invalid_state: 409,
  /** Too many attempts: sign-in or reset back-off, or the request rate limit. */
  too_many_attempts: 429,
  /** The request body is larger than allowed. */
  payload_too_large: 413,
  /** A credential's PDF could not be produced just now (fonts missing, rendering or storage failed); the
   * signed credential itself is unaffected and its other downloads work. */
  pdf_unavailable: 503,
  /** The database cannot be reached just now, or the server is overloaded (load shedding); try again
   * after Retry-After. */
  service_unavailable: 503,
  /** Something failed on our side; the response reveals nothing more. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A field-level problem: the path of the field and a message key (with its ICU values). */
export interface FieldError {
  path: string;
  key: string;
  values?: Record<string, string | number>;
}

/** The platform's single error type. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, fields: FieldError[] = []) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }

  /** The HTTP status for this error. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** True when `error` is an AppError with the given code (or any AppError when no code is given). */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
