/** A wrong command line or environment for the benchmark: printed without a stack trace. */
export class UsageError extends Error {}
