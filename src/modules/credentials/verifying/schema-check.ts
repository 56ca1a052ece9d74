/**
 * The `schema` check: the official Open Badges 3.0 AchievementCredential JSON Schema (draft 2019-09, ajv)
 * read from `schema/achievementcredential.json` (a verbatim copy, see schema/README.md) or from a path.
 * Two documented normalisations for forms VC 2.0 allows but the stricter schema does not: a single
 * `proof` object (1EdTech's own test vector) and an array of `credentialStatus` entries; and VC 1.1
 * credentials (OB 3.0 before its VC 2.0 update) are mapped to VC 2.0 names first. Each is reported by
 * its own code, so nothing is silently accepted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import {
  CLR_CREDENTIAL_SCHEMA,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
} from './contexts.js';
import { credentialDataModelProblems, describeProblems } from './data-model.js';

/** The schema copy shipped with the product. */
export const BUNDLED_SCHEMA_PATH = fileURLToPath(
  new URL('../schema/achievementcredential.json', import.meta.url),
);
/** Most schema problems listed in a check's details. */
const MAX_DETAILS = 10;

/** The outcome codes of the schema check. */
export type SchemaCode =
  | 'ok'
  | 'normalised'
  | 'legacy_data_model'
  | 'clr_components'
  | 'status_list'
  | 'invalid'
  | 'data_model'
  | 'unknown_schema';

/** The result of the schema check: pass/fail, a code and the failing JSON paths. */
export interface SchemaOutcome {
  ok: boolean;
  code: SchemaCode;
  details: string[];
}

const validators = new Map<string, ValidateFunction>();

/** The compiled official schema (memoised per path). */
export function achievementCredentialValidator(schemaPath: string = BUNDLED_SCHEMA_PATH): ValidateFunction {
  let validate = validators.get(schemaPath);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id?: string };
    const ajv = new Ajv2019.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    // The schema's $id (…-jsonschema1.json) is not the URL credentials cite in credentialSchema: know both.
    ajv.addSchema(schema);
    ajv.addSchema({ $ref: schema.$id ?? '' }, OB_ACHIEVEMENT_CREDENTIAL_SCHEMA);
    validate = ajv.getSchema(OB_ACHIEVEMENT_CREDENTIAL_SCHEMA)!;
    validators.set(schemaPath, validate);
  }
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, MAX_DETAILS)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
}

type Json = Record<string, unknown>;

function typesOf(credential: Json): string[] {
  const type = credential.type;
  return Array.isArray(type)
    ? type.filter((t): t is string => typeof t === 'string')
    : typeof type === 'string'
      ? [type]
      : [];
}

/** VC 1.1 names mapped to VC 2.0 (`issuanceDate` → `validFrom`, `expirationDate` → `validUntil`). */
function fromVc1(credential: Json): Json {
  const { issuanceDate, expirationDate, ...rest } = credential;
  const context = credential['@context'] as unknown[];
  return {
    ...rest,
    '@context': [VC_V2_CONTEXT, ...context.slice(1)],
    ...(issuanceDate !== undefined ? { validFrom: issuanceDate } : {}),
    ...(expirationDate !== undefined ? { validUntil: expirationDate } : {}),
  };
}

function normalise(credential: Json): { credential: Json; changed: boolean; details: string[] } {
  let changed = false;
  const details: string[] = [];
  const copy: Json = { ...credential };
  if (copy.proof !== undefined && !Array.isArray(copy.proof)) {
    copy.proof = [copy.proof];
    changed = true;
  }
  if (Array.isArray(copy.credentialStatus)) {
    const entries = copy.credentialStatus as unknown[];
    entries.forEach((entry, index) => {
      const item = entry as Json | null;
      if (!item || typeof item.id !== 'string' || typeof item.type !== 'string') {
        details.push(`/credentialStatus/${index} must have string id and type`);
      }
    });
    copy.credentialStatus = entries[0];
    changed = true;
  }
  return { credential: copy, changed, details };
}

/** Validates one OB credential; `schemaPath` defaults to the bundled copy. */
export function checkAchievementCredential(credential: Json, schemaPath?: string): SchemaOutcome {
  const context = credential['@context'];
  const isVc1 = Array.isArray(context) && context[0] === VC_V1_CONTEXT;
  const mapped = isVc1 ? fromVc1(credential) : credential;
  const { credential: normalised, changed, details } = normalise(mapped);
  const validate = achievementCredentialValidator(schemaPath);
  if (!validate(normalised) || details.length) {
    return { ok: false, code: 'invalid', details: [...details, ...describeErrors(validate.errors)] };
  }
  const code: SchemaCode = isVc1 ? 'legacy_data_model' : changed ? 'normalised' : 'ok';
  return { ok: true, code, details: [] };
}

function checkClr(credential: Json, schemaPath?: string): SchemaOutcome {
  const subject = credential.credentialSubject as Json | undefined;
  const components = subject?.verifiableCredential;
  const problems: string[] = [];
  if (!Array.isArray(credential['@context']) || credential['@context'][0] !== VC_V2_CONTEXT) {
    problems.push('/@context/0 must be the VC 2.0 context');
  }
  if (!subject || !typesOf(subject).includes('ClrSubject'))
    problems.push('/credentialSubject must be a ClrSubject');
  if (!Array.isArray(components) || components.length === 0) {
    problems.push('/credentialSubject/verifiableCredential must be a non-empty array');
  } else {
    components.forEach((component, index) => {
      const outcome = checkAchievementCredential(component as Json, schemaPath);
      if (!outcome.ok)
        problems.push(
          ...outcome.details.map((detail) => `/credentialSubject/verifiableCredential/${index}${detail}`),
        );
    });
  }
  return problems.length
    ? { ok: false, code: 'invalid', details: problems.slice(0, MAX_DETAILS) }
    : { ok: true, code: 'clr_components', details: [] };
}

function checkStatusList(credential: Json): SchemaOutcome {
  const subject = credential.credentialSubject as Json | undefined;
  const valid =
    subject !== undefined &&
    typesOf(subject).includes('BitstringStatusList') &&
    typeof subject.encodedList === 'string' &&
    (typeof subject.statusPurpose === 'string' || Array.isArray(subject.statusPurpose));
  return valid
    ? { ok: true, code: 'status_list', details: [] }
    : {
        ok: false,
        code: 'invalid',
        details: ['/credentialSubject must be a BitstringStatusList with encodedList and statusPurpose'],
      };
}

/** The `credentialSchema` ids a credential declares. */
function declaredSchemas(credential: Json): string[] {
  const value = credential.credentialSchema;
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return items.map((item) => (item as Json | null)?.id).filter((id): id is string => typeof id === 'string');
}

/**
 * The schema check for any credential: first the VC 2.0 data model (every credential; VC 1.1 ones are
 * mapped), then a JSON Schema only where we know one for its type or the schema it declares: OB credentials
 * against the official schema, CLR credentials by their embedded OB credentials (the CLR 2.0 schema is not
 * in our reference data yet), status list credentials structurally. Any other conforming credential passes
 * with `data_model`; one that declares a schema we do not hold (we never fetch one) with `unknown_schema`.
 */
export function checkCredentialSchema(credential: Json, schemaPath?: string): SchemaOutcome {
  const isVc1 = Array.isArray(credential['@context']) && credential['@context'][0] === VC_V1_CONTEXT;
  const problems = isVc1 ? [] : credentialDataModelProblems(credential);
  if (problems.length)
    return { ok: false, code: 'invalid', details: describeProblems(problems).slice(0, MAX_DETAILS) };
  const types = typesOf(credential);
  const schemas = declaredSchemas(credential);
  if (
    types.includes('OpenBadgeCredential') ||
    types.includes('AchievementCredential') ||
    schemas.includes(OB_ACHIEVEMENT_CREDENTIAL_SCHEMA)
  ) {
    return checkAchievementCredential(credential, schemaPath);
  }
  if (types.includes('ClrCredential') || schemas.includes(CLR_CREDENTIAL_SCHEMA))
    return checkClr(credential, schemaPath);
  if (types.includes('BitstringStatusListCredential')) return checkStatusList(credential);
  if (schemas.length) return { ok: true, code: 'unknown_schema', details: schemas.slice(0, MAX_DETAILS) };
  return { ok: true, code: 'data_model', details: [] };
}
