/**
 * The small part of the browser the page scripts use, typed by hand: the project compiles without
 * the DOM library (it is a Node app), and a narrow surface keeps the scripts honest about what they
 * rely on. Shapes follow the DOM standard; only members the scripts call are listed.
 */

export interface BrowserEvent {
  preventDefault(): void;
  readonly target: unknown;
}

export interface BrowserClassList {
  add(...tokens: string[]): void;
  remove(...tokens: string[]): void;
  toggle(token: string, force?: boolean): boolean;
}

export interface BrowserElement {
  id: string;
  hidden: boolean;
  textContent: string | null;
  readonly tagName: string;
  readonly classList: BrowserClassList;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  addEventListener(type: string, listener: (event: BrowserEvent) => void): void;
  querySelector<Found extends BrowserElement = BrowserElement>(selectors: string): Found | null;
  querySelectorAll<Found extends BrowserElement = BrowserElement>(selectors: string): ArrayLike<Found>;
  closest(selectors: string): BrowserElement | null;
  appendChild(child: BrowserElement): BrowserElement;
  replaceChildren(...children: BrowserElement[]): void;
  focus(): void;
}

/** Inputs, selects, textareas and buttons alike. */
export interface BrowserFormControl extends BrowserElement {
  name: string;
  type: string;
  value: string;
  checked: boolean;
  disabled: boolean;
  /** A file input's chosen files. */
  readonly files?: { readonly length: number } | null;
}

export interface BrowserAnchor extends BrowserElement {
  href: string;
}

export interface BrowserDocument {
  getElementById<Found extends BrowserElement = BrowserElement>(id: string): Found | null;
  querySelector<Found extends BrowserElement = BrowserElement>(selectors: string): Found | null;
  querySelectorAll<Found extends BrowserElement = BrowserElement>(selectors: string): ArrayLike<Found>;
  createElement<Created extends BrowserElement = BrowserElement>(tagName: string): Created;
}

export interface BrowserHeaders {
  get(name: string): string | null;
}

export interface BrowserResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: BrowserHeaders;
  json(): Promise<unknown>;
}

export interface BrowserAbortSignal {
  readonly aborted: boolean;
}

export interface BrowserAbortController {
  readonly signal: BrowserAbortSignal;
  abort(): void;
}

export interface BrowserFetchInit {
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: BrowserAbortSignal;
  credentials: 'same-origin';
}

export interface BrowserCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/** `window`, as far as the page scripts are concerned. */
export interface BrowserWindow {
  readonly document: BrowserDocument;
  readonly crypto: BrowserCrypto;
  fetch(url: string, init: BrowserFetchInit): Promise<BrowserResponse>;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  readonly AbortController: new () => BrowserAbortController;
}
