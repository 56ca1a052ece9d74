/**
 * How the LRS keeps an activity's definition as statements bring it (xAPI Communication 2.5: the
 * Activities resource returns everything the LRS knows of the activity). The newer definition wins
 * property by property, but its language maps add to the stored ones: a statement naming the activity in
 * French does not erase the English name an earlier statement gave.
 */
import { isObject, type JsonObject } from './xapi-statement.js';

/** The language maps of an activity definition (interaction components keep the newer list whole). */
const LANGUAGE_MAPS = ['name', 'description'] as const;

/** The definition to keep when `incoming` arrives for an activity already defined as `stored`. */
export function mergeActivityDefinitions(stored: JsonObject | undefined, incoming: JsonObject): JsonObject {
  if (!stored) return incoming;
  const merged: JsonObject = { ...stored, ...incoming };
  for (const key of LANGUAGE_MAPS) {
    const before = stored[key];
    const after = incoming[key];
    if (isObject(before) && isObject(after)) merged[key] = { ...before, ...after };
  }
  return merged;
}
