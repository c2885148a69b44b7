/**
 * A template describes an email as plain-text blocks; `renderEmail` turns them into HTML (poured
 * into the MJML frame of `email-layout`) and plain text. Templates never write markup, so every
 * string a requester or engineer typed is escaped by construction, in every field, and the two
 * bodies always say the same thing.
 */
import { compiledLayout, DEFAULT_BRAND_COLOR, fillLayout, type LayoutContent, type LayoutSlot } from './email-layout';

export type EmailBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  /** Label/value rows, e.g. ticket number, severity, due instant. */
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** Someone's own words (a message, a description), line breaks kept. */
  | { readonly kind: 'quote'; readonly text: string }
  | { readonly kind: 'link'; readonly label: string; readonly url: string }
  /** What the reader is asked to do, drawn as a button: open the ticket, answer, confirm. */
  | { readonly kind: 'action'; readonly label: string; readonly url: string };

export interface EmailDocument {
  readonly subject: string;
  readonly blocks: readonly EmailBlock[];
  /** Who sends it, at the bottom of both bodies. */
  readonly signature: string;
}

/** Whose emails these are: the desk's name heads every email, in its colour. */
export interface EmailBranding {
  readonly deskName: string;
  readonly brandColor?: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Only web links become anchors; anything else (javascript:, data:) is shown as text. */
function isWebLink(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function escapedLines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function htmlBlock(block: Exclude<EmailBlock, { kind: 'action' }>): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 12px">${escapedLines(block.text)}</p>`;
    case 'heading':
      return `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(block.text)}</h2>`;
    case 'facts':
      return `<table style="border-collapse:collapse;margin:0 0 12px">${block.rows
        .map(([label, value]) => `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:2px 0">${escapedLines(value)}</td></tr>`)
        .join('')}</table>`;
    case 'list':
      return `<ul style="margin:0 0 12px">${block.items.map((item) => `<li>${escapedLines(item)}</li>`).join('')}</ul>`;
    case 'quote':
      return `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #ccc;color:#333">${escapedLines(block.text)}</blockquote>`;
    case 'link':
      return isWebLink(block.url)
        ? `<p style="margin:0 0 12px"><a href="${escapeHtml(block.url)}" style="color:#0b5cad">${escapeHtml(block.label)}</a></p>`
        : `<p style="margin:0 0 12px">${escapeHtml(block.label)}: ${escapeHtml(block.url)}</p>`;
  }
}

function textBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 60))}`;
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'quote':
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n');
    case 'link':
    case 'action':
      return `${block.label}: ${block.url}`;
  }
}

type Slot = LayoutContent['slots'][number];

/** Text blocks run together into one slot; each action with a web link is a button of its own. */
function slotsOf(blocks: readonly EmailBlock[]): Slot[] {
  const slots: Slot[] = [];
  for (const block of blocks) {
    if (block.kind === 'action' && isWebLink(block.url)) {
      slots.push({ kind: 'button', href: escapeHtml(block.url), label: escapeHtml(block.label) });
      continue;
    }
    const html = htmlBlock(block.kind === 'action' ? { kind: 'link', label: block.label, url: block.url } : block);
    const last = slots[slots.length - 1];
    if (last?.kind === 'text') slots[slots.length - 1] = { kind: 'text', html: `${last.html}\n${html}` };
    else slots.push({ kind: 'text', html });
  }
  return slots;
}

/** A subject is one line: a line break typed into a title must not start a new header. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, 250);
}

export async function renderEmail(document: EmailDocument, branding: EmailBranding): Promise<RenderedEmail> {
  const subject = oneLine(document.subject);
  const slots = slotsOf(document.blocks);
  const layout = await compiledLayout(
    slots.map((slot): LayoutSlot => slot.kind),
    branding.brandColor ?? DEFAULT_BRAND_COLOR,
  );
  const html = fillLayout(layout, { title: escapeHtml(subject), deskName: escapeHtml(branding.deskName), slots, signature: escapedLines(document.signature) });
  const text = [...document.blocks.map(textBlock), document.signature].join('\n\n');
  return { subject, html, text };
}
