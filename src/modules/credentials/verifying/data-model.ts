/**
 * Pure: the W3C Verifiable Credentials 2.0 data model rules a conforming issuer and verifier both apply to
 * any credential, whatever its type (Open Badges or not). Each problem names the property (a JSON path),
 * so the issuer can refuse with a clear error and the verifier report it in the `schema` check.
 */
import { VC_V2_CONTEXT } from './contexts.js';

type Json = Record<string, unknown>;

/** One broken rule: the JSON path of the property and what is wrong with it (a stable code). */
export interface DataModelProblem {
  path: string;
  problem: string;
}

/** An XML Schema dateTimeStamp (a date and time with a time zone), as VC 2.0 requires for dates. */
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** A URL (absolute IRI): a scheme, a colon and something. */
const URL_LIKE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const isUrl = (value: unknown): boolean => typeof value === 'string' && URL_LIKE.test(value);

/** Pure: the `type` values of an object (a string or an array of strings). */
export function typesOf(value: Json): string[] {
  return listOf(value.type).filter((t): t is string => typeof t === 'string');
}

function hasType(value: Json): boolean {
  const types = listOf(value.type);
  return types.length > 0 && types.every((t) => typeof t === 'string' && t !== '');
}

/** Properties whose every value must be an object with a `type` (VC 2.0 §4.x). */
const TYPED_PROPERTIES = ['credentialStatus', 'credentialSchema', 'refreshService', 'termsOfUse', 'evidence'];

function typedProblems(credential: Json): DataModelProblem[] {
  const problems: DataModelProblem[] = [];
  for (const property of TYPED_PROPERTIES) {
    listOf(credential[property]).forEach((item, index) => {
      const path = Array.isArray(credential[property]) ? `${property}/${index}` : property;
      if (!isObject(item)) problems.push({ path, problem: 'notAnObject' });
      else if (!hasType(item)) problems.push({ path: `${path}/type`, problem: 'missingType' });
      else if (item.id !== undefined && !isUrl(item.id))
        problems.push({ path: `${path}/id`, problem: 'notAUrl' });
    });
  }
  listOf(credential.credentialSchema).forEach((item, index) => {
    if (isObject(item) && !isUrl(item.id))
      problems.push({ path: `credentialSchema/${index}/id`, problem: 'notAUrl' });
  });
  return problems;
}

function relatedResourceProblems(credential: Json): DataModelProblem[] {
  if (credential.relatedResource === undefined) return [];
  const problems: DataModelProblem[] = [];
  const seen = new Set<string>();
  listOf(credential.relatedResource).forEach((item, index) => {
    const path = `relatedResource/${index}`;
    if (!isObject(item)) problems.push({ path, problem: 'notAnObject' });
    else if (!isUrl(item.id)) problems.push({ path: `${path}/id`, problem: 'notAUrl' });
    else {
      if (seen.has(item.id as string)) problems.push({ path: `${path}/id`, problem: 'duplicateId' });
      seen.add(item.id as string);
      if (typeof item.digestSRI !== 'string' && typeof item.digestMultibase !== 'string')
        problems.push({ path: `${path}/digestSRI`, problem: 'missingDigest' });
    }
  });
  return problems;
}

function contextProblems(credential: Json): DataModelProblem[] {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT)
    return [{ path: '@context', problem: 'notVc2' }];
  const bad = context.findIndex((item) => !(isUrl(item) || isObject(item)));
  return bad >= 0 ? [{ path: `@context/${bad}`, problem: 'invalid' }] : [];
}

function subjectProblems(credential: Json): DataModelProblem[] {
  const subjects = listOf(credential.credentialSubject);
  if (subjects.length === 0) return [{ path: 'credentialSubject', problem: 'required' }];
  const problems: DataModelProblem[] = [];
  subjects.forEach((subject, index) => {
    const path = Array.isArray(credential.credentialSubject)
      ? `credentialSubject/${index}`
      : 'credentialSubject';
    if (!isObject(subject) || Object.keys(subject).length === 0)
      problems.push({ path, problem: 'notAnObject' });
    else if (subject.id !== undefined && !isUrl(subject.id))
      problems.push({ path: `${path}/id`, problem: 'notAUrl' });
  });
  return problems;
}

function dateProblems(credential: Json): DataModelProblem[] {
  const problems: DataModelProblem[] = [];
  for (const property of ['validFrom', 'validUntil']) {
    const value = credential[property];
    if (value !== undefined && !(typeof value === 'string' && DATE_TIME_STAMP.test(value)))
      problems.push({ path: property, problem: 'notADateTime' });
  }
  return problems;
}

function issuerProblems(credential: Json): DataModelProblem[] {
  const issuer = credential.issuer;
  if (issuer === undefined) return [{ path: 'issuer', problem: 'required' }];
  const id = isObject(issuer) ? issuer.id : issuer;
  return isUrl(id) ? [] : [{ path: isObject(issuer) ? 'issuer/id' : 'issuer', problem: 'notAUrl' }];
}

/** Pure: every VC 2.0 data model rule a credential breaks (empty when it conforms). */
export function credentialDataModelProblems(credential: Json): DataModelProblem[] {
  const problems = contextProblems(credential);
  if (credential.id !== undefined && !isUrl(credential.id)) problems.push({ path: 'id', problem: 'notAUrl' });
  if (!typesOf(credential).includes('VerifiableCredential') || !hasType(credential))
    problems.push({ path: 'type', problem: 'notVc2' });
  return [
    ...problems,
    ...issuerProblems(credential),
    ...subjectProblems(credential),
    ...dateProblems(credential),
    ...typedProblems(credential),
    ...relatedResourceProblems(credential),
  ];
}

/** Pure: the VC 2.0 data model rules of a presentation (its credentials are checked one by one). */
export function presentationDataModelProblems(presentation: Json): DataModelProblem[] {
  const problems = contextProblems(presentation);
  if (presentation.id !== undefined && !isUrl(presentation.id))
    problems.push({ path: 'id', problem: 'notAUrl' });
  if (!typesOf(presentation).includes('VerifiablePresentation'))
    problems.push({ path: 'type', problem: 'notVc2' });
  if (presentation.holder !== undefined) {
    const holder = isObject(presentation.holder) ? presentation.holder.id : presentation.holder;
    if (!isUrl(holder)) problems.push({ path: 'holder', problem: 'notAUrl' });
  }
  return problems;
}

/** Pure: the problems as `path problem` strings (a check's details). */
export function describeProblems(problems: DataModelProblem[]): string[] {
  return problems.map((item) => `/${item.path} ${item.problem}`);
}
