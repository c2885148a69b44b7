/**
 * What the chat panel uses of the browser beyond the other page scripts: storage on this device
 * (the conversation's token, its last view, the messages not yet sent and the draft), the address
 * fragment that carries the resume token, and requests without a body (reading the conversation).
 */
import type { BrowserAbortSignal, BrowserResponse, BrowserWindow } from './browser-types';

export interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ChatFetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: BrowserAbortSignal;
  credentials: 'same-origin';
}

export interface ChatBrowserWindow extends Omit<BrowserWindow, 'fetch'> {
  fetch(url: string, init: ChatFetchInit): Promise<BrowserResponse>;
  readonly localStorage: BrowserStorage;
  readonly location: { readonly hash: string; readonly pathname: string };
  readonly history: { replaceState(data: null, unused: string, url: string): void };
}
