import { describe, expect, it } from 'vitest';
import { latin1Html, renderedOnce, renderedOnceWithToken } from './rendered-once.js';

describe('kept HTML', () => {
  it('writes characters beyond Latin-1 as character references and leaves the rest alone', () => {
    expect(latin1Html('<td>Nguyễn Thị Lan</td>')).toBe('<td>Nguy&#7877;n Th&#7883; Lan</td>');
    expect(latin1Html('<a title="Sudáfrica — ZA">Côte d’Ivoire 😀</a>')).toBe(
      '<a title="Sudáfrica &#8212; ZA">Côte d&#8217;Ivoire &#128512;</a>',
    );
    expect(latin1Html('<p>plain</p>')).toBe('<p>plain</p>');
  });

  it('renders once per value and variant, Latin-1 only', () => {
    const value = {};
    let renders = 0;
    const render = () => {
      renders++;
      return '<p>王芳</p>';
    };
    expect(renderedOnce(value, 'en', render)).toBe('<p>&#29579;&#33459;</p>');
    expect(renderedOnce(value, 'en', render)).toBe('<p>&#29579;&#33459;</p>');
    expect(renderedOnce(value, 'fr', render)).toBe('<p>&#29579;&#33459;</p>');
    expect(renders).toBe(2);
    // Nothing beyond Latin-1 is left, so V8 can hold the page as a one-byte string.
    expect(/[\u0100-\u{10ffff}]/u.test(renderedOnce({}, 'en', render))).toBe(false);
  });

  it('renders a form once and puts each request’s token in', () => {
    const value = {};
    let renders = 0;
    const render = (token: string) => {
      renders++;
      return `<form><input type="hidden" name="_csrf" value="${token}"></form>`;
    };
    expect(renderedOnceWithToken(value, 'en', 'one', render)).toBe(
      '<form><input type="hidden" name="_csrf" value="one"></form>',
    );
    expect(renderedOnceWithToken(value, 'en', 'two', render)).toBe(
      '<form><input type="hidden" name="_csrf" value="two"></form>',
    );
    expect(renders).toBe(1);
  });
});
