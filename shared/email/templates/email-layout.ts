/**
 * The responsive frame every email is poured into, written in MJML (mjml.io), which turns it into
 * the table markup Outlook, Gmail and phone mail apps all render alike. Compiling MJML takes tens
 * of milliseconds, so each frame (a brand colour and an order of text and buttons) is compiled once
 * per process, with placeholders, and every email fills the placeholders with escaped content.
 */
export type LayoutSlot = 'text' | 'button';

export interface LayoutBranding {
  readonly deskName: string;
  /** `#rrggbb`, checked by the organisation's schema. */
  readonly brandColor: string;
}

/** What fills a compiled frame; every value is already escaped HTML. */
export interface LayoutContent {
  readonly title: string;
  readonly deskName: string;
  readonly slots: readonly ({ readonly kind: 'text'; readonly html: string } | { readonly kind: 'button'; readonly href: string; readonly label: string })[];
  readonly signature: string;
}

export const DEFAULT_BRAND_COLOR = '#0b5cad';

const PLACEHOLDER = /%%BATON_([A-Z]+)_(\d+)%%/g;
const placeholder = (name: string, index = 0): string => `%%BATON_${name}_${String(index)}%%`;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function slotMarkup(slot: LayoutSlot, index: number, brandColor: string): string {
  return slot === 'text'
    ? `<mj-text>${placeholder('TEXT', index)}</mj-text>`
    : `<mj-button href="${placeholder('HREF', index)}" background-color="${brandColor}" color="#ffffff" font-size="15px" font-weight="600" border-radius="6px" inner-padding="12px 24px" padding="10px 0" align="left">${placeholder('LABEL', index)}</mj-button>`;
}

export function layoutSource(slots: readonly LayoutSlot[], brandColor: string): string {
  return `<mjml>
  <mj-head>
    <mj-title>${placeholder('TITLE')}</mj-title>
    <mj-attributes>
      <mj-all font-family="Segoe UI, Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.5" color="#1b1b1b" padding="4px 0" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="640px">
    <mj-section background-color="${brandColor}" padding="14px 24px">
      <mj-column><mj-text color="#ffffff" font-size="18px" font-weight="600">${placeholder('DESK')}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="20px 24px">
      <mj-column>
        ${slots.map((slot, index) => slotMarkup(slot, index, brandColor)).join('\n        ')}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column><mj-text color="#555555" font-size="13px">${placeholder('SIGNATURE')}</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/**
 * `mjml-browser` is MJML's compiler without file includes and the command line, which Baton does
 * not use; the full `mjml` package would bring a code formatter and, through an optional peer,
 * TypeScript into the deployment. Loaded on first use: functions that never email do not pay for it.
 */
async function compileMjml(source: string): Promise<string> {
  const { default: mjml2html } = await import('mjml-browser');
  const result = await mjml2html(source, { validationLevel: 'strict' });
  return result.html;
}

const compiled = new Map<string, Promise<string>>();

/** The compiled frame for these slots and colour, compiled once per process. */
export function compiledLayout(slots: readonly LayoutSlot[], brandColor: string): Promise<string> {
  const color = HEX_COLOR.test(brandColor) ? brandColor : DEFAULT_BRAND_COLOR;
  const key = `${color}|${slots.join(',')}`;
  const cached = compiled.get(key);
  if (cached !== undefined) return cached;
  const compiling = compileMjml(layoutSource(slots, color));
  compiled.set(key, compiling);
  // A failed compile is not kept: the next email tries again.
  compiling.catch(() => compiled.delete(key));
  return compiling;
}

/** Fills the frame in one pass, so content that looks like a placeholder is never filled in turn. */
export function fillLayout(layout: string, content: LayoutContent): string {
  return layout.replace(PLACEHOLDER, (whole, name: string, index: string) => {
    const slot = content.slots[Number(index)];
    switch (name) {
      case 'TITLE':
        return content.title;
      case 'DESK':
        return content.deskName;
      case 'SIGNATURE':
        return content.signature;
      case 'TEXT':
        return slot?.kind === 'text' ? slot.html : '';
      case 'HREF':
        return slot?.kind === 'button' ? slot.href : '';
      case 'LABEL':
        return slot?.kind === 'button' ? slot.label : '';
      default:
        return whole;
    }
  });
}
