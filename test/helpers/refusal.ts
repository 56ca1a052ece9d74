import { isAppError } from '../../src/kernel/errors.js';

/**
 * How a use case refused: `path:key` of its first field problem, else its error code; undefined when it
 * did not refuse. Other errors are thrown again.
 */
export async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error))
      return error.fields[0] ? `${error.fields[0].path}:${error.fields[0].key}` : error.code;
    throw error;
  }
  return undefined;
}
