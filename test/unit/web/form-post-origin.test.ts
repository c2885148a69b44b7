/**
 * The status page's action forms are authenticated by the access cookie alone, so a post must
 * prove it comes from this site: an Origin equal to the site's, or, without one, the browser's
 * `Sec-Fetch-Site: same-origin`. Anything else is refused before the ticket is even read.
 */
import { HttpRequest } from '@azure/functions';
import type { TicketNumber } from '../../../shared/domain/ticket/ticket-number';
import { ACCESS_COOKIE_NAME } from '../../../shared/web/status/access-cookie';
import { formPostOrigin } from '../../../shared/web/status/form-post-origin';
import { WEB_ACTIONS } from '../../../shared/web/status/requester-web-actions';
import { requesterActionPost } from '../../../shared/web/status/ticket-page-handlers';
import type { RequesterPagePort } from '../../../shared/web/requester-page-port';

const SITE = 'https://support.contoso.example';
const TICKET = 'BTN-261124-ABCDE';

/** Where the Function App itself answers when a custom domain (Front Door, say) stands in front of it. */
const APP_HOST = 'https://func-baton-abc123.azurewebsites.net';

function formPost(headers: Record<string, string>, reachedAt = SITE): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: `${reachedAt}/tickets/${TICKET}/replies`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${ACCESS_COOKIE_NAME}=some-token`, ...headers },
    params: { ticketNumber: TICKET },
    body: { string: 'message=hello' },
  });
}

/** Counts the store reads a post causes; the ticket is never there, so an admitted post still ends in 404. */
function countingPort(): { port: RequesterPagePort; reads: TicketNumber[] } {
  const reads: TicketNumber[] = [];
  const port: RequesterPagePort = {
    readTicket: async (ticketNumber) => {
      reads.push(ticketNumber);
      return { kind: 'not-found' };
    },
    // No derived token to compare with, so an admitted post goes on to read the ticket.
    accessTokenOf: async () => ({ ok: false, reason: 'not needed here' }),
    applyToTicket: async () => {
      throw new Error('a refused post must never change a ticket');
    },
    orgConfig: async () => {
      throw new Error('not needed');
    },
    now: () => '2026-11-24T14:00:00.000Z',
  };
  return { port, reads };
}

const reply = WEB_ACTIONS.find((webAction) => webAction.action.name === 'requesterReply');

describe('where a cookie-authenticated form post comes from', () => {
  it.each([
    ['an Origin equal to the site', { origin: SITE }, 'same-origin'],
    ['no Origin but Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }, 'same-origin'],
    ['an Origin of another site', { origin: 'https://attacker.example' }, 'cross-origin'],
    ['an opaque Origin', { origin: 'null' }, 'cross-origin'],
    ['a sibling subdomain, even with Sec-Fetch-Site same-site', { origin: 'https://evil.contoso.example', 'sec-fetch-site': 'same-site' }, 'cross-origin'],
    ['no Origin and Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }, 'cross-origin'],
    ['no Origin and Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, 'cross-origin'],
    ['neither header', {}, 'unproven'],
  ])('is judged from %s', (_case, headers, expected) => {
    expect(formPostOrigin(formPost(headers))).toBe(expected);
  });

  it.each([
    ['no Origin and no Sec-Fetch-Site', {}],
    ['a foreign Origin', { origin: 'https://attacker.example' }],
    ['no Origin and a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a post with %s before reading the ticket', async (_case, headers) => {
    if (reply === undefined) throw new Error('the reply action is not offered on the page');
    const { port, reads } = countingPort();
    const answer = await requesterActionPost(formPost(headers), port, reply);
    expect(answer.status).toBe(404);
    expect(reads).toEqual([]);
  });

  it.each([
    ['its own Origin', { origin: SITE }],
    ['no Origin but Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
  ])('goes on to check the access cookie for a post with %s', async (_case, headers) => {
    if (reply === undefined) throw new Error('the reply action is not offered on the page');
    const { port, reads } = countingPort();
    await requesterActionPost(formPost(headers), port, reply);
    expect(reads).toEqual([TICKET]);
  });

  it('takes the public site’s Origin when the app is reached under its own host name behind a custom domain', async () => {
    if (reply === undefined) throw new Error('the reply action is not offered on the page');
    const behindTheDomain = formPost({ origin: SITE }, APP_HOST);
    expect(formPostOrigin(behindTheDomain, [SITE])).toBe('same-origin');
    const { port, reads } = countingPort();
    await requesterActionPost(behindTheDomain, port, reply, [SITE]);
    expect(reads).toEqual([TICKET]);
  });

  it('still refuses another site, and the app’s own host name claimed from a page of another site', () => {
    expect(formPostOrigin(formPost({ origin: 'https://attacker.example' }, APP_HOST), [SITE])).toBe('cross-origin');
    expect(formPostOrigin(formPost({ origin: 'https://attacker.example' }), [SITE])).toBe('cross-origin');
    expect(formPostOrigin(formPost({ origin: SITE }, APP_HOST))).toBe('cross-origin');
  });
});
