/**
 * How a static asset is answered: the right content type, an ETag, and a cache policy that
 * depends on the name asked for (a current fingerprint is immutable for a year; anything else must
 * be revalidated), with 304 when the browser already holds this version. `nosniff` comes from
 * host.json's custom headers, which the host adds to every response.
 */
import type { HttpResponseInit } from '@azure/functions';
import { lookUpAsset } from './static-assets';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

export function assetResponse(file: string, ifNoneMatch: string | null, method: string): HttpResponseInit {
  const found = lookUpAsset(file);
  if (found.kind === 'unknown') {
    return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: 'Not found' };
  }
  const { asset } = found;
  const headers = {
    'Content-Type': asset.contentType,
    'Cache-Control': found.kind === 'fingerprinted' ? IMMUTABLE : REVALIDATE,
    ETag: asset.etag,
  };
  if (etagMatches(ifNoneMatch, asset.etag)) return { status: 304, headers };
  return { status: 200, headers, ...(method === 'HEAD' ? {} : { body: asset.body }) };
}
