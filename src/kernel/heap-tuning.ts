/**
 * How far the server's heap may grow past what the last full collection kept (issue 17: resident memory
 * under 300 MB under load). V8 lets a busy heap grow by a factor it picks between 1.1 and 4 before the next
 * full collection, so under load the old generation fills with garbage and the process's resident memory
 * climbs by 100–150 MB above what it holds. `--heap-growing-percent=N` fixes the factor at 1 + N/100: a
 * heap that stays a bounded step above its live data, whatever that is (nothing like a hard limit that
 * could run out). Set at start, before the heap grows (`HEAP_GROWING_PERCENT`, default 50; 0 leaves V8's own
 * rule). See docs/operations.md, "Memory under load", and bench/README.md.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneHeap(heapGrowingPercent: number): void {
  if (heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
