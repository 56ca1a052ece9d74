/**
 * The moderation sample, pure: every fail, every borderline mark (within `borderline` hundredths of the pass
 * mark) and a share of the others, chosen by a stable hash of their ids (the same sample on every reload).
 */
import { createHash } from 'node:crypto';

export interface Sampled {
  id: string;
  /** The mark to judge by (the agreed one, else the first marker's), hundredths; null when not marked. */
  mark: number | null;
  passMark: number;
}

/** Pure: the ids in the sample (unmarked submissions are never in it). */
export function moderationSample(items: readonly Sampled[], percent = 10, borderline = 500): Set<string> {
  const marked = items.filter((i) => i.mark !== null);
  const must = marked.filter((i) => i.mark! < i.passMark || Math.abs(i.mark! - i.passMark) <= borderline);
  const out = new Set(must.map((i) => i.id));
  const rest = marked
    .filter((i) => !out.has(i.id))
    .map((i) => ({ id: i.id, key: createHash('sha256').update(i.id).digest('hex') }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const share = Math.ceil((rest.length * percent) / 100);
  for (const item of rest.slice(0, share)) out.add(item.id);
  return out;
}
