import vm from 'node:vm';
import type { StaffPrincipal } from '../../../../shared/auth/staff-token';
import { html } from '../../../../shared/web/html';
import { lookUpAsset } from '../../../../shared/web/static-assets';
import { consoleSections, renderConsolePage } from '../../../../shared/web/staff/console-frame';
import type { StaffSession } from '../../../../shared/web/staff/staff-session';
import { describeTimeLeft } from '../../../../shared/web/staff/time-left';

function sessionOf(principal: Partial<StaffPrincipal> = {}): StaffSession {
  return {
    principal: { id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'], ...principal },
    csrfToken: 'csrf-token-of-this-session',
    expiresAt: '2026-11-24T15:00:00.000Z',
  };
}

describe('the console frame', () => {
  it('marks the page the person is on in the navigation', () => {
    const page = renderConsolePage({ title: 'Queue', session: sessionOf(), active: 'queue', body: html`<h1>Queue</h1>` }).markup;
    expect(page).toContain('<a href="/staff/queue" aria-current="page">Queue</a>');
    expect(page).toContain('<a href="/staff">My work</a>');
    expect(page).toContain('<title>Queue · Baton Support console</title>');
  });

  it('offers the TAM view only to people holding the TAM role', () => {
    expect(consoleSections(['engineer'])).toEqual(['my-work', 'queue']);
    expect(consoleSections(['engineer', 'tam'])).toEqual(['my-work', 'queue', 'tam']);
    expect(renderConsolePage({ title: 'x', session: sessionOf(), body: html`` }).markup).not.toContain('/staff/tam');
    expect(renderConsolePage({ title: 'x', session: sessionOf({ roles: ['tam'] }), body: html`` }).markup).toContain('href="/staff/tam"');
  });

  it('signs out with a POST form carrying the session\'s CSRF token', () => {
    const page = renderConsolePage({ title: 'x', session: sessionOf(), body: html`` }).markup;
    expect(page).toMatch(/<form class="sign-out" method="post" action="\/staff\/sign-out">\s*<input type="hidden" name="csrf" value="csrf-token-of-this-session">/);
  });

  it('escapes the person\'s name and the page title', () => {
    const page = renderConsolePage({ title: '<b>t</b>', session: sessionOf({ name: '<script>x</script>' }), body: html`` }).markup;
    expect(page).not.toContain('<script>x');
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;t&lt;/b&gt; ·');
  });

  it('asks the script to reload the page only when the page wants it', () => {
    expect(renderConsolePage({ title: 'x', session: sessionOf(), body: html``, autoRefreshSeconds: 60 }).markup).toContain('data-auto-refresh="60"');
    expect(renderConsolePage({ title: 'x', session: sessionOf(), body: html`` }).markup).not.toContain('data-auto-refresh');
  });

  it('links the console stylesheet and script, which the asset route serves', () => {
    const page = renderConsolePage({ title: 'x', session: sessionOf(), body: html`` }).markup;
    const css = /href="\/assets\/([^"]+\.css)"/g;
    const files = [...page.matchAll(css)].map((match) => match[1]);
    expect(files).toHaveLength(2);
    for (const file of files) expect(lookUpAsset(file ?? '').kind).toBe('fingerprinted');
    const script = /src="\/assets\/([^"]+)"/.exec(page)?.[1] ?? '';
    expect(lookUpAsset(script).kind).toBe('fingerprinted');
  });
});

describe('the time left before an SLA deadline', () => {
  const now = Date.parse('2026-11-24T14:00:00.000Z');

  it('counts minutes, then hours and minutes, then days and hours', () => {
    expect(describeTimeLeft(now + 9 * 60000 + 59000, now)).toBe('9 min left');
    expect(describeTimeLeft(now + (3 * 60 + 5) * 60000, now)).toBe('3 h 05 min left');
    expect(describeTimeLeft(now + (2 * 1440 + 4 * 60 + 30) * 60000, now)).toBe('2 d 4 h left');
  });

  it('says how long ago a deadline passed', () => {
    expect(describeTimeLeft(now - 20 * 60000, now)).toBe('20 min overdue');
    expect(describeTimeLeft(now - 61 * 60000, now)).toBe('1 h 01 min overdue');
  });

  it('is the same function the console script counts down with', () => {
    const found = lookUpAsset('console.js');
    if (found.kind === 'unknown') throw new Error('console.js is not served');
    const script = found.asset.body.toString('utf8');
    expect(script).toContain(describeTimeLeft.toString());
    // The script parses as plain JavaScript, whatever the TypeScript compiled it from.
    expect(() => new vm.Script(script)).not.toThrow();
  });
});

describe('the countdown script', () => {
  interface FakeElement {
    textContent: string | null;
    getAttribute(name: string): string | null;
  }

  function runScript(renderedAt: string | undefined, dueAt: string, browserNowMs: number): FakeElement {
    const countdown: FakeElement = { textContent: '', getAttribute: (name) => (name === 'data-due-at' ? dueAt : null) };
    const body: FakeElement = { textContent: null, getAttribute: (name) => (name === 'data-rendered-at' ? (renderedAt ?? null) : null) };
    const found = lookUpAsset('console.js');
    if (found.kind === 'unknown') throw new Error('console.js is not served');
    const window = {
      document: {
        querySelectorAll: (selectors: string) => (selectors === '[data-due-at]' ? [countdown] : []),
        querySelector: (selectors: string) => (selectors === '[data-rendered-at]' && renderedAt !== undefined ? body : null),
        activeElement: null,
        hidden: false,
      },
      location: { reload: () => undefined },
      setInterval: () => 0,
      setTimeout: () => 0,
    };
    const RealDate = Date;
    const FixedDate = class extends RealDate {
      static override now(): number {
        return browserNowMs;
      }
    };
    vm.runInNewContext(found.asset.body.toString('utf8'), { window, Date: FixedDate, Number, Array, Math, String });
    return countdown;
  }

  it('counts down on the app\'s clock as the page states it, whatever the browser\'s clock says', () => {
    // The browser lives two weeks later than the app's (virtual) clock.
    const countdown = runScript('2026-11-24T14:00:00.000Z', '2026-11-24T14:30:00.000Z', Date.parse('2026-12-07T08:00:00.000Z'));
    expect(countdown.textContent).toBe('30 min left');
  });

  it('counts on the browser\'s clock when the page does not say when it was rendered', () => {
    const countdown = runScript(undefined, '2026-11-24T14:30:00.000Z', Date.parse('2026-11-24T14:10:00.000Z'));
    expect(countdown.textContent).toBe('20 min left');
  });
});
