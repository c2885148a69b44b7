/**
 * The guided chat panel, run in the browser. It starts a conversation (or resumes the one named in
 * the address, or kept on this device), shows one question at a time, and sends each message with
 * an id of its own. A message is kept on this device until the server has stored it: while the
 * support desk cannot be reached the panel says so plainly, keeps the message and the draft, and
 * sends the message again, with the same id, until it is answered. Reloading resumes from the
 * server's copy plus what is still waiting here.
 *
 * Served as text (`enhanceChatPanel.toString()`), so the function must stay self-contained: no
 * imports or module-level values are reachable from inside it, only its parameters and ES globals.
 * The turn (question, summary, ticket) is drawn by `drawChatTurn` (chat-turn.ts), handed in.
 */
import type { BrowserAnchor, BrowserElement, BrowserResponse } from './browser-types';
import type { ChatBrowserWindow } from './chat-browser-types';
import type { ChatTurnActions, drawChatTurn } from './chat-turn';

export function enhanceChatPanel(browser: ChatBrowserWindow, drawTurn: typeof drawChatTurn): void {
  const doc = browser.document;
  const found = doc.querySelector('[data-chat-panel]');
  if (found === null) return;
  const panel: BrowserElement = found;
  const TIMEOUT_MS = 20000;
  const MAX_WAIT_SECONDS = 30;
  const KEY = 'baton.chat.';
  const api = panel.getAttribute('data-api') ?? '/api/chat/conversations';
  const log = doc.getElementById('chat-log');
  const turn = doc.getElementById('chat-turn');
  const status = doc.getElementById('chat-status');
  const announce = doc.getElementById('chat-announce');
  const resume = doc.getElementById('chat-resume');
  const fallback = doc.getElementById('chat-fallback');
  if (fallback !== null) fallback.hidden = true;
  panel.hidden = false;

  type Json = Record<string, unknown>;
  interface Pending {
    clientMessageId: string;
    body: Json;
    text: string;
  }
  let token = '';
  let view: Json | undefined;
  let outbox: Pending[] = [];
  let flushing = false;
  let retryTimer: number | undefined;
  let lastAnnounced = '';
  let lastTurn = '';

  // --- This device's copy -------------------------------------------------------------------
  function stored(name: string): string | null {
    try {
      return browser.localStorage.getItem(KEY + name);
    } catch {
      return null;
    }
  }
  function store(name: string, value: string | undefined): void {
    try {
      if (value === undefined) browser.localStorage.removeItem(KEY + name);
      else browser.localStorage.setItem(KEY + name, value);
    } catch {
      // Private browsing may refuse storage: the conversation still works while the page is open.
    }
  }
  function parsed(text: string | null): unknown {
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  function record(value: unknown): Json {
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  }
  function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
  }
  function saveOutbox(): void {
    store(`outbox.${token}`, outbox.length === 0 ? undefined : JSON.stringify(outbox));
  }
  function adopt(newToken: string): void {
    token = newToken;
    store('current', token);
    browser.history.replaceState(null, '', `${browser.location.pathname}#${token}`);
    const waiting = parsed(stored(`outbox.${token}`));
    outbox = Array.isArray(waiting) ? (waiting as Pending[]).filter((item) => typeof item.clientMessageId === 'string') : [];
    const kept = parsed(stored(`view.${token}`));
    if (kept !== undefined) view = record(kept);
  }
  function newId(): string {
    const bytes = browser.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // --- Talking to the support desk ----------------------------------------------------------
  interface Answer {
    status: number;
    data: Json;
    waitSeconds: number;
  }
  function waitOf(response: BrowserResponse): number {
    const header = response.headers.get('Retry-After');
    const seconds = header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : 3;
    return Math.min(Math.max(seconds, 1), MAX_WAIT_SECONDS);
  }
  async function call(method: string, url: string, body?: Json): Promise<Answer> {
    const controller = new browser.AbortController();
    const timer = browser.setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await browser.fetch(url, {
        method,
        headers: { Accept: 'application/json, application/problem+json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
        credentials: 'same-origin',
      });
      const data = record(await response.json().catch(() => undefined));
      return { status: response.status, data, waitSeconds: waitOf(response) };
    } catch {
      return { status: 0, data: {}, waitSeconds: 3 };
    } finally {
      browser.clearTimeout(timer);
    }
  }
  function unreachable(answer: Answer): boolean {
    return answer.status === 0 || answer.status === 429 || answer.status >= 500;
  }

  // --- What the page says -------------------------------------------------------------------
  function element(tag: string, content: string, className?: string): BrowserElement {
    const created = doc.createElement(tag);
    created.textContent = content;
    if (className !== undefined) created.setAttribute('class', className);
    return created;
  }
  function showStatus(kind: 'failed' | 'info', heading: string, lines: string[]): void {
    if (status === null) return;
    status.setAttribute('class', `notice notice-${kind}`);
    status.setAttribute('role', kind === 'failed' ? 'alert' : 'status');
    status.replaceChildren(element('h3', heading), ...lines.map((line) => element('p', line)));
    status.hidden = false;
  }
  function hideStatus(): void {
    if (status !== null) status.hidden = true;
  }
  function showUnreachable(waitSeconds: number): void {
    showStatus('failed', 'The support desk cannot be reached right now', [
      outbox.length > 0
        ? 'Your message was NOT received yet. It is kept on this device and will be sent by itself when the service answers again, so nothing you typed is lost.'
        : 'Nothing you typed is lost: the conversation will carry on as soon as the service answers again.',
      `Trying again in ${String(waitSeconds)} seconds. You can also close this page and come back later with the link below.`,
    ]);
  }

  function renderLog(): void {
    if (log === null) return;
    const messages = Array.isArray(view?.messages) ? (view?.messages as unknown[]) : [];
    const items = messages.map((item) => {
      const message = record(item);
      const fromBaton = message.from === 'baton';
      const entry = element('li', '', fromBaton ? 'chat-message chat-from-desk' : 'chat-message chat-from-you');
      entry.appendChild(element('span', fromBaton ? 'Support desk: ' : 'You: ', 'visually-hidden'));
      entry.appendChild(element('p', text(message.text)));
      return entry;
    });
    const waiting = outbox.map((item) => {
      const entry = element('li', '', 'chat-message chat-from-you chat-pending');
      entry.setAttribute('data-pending', item.clientMessageId);
      entry.appendChild(element('span', 'You: ', 'visually-hidden'));
      entry.appendChild(element('p', item.text));
      entry.appendChild(element('span', 'Not sent yet: kept on this device', 'chat-pending-note'));
      return entry;
    });
    log.replaceChildren(...items, ...waiting);
    const last = messages.length === 0 ? {} : record(messages[messages.length - 1]);
    const said = last.from === 'baton' ? text(last.text) : '';
    if (announce !== null && said !== '' && said !== lastAnnounced) {
      lastAnnounced = said;
      announce.textContent = said;
    }
  }

  function send(body: Json, shown: string): void {
    const clientMessageId = newId();
    outbox.push({ clientMessageId, body: { ...body, clientMessageId }, text: shown });
    saveOutbox();
    store(`draft.${token}`, undefined);
    render();
    void flush();
  }

  const turnActions: ChatTurnActions = {
    send,
    draft(key) {
      const draft = record(parsed(stored(`draft.${token}`)));
      return draft.key === key ? text(draft.text) : '';
    },
    keepDraft(key, typed) {
      store(`draft.${token}`, JSON.stringify({ key, text: typed }));
    },
    startAgain() {
      // The conversation stays reachable by its link; this device forgets it, and the next one starts afresh.
      store('current', undefined);
      store(`view.${token}`, undefined);
      token = '';
      view = undefined;
      browser.history.replaceState(null, '', browser.location.pathname);
      render();
      void begin();
    },
  };

  function render(): void {
    renderLog();
    if (turn === null) return;
    const prompt = record(view?.prompt);
    const kind = text(prompt.kind);
    const waiting = outbox.length > 0;
    const signature = `${kind}|${text(prompt.key)}|${String(waiting)}|${String(Array.isArray(view?.messages) ? (view?.messages as unknown[]).length : 0)}`;
    if (signature === lastTurn) return;
    lastTurn = signature;
    if (view === undefined) {
      turn.replaceChildren(element('p', 'Starting the conversation…', 'sending'));
    } else if (waiting) {
      // The next question depends on the answer on its way: nothing more is asked until it arrives.
      turn.replaceChildren(element('p', 'Sending your message…', 'sending'));
    } else {
      turn.replaceChildren(...drawTurn(doc, view, turnActions));
    }
    if (resume !== null && token !== '' && kind !== 'opened') {
      const link = doc.createElement<BrowserAnchor>('a');
      link.href = `${browser.location.pathname}#${token}`;
      link.textContent = 'this link';
      resume.replaceChildren(element('span', 'To carry on later, even on another device, keep '), link, element('span', ': it is the only key to this conversation.'));
      resume.hidden = false;
    } else if (resume !== null) {
      resume.hidden = true;
    }
    const focusTarget = turn.querySelector('#chat-input') ?? turn.querySelector('#chat-received') ?? turn.querySelector('button');
    if (focusTarget !== null && !waiting) focusTarget.focus();
  }

  // --- The conversation's life --------------------------------------------------------------
  function later(action: () => void, seconds: number): void {
    if (retryTimer !== undefined) browser.clearTimeout(retryTimer);
    retryTimer = browser.setTimeout(() => {
      retryTimer = undefined;
      action();
    }, seconds * 1000);
  }

  function took(conversation: Json): void {
    view = conversation;
    store(`view.${token}`, JSON.stringify(conversation));
  }

  async function flush(): Promise<void> {
    if (flushing || token === '') return;
    flushing = true;
    try {
      while (outbox.length > 0) {
        const next = outbox[0];
        if (next === undefined) break;
        const answer = await call('POST', `${api}/${encodeURIComponent(token)}/messages`, next.body);
        if (unreachable(answer)) {
          showUnreachable(answer.waitSeconds);
          later(() => void flush(), answer.waitSeconds);
          return;
        }
        outbox.shift();
        saveOutbox();
        if (answer.status === 200) {
          hideStatus();
          took(record(answer.data.conversation));
        } else {
          // Refused for good (the conversation was confirmed, or the message was malformed): say why, read it afresh.
          showStatus('failed', 'That message was not taken', [text(answer.data.detail) || `The support desk answered ${String(answer.status)}.`]);
          await load();
        }
        render();
      }
    } finally {
      flushing = false;
    }
  }

  async function begin(): Promise<void> {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const answer = await call('POST', api, typeof zone === 'string' && zone !== '' ? { timeZone: zone } : {});
    if (answer.status === 200) {
      hideStatus();
      adopt(text(answer.data.conversationId));
      took(answer.data);
      render();
      return;
    }
    showUnreachable(answer.waitSeconds);
    later(() => void begin(), answer.waitSeconds);
  }

  async function load(): Promise<void> {
    const answer = await call('GET', `${api}/${encodeURIComponent(token)}`);
    if (answer.status === 200) {
      hideStatus();
      took(answer.data);
      render();
      await flush();
      return;
    }
    if (answer.status === 404) {
      store('current', undefined);
      store(`view.${token}`, undefined);
      store(`outbox.${token}`, undefined);
      showStatus('info', 'That conversation is no longer kept', ['Conversations left unfinished are deleted after a while. A new one has started below.']);
      view = undefined;
      outbox = [];
      await begin();
      return;
    }
    showUnreachable(answer.waitSeconds);
    render();
    later(() => void load(), answer.waitSeconds);
  }

  const named = browser.location.hash.replace(/^#/, '');
  const kept = stored('current') ?? '';
  const known = /^[A-Za-z0-9_-]{43}$/.test(named) ? named : /^[A-Za-z0-9_-]{43}$/.test(kept) ? kept : '';
  if (known === '') {
    render();
    void begin();
  } else {
    adopt(known);
    render();
    void load();
  }
}
