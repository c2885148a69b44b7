/**
 * The chat panel's turn: the open question (a text box, or the choices as buttons), the summary
 * with a "Change" button per answer, or the ticket the conversation became. Drawn afresh from the
 * conversation the server answered; what the requester does goes back through `actions`.
 *
 * Served as text and handed to the panel's script (see static-assets.ts), so the function must stay
 * self-contained: nothing outside it is reachable from inside, only its parameters and ES globals.
 */
import type { BrowserAnchor, BrowserDocument, BrowserElement, BrowserFormControl } from './browser-types';

export interface ChatTurnActions {
  send(body: Record<string, unknown>, shown: string): void;
  /** The draft kept on this device for a question, if any. */
  draft(key: string): string;
  keepDraft(key: string, text: string): void;
  startAgain(): void;
}

export function drawChatTurn(doc: BrowserDocument, view: Record<string, unknown>, actions: ChatTurnActions): BrowserElement[] {
  type Json = Record<string, unknown>;
  function record(value: unknown): Json {
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  }
  function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
  }
  function element(tag: string, content: string, className?: string): BrowserElement {
    const created = doc.createElement(tag);
    created.textContent = content;
    if (className !== undefined) created.setAttribute('class', className);
    return created;
  }
  function button(label: string, className: string, onClick: () => void): BrowserFormControl {
    const created = doc.createElement<BrowserFormControl>('button');
    created.setAttribute('type', 'button');
    created.setAttribute('class', className);
    created.textContent = label;
    created.addEventListener('click', onClick);
    return created;
  }

  function questionTurn(prompt: Json): BrowserElement[] {
    const key = text(prompt.key);
    const parts: BrowserElement[] = [];
    const hint = text(prompt.hint);
    const current = text(prompt.current);
    const back = prompt.canGoBack === true ? [button('Go back', 'button button-secondary', () => actions.send({ action: 'back' }, 'Go back'))] : [];
    if (prompt.answerKind === 'text') {
      const form = doc.createElement('form');
      form.setAttribute('id', 'chat-answer');
      form.setAttribute('novalidate', '');
      const label = element('label', text(prompt.prompt), 'chat-question');
      label.setAttribute('for', 'chat-input');
      form.appendChild(label);
      if (hint !== '') form.appendChild(element('span', hint, 'hint'));
      if (current !== '') form.appendChild(element('span', `Your answer so far: ${current}`, 'hint'));
      const input = doc.createElement<BrowserFormControl>(prompt.long === true ? 'textarea' : 'input');
      input.setAttribute('id', 'chat-input');
      input.setAttribute('name', 'answer');
      if (prompt.long !== true) input.setAttribute('type', 'text');
      if (key === 'email') input.setAttribute('autocomplete', 'email');
      if (key === 'name') input.setAttribute('autocomplete', 'name');
      input.value = actions.draft(key) || current;
      input.addEventListener('input', () => actions.keepDraft(key, input.value));
      form.appendChild(input);
      const row = element('div', '', 'actions-row');
      const submit = doc.createElement<BrowserFormControl>('button');
      submit.setAttribute('type', 'submit');
      submit.setAttribute('class', 'button');
      submit.setAttribute('id', 'chat-send');
      submit.textContent = 'Send';
      row.appendChild(submit);
      for (const item of back) row.appendChild(item);
      form.appendChild(row);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (input.value.trim() === '') {
          input.focus();
          return;
        }
        actions.send({ text: input.value }, input.value);
      });
      parts.push(form);
      return parts;
    }
    const group = doc.createElement('fieldset');
    group.setAttribute('class', 'chat-choices');
    group.appendChild(element('legend', text(prompt.prompt), 'chat-question'));
    if (hint !== '') group.appendChild(element('p', hint, 'hint'));
    const choices = prompt.answerKind === 'yes-no' ? [{ label: 'Yes' }, { label: 'No' }] : Array.isArray(prompt.choices) ? (prompt.choices as unknown[]).map(record) : [];
    for (const choice of choices) {
      const label = text(choice.label);
      const option = button('', 'chat-choice', () => actions.send({ text: label }, label));
      option.appendChild(element('span', label, 'chat-choice-label'));
      const choiceHint = text(choice.hint);
      if (choiceHint !== '') option.appendChild(element('span', choiceHint, 'hint'));
      if (label === current) option.setAttribute('aria-current', 'true');
      group.appendChild(option);
    }
    if (back.length > 0) {
      const row = element('div', '', 'actions-row');
      for (const item of back) row.appendChild(item);
      group.appendChild(row);
    }
    parts.push(group);
    return parts;
  }

  function summaryTurn(prompt: Json): BrowserElement[] {
    const box = element('div', '', 'chat-summary');
    box.appendChild(element('h3', 'Check your request'));
    const list = doc.createElement('dl');
    list.setAttribute('class', 'facts');
    for (const item of Array.isArray(prompt.lines) ? (prompt.lines as unknown[]).map(record) : []) {
      const label = text(item.label);
      list.appendChild(element('dt', label));
      const value = element('dd', '');
      value.appendChild(element('span', text(item.value), 'chat-summary-value'));
      const change = button('Change', 'button button-secondary chat-change', () => actions.send({ action: 'change', question: text(item.key) }, `Change: ${label}`));
      change.setAttribute('aria-label', `Change ${label}`);
      value.appendChild(change);
      list.appendChild(value);
    }
    box.appendChild(list);
    const row = element('div', '', 'actions-row');
    const confirm = button('Confirm and send', 'button', () => actions.send({ action: 'confirm' }, 'Confirm and send'));
    confirm.setAttribute('id', 'chat-confirm');
    row.appendChild(confirm);
    row.appendChild(button('Go back', 'button button-secondary', () => actions.send({ action: 'back' }, 'Go back')));
    box.appendChild(row);
    return [box];
  }

  /** The ticket's link, kept on this site: only a path under /tickets/ is followed. */
  function ticketLink(ticket: Json): string {
    const number = text(ticket.ticketNumber);
    const fallbackPath = `/tickets/${encodeURIComponent(number)}`;
    try {
      const url = new URL(text(ticket.accessLink), 'http://this-site.invalid');
      return url.pathname === fallbackPath ? `${url.pathname}${url.search}` : fallbackPath;
    } catch {
      return fallbackPath;
    }
  }

  function openedTurn(): BrowserElement[] {
    const ticket = record(view.ticket);
    const number = text(ticket.ticketNumber) || text(record(view.prompt).ticketNumber);
    const box = element('div', '', 'notice notice-ok');
    box.setAttribute('id', 'chat-received');
    box.setAttribute('tabindex', '-1');
    box.appendChild(element('h3', `Received: ticket ${number}`));
    box.appendChild(element('p', 'We have stored your request and emailed you a link to follow it; keep it, as it is your key to this ticket.'));
    const follow = doc.createElement<BrowserAnchor>('a');
    follow.href = ticketLink(ticket);
    follow.setAttribute('class', 'button');
    follow.textContent = `Follow ticket ${number}`;
    const row = element('p', '', 'actions-row');
    row.appendChild(follow);
    // The conversation stays reachable by its link; this device forgets it, and a new one starts.
    row.appendChild(button('Start a new conversation', 'button button-secondary', actions.startAgain));
    box.appendChild(row);
    return [box];
  }


  const prompt = record(view.prompt);
  if (prompt.kind === 'question') return questionTurn(prompt);
  if (prompt.kind === 'summary') return summaryTurn(prompt);
  if (prompt.kind === 'opened') return openedTurn();
  return [element('p', 'Opening your ticket…', 'sending')];
}
