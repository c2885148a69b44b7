import fc from 'fast-check';
import { escapeHtml, html, joinHtml, trustedHtml } from '../../../shared/web/html';

describe('the html template', () => {
  it('escapes an interpolated script so it is shown as text', () => {
    const payload = '<script>alert("x")</script>';
    expect(html`<p>${payload}</p>`.markup).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('keeps an attribute value inside its quotes', () => {
    const payload = `" autofocus onfocus='alert(1)' x="`;
    expect(html`<input value="${payload}">`.markup).toBe('<input value="&quot; autofocus onfocus=&#39;alert(1)&#39; x=&quot;">');
  });

  it('nests fragments it built itself without escaping them twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(html`<p>${inner}</p>`.markup).toBe('<p><em>a &amp; b</em></p>');
  });

  it('renders lists item by item and leaves out false, null and undefined', () => {
    expect(html`<ul>${['<1>', '2'].map((item) => html`<li>${item}</li>`)}</ul>`.markup).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>');
    expect(html`${false}${null}${undefined}${0}`.markup).toBe('0');
  });

  it('passes through only what is explicitly marked as trusted', () => {
    expect(html`${trustedHtml('<br>')}${'<br>'}`.markup).toBe('<br>&lt;br&gt;');
  });

  it('escapes the separator of a join', () => {
    expect(joinHtml(['a', html`<b>b</b>`], ' <> ').markup).toBe('a &lt;&gt; <b>b</b>');
  });

  it('never lets any string add markup, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const markup = html`<p title="${text}">${text}</p>`.markup;
        const inside = markup.slice('<p title="'.length, -'</p>'.length).replace(`">`, '');
        expect(inside).not.toMatch(/[<>"'`]/);
        expect(escapeHtml(text).length).toBeGreaterThanOrEqual(text.length);
      }),
    );
  });
});
