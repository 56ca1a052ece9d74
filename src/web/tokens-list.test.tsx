import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.js';
import type { PageContext } from './page-context.js';
import { type TokenRow, TokensList } from './tokens-list.js';

const ctx: PageContext = {
  t: translator('en'),
  locale: 'en',
  path: '/account/tokens',
  user: null,
  csrf: 'csrf-token',
  flash: null,
  navigation: [],
};
const row = (extra: Partial<TokenRow> = {}): TokenRow => ({
  id: 'id-1',
  name: 'Scripts',
  shown: 'dp_abcd_…',
  createdAt: '2026-12-01T10:00:00Z',
  revokedAt: null,
  ...extra,
});
const render = (tokens: TokenRow[], created?: { name: string; secret: string }) =>
  renderToString(
    <TokensList
      ctx={ctx}
      messages="tokens"
      shownHeading="tokens.prefix"
      action="/account/tokens"
      nameMaxLength={80}
      tokens={tokens}
      created={created}
    />,
  );

describe('TokensList', () => {
  it('shows the "last used" column only for secrets whose use is recorded', () => {
    expect(render([row({ lastUsedAt: null })])).toContain(ctx.t.t('tokens.never'));
    expect(render([row()])).not.toContain(ctx.t.t('tokens.lastUsed'));
  });

  it('offers "Revoke" at <action>/<id>/revoke for valid secrets only, and shows a new secret once', () => {
    const html = render([row(), row({ id: 'id-2', revokedAt: '2026-12-02T10:00:00Z' })], {
      name: 'Scripts',
      secret: 'dp_secret',
    });
    expect(html).toContain('action="/account/tokens/id-1/revoke"');
    expect(html).not.toContain('/account/tokens/id-2/revoke');
    expect(html).toContain('<code class="secret">dp_secret</code>');
    expect(render([])).toContain(ctx.t.t('tokens.none'));
  });
});
