import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { countryOptions } from '../i18n/countries.js';
import { SelectField } from './components.js';

/** What preact renders for a SelectField, option by option (the short-list path of the component). */
function reference(props: {
  value: string | null | undefined;
  options: readonly { value: string; label: string }[];
  empty: string | undefined;
  error: boolean;
}) {
  return renderToString(
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for="field-country">Country</label>
      <p class="hint" id="hint-country">
        h
      </p>
      {props.error ? (
        <p class="error" id="error-country">
          bad
        </p>
      ) : null}
      <select
        id="field-country"
        name="country"
        aria-describedby={props.error ? 'hint-country error-country' : 'hint-country'}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>,
  );
}

describe('SelectField with a long list (options rendered once per list)', () => {
  const awkward = Array.from({ length: 60 }, (_, i) => ({
    value: i === 3 ? 'a"b&<c>' : `v${i}`,
    label: i === 5 ? `x & y <z> "q" ' é` : `L${i}`,
  }));
  const lists = [countryOptions('en'), countryOptions('fr'), countryOptions('es'), awkward];

  it('renders byte for byte what preact renders, whatever is chosen, with or without an empty option', () => {
    for (const options of lists) {
      for (const value of [undefined, null, '', 'FR', 'NG', 'ZW', 'AD', 'zz', 'a"b&<c>', 'v59']) {
        for (const empty of [undefined, 'Any "country" & more']) {
          for (const error of [false, true]) {
            const html = renderToString(
              <SelectField
                name="country"
                label="Country"
                value={value}
                options={options}
                empty={empty}
                errors={error ? { country: 'bad' } : undefined}
                hint="h"
              />,
            );
            expect(html).toBe(reference({ value, options, empty, error }));
          }
        }
      }
    }
  });

  it('marks only the chosen option, and the next render of the same list none', () => {
    const options = countryOptions('en');
    const chosen = renderToString(<SelectField name="c" label="C" value="NG" options={options} />);
    expect(chosen.match(/ selected/g)).toHaveLength(1);
    expect(chosen).toContain('<option value="NG" selected>');
    const none = renderToString(<SelectField name="c" label="C" options={options} />);
    expect(none).not.toContain('selected');
  });
});
