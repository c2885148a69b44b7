/**
 * Delivers vendor case changes to Baton's callback endpoint: a signed POST per change, retried with
 * backoff on the stand-in's clock when Baton is down or answers an error, like a real webhook sender.
 */
import { randomUUID } from 'node:crypto';
import {
  signVendorCallback,
  VENDOR_SIGNATURE_HEADER,
  type ServiceRequest,
  type VendorCallbackEvent,
  type VendorCaseChange,
} from '../../../shared/vendor';
import type { StandInClock } from './standin-clock';

export interface CallbackTarget {
  readonly url: string;
  readonly secret: string;
}

export interface CallbackDelivery {
  readonly eventId: string;
  readonly caseId: string;
  readonly change: VendorCaseChange;
  readonly attempt: number;
  /** HTTP status Baton answered, or undefined when the request itself failed. */
  readonly status?: number;
  readonly error?: string;
  readonly at: string;
}

export interface CallbackSender {
  announce(serviceRequest: ServiceRequest, change: VendorCaseChange, sequence: number): void;
  deliveries(): CallbackDelivery[];
  /** Resolves when no delivery is in flight (retries still scheduled are not waited for). */
  settled(): Promise<void>;
  /** Cancels scheduled retries. */
  stop(): void;
}

export interface CallbackSenderOptions {
  readonly target: () => CallbackTarget | undefined;
  readonly clock: StandInClock;
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
}

export function createCallbackSender(options: CallbackSenderOptions): CallbackSender {
  const { clock, maxAttempts = 5, retryBaseMs = 500 } = options;
  const log: CallbackDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const pendingRetries = new Set<() => void>();
  let stopped = false;

  const deliver = (event: VendorCallbackEvent, target: CallbackTarget, attempt: number): void => {
    const body = JSON.stringify(event);
    const record = (result: { status?: number; error?: string }): void => {
      log.push({
        eventId: event.eventId,
        caseId: event.serviceRequest.id,
        change: event.change,
        attempt,
        ...result,
        at: new Date(clock.now()).toISOString(),
      });
    };
    const sending = fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [VENDOR_SIGNATURE_HEADER]: signVendorCallback(body, target.secret, clock.now()),
        'x-vendor-event-id': event.eventId,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (response) => {
        await response.arrayBuffer(); // drain so the socket is reusable
        record({ status: response.status });
        return response.ok;
      })
      .catch((error: unknown) => {
        record({ error: error instanceof Error ? error.message : String(error) });
        return false;
      })
      .then((delivered) => {
        if (delivered || stopped || attempt >= maxAttempts) return;
        const cancel = clock.schedule(clock.now() + retryBaseMs * 2 ** (attempt - 1), () => {
          pendingRetries.delete(cancel);
          deliver(event, target, attempt + 1);
        });
        pendingRetries.add(cancel);
      });
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
  };

  return {
    announce(serviceRequest, change, sequence) {
      const target = options.target();
      if (!target || stopped) return;
      const event: VendorCallbackEvent = {
        eventId: randomUUID(),
        eventType: 'servicerequest.updated',
        change,
        sequence,
        occurredAt: new Date(clock.now()).toISOString(),
        serviceRequest,
      };
      deliver(event, target, 1);
    },
    deliveries: () => [...log],
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop() {
      stopped = true;
      for (const cancel of pendingRetries) cancel();
      pendingRetries.clear();
    },
  };
}
