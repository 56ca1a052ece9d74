/**
 * HTML rendered once per kept value and language: a value kept by `KeptResults` (the library's search
 * page, the committee's queues) is replaced by a new object when its tables change, so HTML memoised on
 * the object itself can never outlive the data it shows (no second table stamp to race with a write).
 */
const renderedByValue = new WeakMap<object, Map<string, string>>();

/** The HTML `render` gave for `value` under `variant` (e.g. the language), rendered the first time only. */
export function renderedOnce(value: object, variant: string, render: () => string): string {
  let byVariant = renderedByValue.get(value);
  if (!byVariant) {
    byVariant = new Map();
    renderedByValue.set(value, byVariant);
  }
  let html = byVariant.get(variant);
  if (html === undefined) {
    html = render();
    byVariant.set(variant, html);
  }
  return html;
}
