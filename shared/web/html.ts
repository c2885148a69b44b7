/**
 * Server-side HTML with escaping by construction: every value interpolated into an `html` template
 * is escaped unless it is `SafeHtml` built by this module, so markup only ever comes from template
 * literals written in Baton's own source, never from a requester's text.
 */

const SAFE_HTML_BRAND: unique symbol = Symbol('SafeHtml');

/** Markup that is already safe to place in a page: built by `html`, or a vetted constant. */
export interface SafeHtml {
  readonly [SAFE_HTML_BRAND]: true;
  readonly markup: string;
}

/**
 * What a template accepts. `false`, `null` and `undefined` render nothing, so that
 * `${condition && html`…`}` reads naturally; arrays render their items one after another.
 */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => ESCAPES[character] ?? character);
}

function safe(markup: string): SafeHtml {
  return { [SAFE_HTML_BRAND]: true, markup };
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE_HTML_BRAND in value;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '';
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  if (isSafeHtml(value)) return value.markup;
  return value.map(render).join('');
}

/** The tagged template: the literal parts are trusted, every interpolation is escaped. */
export function html(literals: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = literals[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (literals[index + 1] ?? '');
  });
  return safe(markup);
}

/**
 * Marks text as markup without escaping it. Only for constants written in Baton's source (never
 * for anything that came from a request or the store): the name makes every use easy to audit.
 */
export function trustedHtml(markup: string): SafeHtml {
  return safe(markup);
}

/** Joins fragments with a separator that is itself escaped. */
export function joinHtml(parts: readonly HtmlValue[], separator: string): SafeHtml {
  return safe(parts.map(render).join(escapeHtml(separator)));
}
