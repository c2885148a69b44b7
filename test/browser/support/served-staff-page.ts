/**
 * A console page served to Chromium without the host: a small HTTP server on a free loopback port
 * answers the page's route from the page's own handler, called with the session of the one person
 * this server stands for, and serves the site's real assets beside it. What the browser gets is
 * byte for byte what the handler answers (status, headers, body), so markup, styles, redirects
 * and form posts are all exercised; only the session boundary in front of it is not.
 */
import http from 'node:http';
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { StaffPageHandler, StaffSession } from '../../../shared/web/staff/staff-session';
import { lookUpAsset } from '../../../shared/web/static-assets';

export interface ServedPage {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  close(): Promise<void>;
}

function headersOf(answer: HttpResponseInit): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(answer.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

async function bodyOf(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function incomingHeaders(request: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function answer(route: RegExp, handler: StaffPageHandler, session: StaffSession, request: http.IncomingMessage, response: http.ServerResponse, origin: string): Promise<void> {
  const url = new URL(request.url ?? '/', origin);
  if (url.pathname.startsWith('/assets/')) {
    const found = lookUpAsset(url.pathname.slice('/assets/'.length));
    if (found.kind === 'unknown') return void response.writeHead(404).end();
    return void response.writeHead(200, { 'Content-Type': found.asset.contentType }).end(found.asset.body);
  }
  const match = route.exec(url.pathname);
  if (match === null) return void response.writeHead(404).end('not served in this test');
  const body = request.method === 'POST' ? await bodyOf(request) : undefined;
  const answered = await handler(
    new HttpRequest({
      url: url.toString(),
      method: request.method ?? 'GET',
      headers: incomingHeaders(request),
      params: { ticketNumber: decodeURIComponent(match[1] ?? '') },
      ...(body === undefined ? {} : { body: { string: body } }),
    }),
    session,
  );
  response.writeHead(answered.status ?? 200, headersOf(answered)).end(typeof answered.body === 'string' ? answered.body : '');
}

/** Serves `route` (a path pattern whose first group is the ticket number) from `handler` as `session`. */
export async function serveStaffPage(route: RegExp, handler: StaffPageHandler, session: StaffSession): Promise<ServedPage> {
  let origin = '';
  const server = http.createServer((request, response) => {
    answer(route, handler, session, request, response, origin).catch((error: unknown) => {
      response.writeHead(500).end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the page server listens on no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
