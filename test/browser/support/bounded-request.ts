/**
 * Every HTTP request a browser test sends itself (not through the page) has a limit, and a request
 * that misses it fails naming its method, path and that limit. Without one, fetch waits up to
 * undici's 300 s for headers, far past jest's timeout, and the report names only jest's timeout.
 */
import { isError } from './error-notes';

/** Local requests answer within a few hundred milliseconds even on a loaded machine. */
export const REQUEST_LIMIT_MS = 5_000;

export interface BoundedAnswer {
  readonly status: number;
  readonly body: string;
}

export interface BoundedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly limitMs?: number;
}

/** Sends the request and reads the whole answer, both within the limit. */
export async function boundedRequest(request: BoundedRequest): Promise<BoundedAnswer> {
  const limitMs = request.limitMs ?? REQUEST_LIMIT_MS;
  const name = `${request.method} ${new URL(request.url).pathname}`;
  // One signal covers the headers and the body: an answer that stalls half-sent is caught too.
  const signal = AbortSignal.timeout(limitMs);
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    if (signal.aborted) throw new Error(`${name} got no complete answer within ${limitMs} ms`);
    throw new Error(`${name} failed: ${describeFetchError(error)}`);
  }
}

/** fetch says only "fetch failed"; the reason (refused, reset) is in its cause. */
function describeFetchError(error: unknown): string {
  if (!isError(error)) return String(error);
  return isError(error.cause) ? `${error.message} (${error.cause.message})` : error.message;
}
