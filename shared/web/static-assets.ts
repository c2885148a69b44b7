/**
 * The static assets of the requester pages and the staff console (stylesheets and page scripts), each served under a
 * name carrying a hash of its content: a page always links to the exact version it was rendered
 * with, so browsers may keep an asset for a year and a new deployment is picked up at once.
 */
import { createHash } from 'node:crypto';
import { CHAT_STYLESHEET } from './assets/chat-stylesheet';
import { CONSOLE_STYLESHEET } from './assets/console-stylesheet';
import { SITE_STYLESHEET } from './assets/site-stylesheet';
import { guardActionForms } from './client/action-form-guard';
import { enhanceChatPanel } from './client/chat-panel';
import { drawChatTurn } from './client/chat-turn';
import { enhanceConsole } from './client/console-enhancement';
import { enhanceIntakeForm } from './client/intake-form-enhancement';
import { describeTimeLeft } from './staff/time-left';

/** The requester pages' stylesheet and script, and what the staff console adds to them. */
export type AssetName = 'site.css' | 'site.js' | 'console.css' | 'console.js';

export interface StaticAsset {
  readonly name: AssetName;
  /** `site.3f2a9c1b07.css`: the name pages link to. */
  readonly fingerprintedName: string;
  readonly contentType: string;
  readonly body: Buffer;
  readonly etag: string;
}

/** The page script: each part runs only where its markup is present. */
const SITE_SCRIPT = [
  '"use strict";',
  `(${enhanceIntakeForm.toString()})(window);`,
  `(${guardActionForms.toString()})(window);`,
  `(${enhanceChatPanel.toString()})(window, ${drawChatTurn.toString()});`,
  '',
].join('\n');

/** The console's script: the countdowns are worded by the same function the server renders with. */
const CONSOLE_SCRIPT = [
  '"use strict";',
  `(${enhanceConsole.toString()})(window, ${describeTimeLeft.toString()});`,
  `(${guardActionForms.toString()})(window);`,
  '',
].join('\n');

const SOURCES: Readonly<Record<AssetName, { readonly contentType: string; readonly text: string }>> = {
  'site.css': { contentType: 'text/css; charset=utf-8', text: SITE_STYLESHEET + CHAT_STYLESHEET },
  'site.js': { contentType: 'text/javascript; charset=utf-8', text: SITE_SCRIPT },
  'console.css': { contentType: 'text/css; charset=utf-8', text: CONSOLE_STYLESHEET },
  'console.js': { contentType: 'text/javascript; charset=utf-8', text: CONSOLE_SCRIPT },
};

function fingerprinted(name: AssetName, hash: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

function buildAsset(name: AssetName): StaticAsset {
  const source = SOURCES[name];
  const body = Buffer.from(source.text, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { name, fingerprintedName: fingerprinted(name, hash), contentType: source.contentType, body, etag: `"${hash}"` };
}

const ASSETS: readonly StaticAsset[] = (Object.keys(SOURCES) as AssetName[]).map(buildAsset);

/** The URL a page links to. */
export function assetUrl(name: AssetName): string {
  const asset = ASSETS.find((candidate) => candidate.name === name);
  return `/assets/${asset === undefined ? name : asset.fingerprintedName}`;
}

export type AssetLookup = { readonly kind: 'fingerprinted' | 'plain'; readonly asset: StaticAsset } | { readonly kind: 'unknown' };

/**
 * Finds an asset by the file name in its URL. A fingerprint that is not the current one (a page
 * rendered before a deployment) gets the current asset as `plain`, which is revalidated rather
 * than cached for a year, so an old page still gets its styles and never a stale copy forever.
 */
export function lookUpAsset(file: string): AssetLookup {
  const exact = ASSETS.find((asset) => asset.fingerprintedName === file);
  if (exact !== undefined) return { kind: 'fingerprinted', asset: exact };
  const plainName = file.replace(/\.[0-9a-f]{10}(\.[a-z]+)$/, '$1');
  const plain = ASSETS.find((asset) => asset.name === plainName);
  return plain === undefined ? { kind: 'unknown' } : { kind: 'plain', asset: plain };
}
