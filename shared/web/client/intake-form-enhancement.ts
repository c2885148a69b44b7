/**
 * The intake form's progressive enhancement, run in the browser: it preselects the requester's
 * time zone, warns when Severity A lacks 24x7 availability, and sends the form to the intake API
 * with the form's idempotency key, saying "Received" only once the server confirms it stored the
 * ticket and plainly "NOT received" otherwise, with a retry that reuses the key.
 *
 * Served as text (`enhanceIntakeForm.toString()`), so the function must stay self-contained: no
 * imports or module-level values are reachable from inside it, only its parameter and ES globals.
 */
import type { BrowserAnchor, BrowserElement, BrowserEvent, BrowserFormControl, BrowserResponse, BrowserWindow } from './browser-types';

export function enhanceIntakeForm(browser: BrowserWindow): void {
  const documentRoot = browser.document;
  const form = documentRoot.querySelector('form[data-intake-form]');
  if (form === null) return;
  const intakeForm: BrowserElement = form;

  /** A request that has not answered by then is treated as "no answer"; a retry is always safe. */
  const TIMEOUT_MS = 20000;
  /** A longer Retry-After of an outage is capped: the requester can always wait and retry by hand. */
  const MAX_RETRY_AFTER_SECONDS = 120;
  /** Past the intake limit the server's wait is the rule (often most of an hour): sooner is refused again. */
  const MAX_RATE_LIMIT_WAIT_SECONDS = 2 * 3600;

  const apiUrl = intakeForm.getAttribute('data-api') ?? '/api/tickets';
  const keyInput = intakeForm.querySelector<BrowserFormControl>('input[name="idempotencyKey"]');
  const submitButton = intakeForm.querySelector<BrowserFormControl>('button[type="submit"]');
  const fileInput = intakeForm.querySelector<BrowserFormControl>('input[type="file"]');
  const sendingStatus = documentRoot.getElementById('sending-status');
  const notice = documentRoot.getElementById('submission-notice');
  const summary = documentRoot.getElementById('error-summary');
  const timeZoneInput = intakeForm.querySelector<BrowserFormControl>('input[name="requester.timeZone"]');
  const available = intakeForm.querySelector<BrowserFormControl>('input[name="requester.available24x7"]');
  const sevAWarning = documentRoot.getElementById('sev-a-warning');
  let sending = false;
  let retryTimer: number | undefined;
  /** While the server's Retry-After runs, neither button sends. */
  let waitingToRetry = false;

  // --- Comfort: the time zone and the Severity A rule -------------------------------------
  if (timeZoneInput !== null && timeZoneInput.value.trim() === '') {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (typeof zone === 'string' && zone !== '') timeZoneInput.value = zone;
  }

  function severityChosen(): string {
    const checked = intakeForm.querySelector<BrowserFormControl>('input[name="severity"]:checked');
    return checked === null ? '' : checked.value;
  }

  function refreshSevAWarning(): void {
    if (sevAWarning === null) return;
    sevAWarning.hidden = !(severityChosen() === 'A' && available !== null && !available.checked);
  }
  intakeForm.addEventListener('change', refreshSevAWarning);
  refreshSevAWarning();

  // --- The idempotency key: one per form fill --------------------------------------------
  function newKey(): string {
    const bytes = browser.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (keyInput !== null && keyInput.value === '') keyInput.value = newKey();

  // --- The body: the same nested shape the server reads from the plain form ---------------
  function intakeBody(): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    const controls = Array.from(intakeForm.querySelectorAll<BrowserFormControl>('input[name], select[name], textarea[name]'));
    for (const control of controls) {
      if (control.name === 'idempotencyKey' || control.disabled) continue;
      let value: unknown;
      if (control.type === 'checkbox') value = control.checked;
      else if (control.type === 'radio') {
        if (!control.checked) continue;
        value = control.value;
      } else {
        if (control.value === '') continue; // blank means "not given", as in the plain form post
        value = control.value;
      }
      const path = control.name.split('.');
      let node = body;
      path.slice(0, -1).forEach((segment) => {
        const existing = node[segment];
        if (typeof existing === 'object' && existing !== null) node = existing as Record<string, unknown>;
        else {
          const created: Record<string, unknown> = {};
          node[segment] = created;
          node = created;
        }
      });
      node[path[path.length - 1] ?? control.name] = value;
    }
    return body;
  }

  // --- Field errors next to their fields, and the summary linking to each -----------------
  const wrappers = Array.from(intakeForm.querySelectorAll('[data-field]'));

  function clearErrors(): void {
    for (const wrapper of wrappers) {
      wrapper.classList.remove('has-error');
      const message = wrapper.querySelector('.field-error');
      if (message !== null) message.textContent = '';
      for (const control of Array.from(wrapper.querySelectorAll('input, select, textarea'))) control.removeAttribute('aria-invalid');
    }
    if (summary !== null) {
      summary.hidden = true;
      const list = summary.querySelector('ul');
      if (list !== null) list.replaceChildren();
    }
  }

  function showErrors(errors: ReadonlyArray<{ field: string; message: string }>): void {
    clearErrors();
    const list = summary === null ? null : summary.querySelector('ul');
    // The summary reads in the form's order; errors no field owns come first.
    const position = (field: string): number => wrappers.findIndex((candidate) => candidate.getAttribute('data-field') === field);
    const ordered = [...errors].sort((a, b) => position(a.field) - position(b.field));
    for (const error of ordered) {
      const wrapper = wrappers.find((candidate) => candidate.getAttribute('data-field') === error.field);
      const label = wrapper === undefined ? '' : (wrapper.getAttribute('data-label') ?? '');
      const sentence = label === '' ? (error.field === '' ? error.message : `${error.field} ${error.message}`) : `${label} ${error.message}`;
      let target = '';
      if (wrapper !== undefined) {
        wrapper.classList.add('has-error');
        const message = wrapper.querySelector('.field-error');
        if (message !== null) message.textContent = message.textContent === '' ? sentence : `${message.textContent ?? ''} ${sentence}`;
        const controls = Array.from(wrapper.querySelectorAll('input, select, textarea'));
        for (const control of controls) control.setAttribute('aria-invalid', 'true');
        target = wrapper.getAttribute('data-anchor') ?? '';
      }
      if (list !== null) {
        const item = documentRoot.createElement('li');
        if (target !== '') {
          const link = documentRoot.createElement<BrowserAnchor>('a');
          link.href = `#${target}`;
          link.textContent = sentence;
          item.appendChild(link);
        } else {
          item.textContent = sentence;
        }
        list.appendChild(item);
      }
    }
    if (summary !== null) {
      summary.hidden = false;
      summary.focus();
    }
  }

  // --- What the page says about the submission --------------------------------------------
  function element(tag: string, text: string, className?: string): BrowserElement {
    const created = documentRoot.createElement(tag);
    created.textContent = text;
    if (className !== undefined) created.setAttribute('class', className);
    return created;
  }

  function showNotice(kind: 'ok' | 'failed' | 'info', heading: string, lines: string[], extra?: BrowserElement): void {
    if (notice === null) return;
    notice.setAttribute('class', `notice notice-${kind}`);
    notice.setAttribute('role', kind === 'failed' ? 'alert' : 'status');
    notice.replaceChildren(element('h2', heading), ...lines.map((line) => element('p', line)));
    if (extra !== undefined) notice.appendChild(extra);
    notice.hidden = false;
    notice.focus();
  }

  function setSending(on: boolean): void {
    sending = on;
    if (submitButton !== null) submitButton.disabled = on || waitingToRetry;
    intakeForm.setAttribute('aria-busy', on ? 'true' : 'false');
    if (sendingStatus !== null) sendingStatus.textContent = on ? 'Sending your request…' : '';
  }

  function retryAfterSeconds(response: BrowserResponse, cap: number): number {
    const header = response.headers.get('Retry-After');
    if (header === null) return 5;
    const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
    if (!Number.isFinite(seconds) || seconds < 1) return 1;
    return Math.min(seconds, cap);
  }

  /** A wait as people read it: seconds while short, whole minutes beyond a minute and a half. */
  function waitText(seconds: number): string {
    return seconds < 90 ? `${String(seconds)} s` : `about ${String(Math.ceil(seconds / 60))} min`;
  }

  /** Offers the retry, enabled only once the server's Retry-After has passed. */
  function retryButton(waitSeconds: number): BrowserElement {
    const row = element('p', '', 'actions-row');
    const button = documentRoot.createElement<BrowserFormControl>('button');
    button.setAttribute('type', 'button');
    button.setAttribute('class', 'button');
    button.setAttribute('data-retry', '');
    button.textContent = 'Send again';
    const countdown = element('span', '', 'sending');
    countdown.setAttribute('aria-live', 'polite');
    row.appendChild(button);
    row.appendChild(countdown);
    let left = waitSeconds;
    const tick = (): void => {
      waitingToRetry = left > 0;
      if (submitButton !== null) submitButton.disabled = sending || waitingToRetry;
      if (left <= 0) {
        button.disabled = false;
        countdown.textContent = 'You can send it again now; it will not create a second ticket.';
        return;
      }
      button.disabled = true;
      // Only a changed text is written, so a screen reader hears "about 60 min" once, not every second.
      const text = `You can send it again in ${waitText(left)}.`;
      if (countdown.textContent !== text) countdown.textContent = text;
      left -= 1;
      retryTimer = browser.setTimeout(tick, 1000);
    };
    tick();
    button.addEventListener('click', () => {
      if (!button.disabled) void send();
    });
    return row;
  }

  function ticketNumberOf(answer: unknown): string | undefined {
    if (typeof answer !== 'object' || answer === null) return undefined;
    const value = (answer as Record<string, unknown>).ticketNumber;
    return typeof value === 'string' && /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(value) ? value : undefined;
  }

  /**
   * The answer's access link, kept on this site: only its path and query are used, so a public
   * base URL that names the host differently still lands on this page, and nothing else can.
   */
  function statusLinkOf(answer: unknown, ticketNumber: string): string {
    const fallback = `/tickets/${encodeURIComponent(ticketNumber)}`;
    const link = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>).accessLink : undefined;
    if (typeof link !== 'string') return fallback;
    try {
      const url = new URL(link, 'http://this-site.invalid');
      return url.pathname === fallback ? `${url.pathname}${url.search}` : fallback;
    } catch {
      return fallback;
    }
  }

  function showReceived(ticketNumber: string, link: string): void {
    clearErrors();
    const follow = element('p', '');
    const anchor = documentRoot.createElement<BrowserAnchor>('a');
    anchor.href = link;
    anchor.textContent = `Follow ticket ${ticketNumber}`;
    anchor.setAttribute('class', 'button');
    follow.appendChild(anchor);
    showNotice(
      'ok',
      `Received: ticket ${ticketNumber}`,
      ['We have stored your request. We have also emailed you a link to follow it; keep it, as it is your key to this ticket.'],
      follow,
    );
    intakeForm.hidden = true;
  }

  function showNotReceived(reason: string, waitSeconds: number): void {
    showNotice(
      'failed',
      'Your request was NOT received',
      [reason, 'Everything you typed is still in the form below. Sending it again is safe: it will never create a second ticket.'],
      retryButton(waitSeconds),
    );
  }

  async function problemOf(response: BrowserResponse): Promise<{ detail: string; errors: Array<{ field: string; message: string }> }> {
    const answer: unknown = await response.json().catch(() => undefined);
    const record = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
    const detail = typeof record.detail === 'string' ? record.detail : typeof record.title === 'string' ? record.title : '';
    const errors = Array.isArray(record.errors)
      ? record.errors.flatMap((item: unknown) => {
          if (typeof item !== 'object' || item === null) return [];
          const { field, message } = item as Record<string, unknown>;
          return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
        })
      : [];
    return { detail, errors };
  }

  async function send(): Promise<void> {
    if (sending || waitingToRetry) return;
    if (retryTimer !== undefined) browser.clearTimeout(retryTimer);
    setSending(true);
    if (notice !== null) notice.hidden = true;
    const controller = new browser.AbortController();
    const timeout = browser.setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response: BrowserResponse | undefined;
    try {
      response = await browser.fetch(apiUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, application/problem+json',
          'Idempotency-Key': keyInput === null ? '' : keyInput.value,
        },
        body: JSON.stringify(intakeBody()),
        signal: controller.signal,
        credentials: 'same-origin',
      });
    } catch {
      response = undefined;
    } finally {
      browser.clearTimeout(timeout);
    }
    try {
      if (response === undefined) {
        showNotReceived('We got no answer from the support desk (the network or the service did not respond in time), so we cannot confirm that it arrived.', 0);
      } else if (response.ok) {
        const answer: unknown = await response.json().catch(() => undefined);
        const ticketNumber = ticketNumberOf(answer);
        if (ticketNumber === undefined) showNotReceived('The support desk answered, but without a ticket number, so we cannot confirm that it was stored.', 0);
        else showReceived(ticketNumber, statusLinkOf(answer, ticketNumber));
      } else if (response.status === 400) {
        const problem = await problemOf(response);
        if (problem.errors.length > 0) {
          // Nothing was stored, so the corrected form is a new request with a key of its own.
          if (keyInput !== null) keyInput.value = newKey();
          showErrors(problem.errors);
        } else {
          showNotReceived(problem.detail || 'The support desk could not read the form.', 0);
        }
      } else if (response.status === 429) {
        // A limit, not an outage: saying the desk is down and to retry in two minutes would be refused again.
        const wait = retryAfterSeconds(response, MAX_RATE_LIMIT_WAIT_SECONDS);
        showNotReceived(
          `There have been too many support requests for this email address or from your network in a short time, so this one was not stored yet. Please send it again in ${waitText(wait)}; if an earlier request is about the same problem, reply to its email instead.`,
          wait,
        );
      } else if (response.status === 503) {
        const wait = retryAfterSeconds(response, MAX_RETRY_AFTER_SECONDS);
        showNotReceived(`The support desk is temporarily unavailable and did not store it. Please send it again in ${waitText(wait)}.`, wait);
      } else {
        const problem = await problemOf(response);
        showNotReceived(problem.detail || `The support desk answered with an error (${String(response.status)}).`, 0);
      }
    } finally {
      setSending(false);
    }
  }

  intakeForm.addEventListener('submit', (event: BrowserEvent) => {
    // Files travel only in the form's own multipart post (the API's JSON body carries none): the
    // browser sends it, and the server answers with the same form or the ticket's page.
    if (fileInput !== null && (fileInput.files?.length ?? 0) > 0) return;
    event.preventDefault();
    void send();
  });
}
