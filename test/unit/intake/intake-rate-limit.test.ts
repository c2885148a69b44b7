/**
 * The public intake's limits: so many new tickets per window from one client address and for one
 * requester email, however the email is spelled, with only new tickets counted.
 */
import type { OpenTicketResult } from '../../../shared/intake/open-ticket';
import { intakeRateLimiter, requesterEmailKey, type IntakeLimits } from '../../../shared/intake/intake-rate-limit';

const LIMITS: IntakeLimits = { perClientAddress: 4, perRequesterEmail: 2, windowSeconds: 3_600 };

/** What openTicket answers, reduced to what the limiter looks at. */
function accepted(replayed = false): OpenTicketResult {
  return { kind: 'accepted', replayed } as unknown as OpenTicketResult;
}

function counting(result: () => OpenTicketResult) {
  let calls = 0;
  return {
    open: async (): Promise<OpenTicketResult> => {
      calls += 1;
      return result();
    },
    calls: () => calls,
  };
}

describe('the intake rate limit', () => {
  it('refuses a requester email past its limit, with a Retry-After within the window, without opening', async () => {
    const limiter = intakeRateLimiter(LIMITS);
    const ticket = counting(() => accepted());
    const sender = { clientAddress: '203.0.113.7', requesterEmail: 'ines@contoso.com' };
    const answers = [];
    for (let index = 0; index < 3; index += 1) answers.push(await limiter.openWithinLimits(sender, ticket.open));
    expect(answers.map((answer) => answer.kind)).toEqual(['accepted', 'accepted', 'rate-limited']);
    expect(answers[2]).toMatchObject({ limitedBy: 'requester-email' });
    const retryAfter = answers[2]?.kind === 'rate-limited' ? answers[2].retryAfterSeconds : 0;
    expect(retryAfter).toBeGreaterThan(3_500);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    expect(ticket.calls()).toBe(2);
  });

  it('refuses a client address past its limit, whatever emails it sends for', async () => {
    const limiter = intakeRateLimiter(LIMITS);
    const ticket = counting(() => accepted());
    const kinds = [];
    for (let index = 0; index < 5; index += 1) {
      kinds.push((await limiter.openWithinLimits({ clientAddress: '198.51.100.1', requesterEmail: `person${index}@contoso.com` }, ticket.open)).kind);
    }
    expect(kinds).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'rate-limited']);
    // Another address is counted on its own.
    expect((await limiter.openWithinLimits({ clientAddress: '198.51.100.2', requesterEmail: 'someone@contoso.com' }, ticket.open)).kind).toBe('accepted');
  });

  it('is not bypassed by case, spaces or +tag aliases of the same mailbox', async () => {
    const limiter = intakeRateLimiter(LIMITS);
    const ticket = counting(() => accepted());
    const spellings = ['Ines@Contoso.com', '  ines@contoso.com ', 'ines+urgent@contoso.com'];
    const kinds = [];
    for (const [index, email] of spellings.entries()) {
      kinds.push((await limiter.openWithinLimits({ clientAddress: `192.0.2.${index}`, requesterEmail: email }, ticket.open)).kind);
    }
    expect(kinds).toEqual(['accepted', 'accepted', 'rate-limited']);
    expect(requesterEmailKey(' Ines+Tag.One@CONTOSO.com')).toBe('ines@contoso.com');
    expect(requesterEmailKey('+only@contoso.com')).toBe('+only@contoso.com');
  });

  it('counts only new tickets: replays, refusals and failures give their point back', async () => {
    const limiter = intakeRateLimiter(LIMITS);
    const sender = { clientAddress: '203.0.113.9', requesterEmail: 'bo@contoso.com' };
    const outcomes: Array<() => OpenTicketResult> = [
      () => accepted(true),
      () => ({ kind: 'idempotency-conflict' }),
      () => ({ kind: 'unavailable', failure: { kind: 'unavailable', retryAfterSeconds: 5, reason: 'outage' } }) as unknown as OpenTicketResult,
    ];
    for (const outcome of outcomes) await limiter.openWithinLimits(sender, counting(outcome).open);
    await expect(limiter.openWithinLimits(sender, async () => Promise.reject(new Error('store exploded')))).rejects.toThrow('store exploded');
    const fresh = counting(() => accepted());
    const kinds = [(await limiter.openWithinLimits(sender, fresh.open)).kind, (await limiter.openWithinLimits(sender, fresh.open)).kind];
    expect(kinds).toEqual(['accepted', 'accepted']);
  });

  it('does not charge the client address for a request the email limit refused', async () => {
    const limiter = intakeRateLimiter({ perClientAddress: 3, perRequesterEmail: 1, windowSeconds: 60 });
    const ticket = counting(() => accepted());
    const address = '203.0.113.20';
    await limiter.openWithinLimits({ clientAddress: address, requesterEmail: 'a@contoso.com' }, ticket.open);
    for (let index = 0; index < 5; index += 1) await limiter.openWithinLimits({ clientAddress: address, requesterEmail: 'a@contoso.com' }, ticket.open);
    const kinds = [];
    for (const email of ['b@contoso.com', 'c@contoso.com', 'd@contoso.com']) kinds.push((await limiter.openWithinLimits({ clientAddress: address, requesterEmail: email }, ticket.open)).kind);
    expect(kinds).toEqual(['accepted', 'accepted', 'rate-limited']);
  });
});
