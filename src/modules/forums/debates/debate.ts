/** Structured debates' pure rules and shapes (the `debate` item kind). No I/O. */
export const DEBATE_KIND = 'debate';
