/**
 * Keeps the public intake from being used to send email to strangers: each client address and
 * each requester address may open only so many tickets per window. The counters are
 * rate-limiter-flexible's in-memory ones, so the limits hold per instance: when Azure scales out
 * to N instances, a client spread over them could open up to N times the limit (see the README).
 * Only a new ticket costs a point: an idempotent replay, a refused or failed request gets it back.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { OpenTicketResult } from './open-ticket';

export interface IntakeLimits {
  /** New tickets per window from one client address. */
  readonly perClientAddress: number;
  /** New tickets per window for one requester email (case, spaces and `+tag` aliases folded). */
  readonly perRequesterEmail: number;
  readonly windowSeconds: number;
}

export interface IntakeSender {
  readonly clientAddress: string;
  readonly requesterEmail: string;
}

export type IntakeLimitBreach = {
  readonly kind: 'rate-limited';
  readonly limitedBy: 'client-address' | 'requester-email';
  readonly retryAfterSeconds: number;
};

export interface IntakeRateLimiter {
  /** Opens the ticket if the sender is within both limits; otherwise says which limit and for how long. */
  openWithinLimits(sender: IntakeSender, open: () => Promise<OpenTicketResult>): Promise<OpenTicketResult | IntakeLimitBreach>;
}

/**
 * One mailbox, however it is spelled: case and surrounding spaces never matter to delivery, and
 * `name+tag@domain` reaches `name@domain` at the common providers, so every alias shares a count.
 * (Folding too much only makes the limit stricter for the folded addresses, never looser.)
 */
export function requesterEmailKey(email: string): string {
  const folded = email.trim().toLowerCase();
  const at = folded.lastIndexOf('@');
  if (at <= 0) return folded;
  const local = folded.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}@${folded.slice(at + 1)}`;
}

function retryAfterSeconds(refusal: RateLimiterRes): number {
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

/** Consumes a point, answering the refusal as a value; anything but a refusal is a real error. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (refusal: unknown) {
    if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: retryAfterSeconds(refusal) };
    throw refusal;
  }
}

function isNewTicket(result: OpenTicketResult): boolean {
  return result.kind === 'accepted' && !result.replayed;
}

export function intakeRateLimiter(limits: IntakeLimits): IntakeRateLimiter {
  const byClientAddress = new RateLimiterMemory({ keyPrefix: 'intake-address', points: limits.perClientAddress, duration: limits.windowSeconds });
  const byRequesterEmail = new RateLimiterMemory({ keyPrefix: 'intake-email', points: limits.perRequesterEmail, duration: limits.windowSeconds });

  return {
    async openWithinLimits(sender, open) {
      const addressKey = sender.clientAddress;
      const emailKey = requesterEmailKey(sender.requesterEmail);
      const address = await consume(byClientAddress, addressKey);
      if (!address.ok) return { kind: 'rate-limited', limitedBy: 'client-address', retryAfterSeconds: address.retryAfterSeconds };
      const email = await consume(byRequesterEmail, emailKey);
      if (!email.ok) {
        await byClientAddress.reward(addressKey);
        return { kind: 'rate-limited', limitedBy: 'requester-email', retryAfterSeconds: email.retryAfterSeconds };
      }
      const refund = async (): Promise<void> => {
        await Promise.all([byClientAddress.reward(addressKey), byRequesterEmail.reward(emailKey)]);
      };
      try {
        const result = await open();
        if (!isNewTicket(result)) await refund();
        return result;
      } catch (error: unknown) {
        await refund();
        throw error;
      }
    },
  };
}
