/**
 * An incoming HTTP request in the shape the Functions host sends it to the worker: URL, method,
 * headers as sent (even a Content-Type nobody can parse) with the peer's address appended to
 * X-Forwarded-For as Azure's front end appends it, query (repeated values joined, as
 * ASP.NET does), route values, and the body as raw bytes, untouched (the worker's HttpRequest
 * parses JSON or forms itself).
 */
import type { FastifyRequest } from 'fastify';
import type { RpcHttpData, RpcNullableString } from '../core-api-types';
import { headersAsSent } from './request-admission';

function nullable(record: Readonly<Record<string, string>>): Record<string, RpcNullableString> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, { value }]));
}

/** `ip:port` as Azure's front end writes the peer it accepted the connection from. */
function peerEntry(request: FastifyRequest): string | undefined {
  const { remoteAddress, remotePort } = request.raw.socket;
  if (remoteAddress === undefined) return undefined;
  const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice('::ffff:'.length) : remoteAddress;
  const port = remotePort === undefined ? '' : `:${String(remotePort)}`;
  return address.includes(':') ? `[${address}]${port}` : `${address}${port}`;
}

function headerValues(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(headersAsSent(request))) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // As Azure's front end does: the peer's address goes last, after whatever the client claimed.
  const peer = peerEntry(request);
  if (peer !== undefined) {
    const claimed = headers['x-forwarded-for'];
    headers['x-forwarded-for'] = claimed === undefined || claimed.trim() === '' ? peer : `${claimed}, ${peer}`;
  }
  return headers;
}

function queryValues(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    query[key] = url.searchParams.getAll(key).join(',');
  }
  return query;
}

export function toRpcHttpRequest(request: FastifyRequest, routeValues: Record<string, string>): RpcHttpData {
  const host = request.headers.host ?? `${request.hostname}`;
  const url = new URL(request.url, `${request.protocol}://${host}`);
  const headers = headerValues(request);
  const query = queryValues(url);
  const http: RpcHttpData = {
    method: request.method,
    url: url.toString(),
    headers,
    nullableHeaders: nullable(headers),
    query,
    nullableQuery: nullable(query),
    params: routeValues,
    nullableParams: nullable(routeValues),
  };
  if (Buffer.isBuffer(request.body) && request.body.length > 0) {
    http.body = { bytes: request.body };
  }
  return http;
}
