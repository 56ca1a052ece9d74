import type { Translator } from '../../../i18n/i18n.js';
import type { CapstoneWarning } from '../capstone.js';

/** A milestone or the window's end, near or past, in the reader's language ("Outline: 2 March 2027, in 12 days."). */
export function capstoneWarningText(t: Translator, warning: CapstoneWarning): string {
  return t.t(warning.days < 0 ? 'capstones.warning.past' : 'capstones.warning.near', {
    what: t.t(`capstones.milestone.${warning.kind}`),
    date: t.date(warning.date, 'long'),
    days: Math.abs(warning.days),
  });
}
