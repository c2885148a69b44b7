/**
 * Where the ticket service gets the organisation's configuration: the `config` container, parsed
 * by its schema, kept in memory for a short while (it changes rarely and every command needs it).
 * In the local environment an absent configuration is seeded from the sample on first read.
 */
import type { Container } from '@azure/cosmos';
import type { OrgConfig } from '../domain/org/org-config';
import type { Clock } from '../clock';
import { readDocument } from '../store/point-read';
import type { StoreFailure } from '../store/store-failure';
import { ORG_CONFIG_DOCUMENT_ID, OrgConfigDocumentSchema } from './org-config-document';
import { seedSampleOrgConfig } from './seed-sample-org';

export type OrgConfigLoad =
  | { readonly kind: 'loaded'; readonly config: OrgConfig }
  /** Nobody has loaded a configuration into this environment yet. */
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export interface OrgConfigRead {
  /** Read the stored document now rather than a copy kept in memory (another instance may have changed it). */
  readonly fresh?: boolean;
}

export type OrgConfigSource = (read?: OrgConfigRead) => Promise<OrgConfigLoad>;

/** A cached source this process can tell to read again, after it changed the stored configuration itself. */
export type CachedOrgConfigSource = OrgConfigSource & { forget(): void };

export interface OrgConfigSourceOptions {
  readonly container: Container;
  readonly clock: Clock;
  /** Seed the sample when absent (the local environment only). */
  readonly seedSampleWhenAbsent: boolean;
  /** How long a read configuration is trusted; default 60 s. */
  readonly cacheMs?: number;
}

export const DEFAULT_ORG_CONFIG_CACHE_MS = 60_000;

export async function readOrgConfig(container: Container): Promise<OrgConfigLoad> {
  const read = await readDocument(container, ORG_CONFIG_DOCUMENT_ID, ORG_CONFIG_DOCUMENT_ID, OrgConfigDocumentSchema);
  switch (read.kind) {
    case 'found':
      return { kind: 'loaded', config: read.document.config };
    case 'not-found':
      return { kind: 'missing' };
    case 'invalid':
      return { kind: 'invalid', reason: `the stored organisation configuration is invalid: ${read.reason}` };
    case 'failed':
      return read;
  }
}

async function readOrSeed(options: OrgConfigSourceOptions): Promise<OrgConfigLoad> {
  const first = await readOrgConfig(options.container);
  if (first.kind !== 'missing' || !options.seedSampleWhenAbsent) return first;
  const seeded = await seedSampleOrgConfig(options.container, options.clock);
  return seeded.kind === 'failed' ? seeded : readOrgConfig(options.container);
}

/**
 * Only a loaded configuration is cached: a failure is retried by the next caller. A read that began
 * before `forget()` (or before a fresh read) is not cached: it may predate the change.
 */
export function cachedOrgConfigSource(options: OrgConfigSourceOptions): CachedOrgConfigSource {
  const cacheMs = options.cacheMs ?? DEFAULT_ORG_CONFIG_CACHE_MS;
  let cached: { readonly config: OrgConfig; readonly readAt: number } | undefined;
  let inFlight: Promise<OrgConfigLoad> | undefined;
  let generation = 0;
  const readNow = async (): Promise<OrgConfigLoad> => {
    const startedIn = generation;
    const load = await readOrSeed(options);
    if (load.kind === 'loaded' && startedIn === generation) cached = { config: load.config, readAt: Date.now() };
    return load;
  };
  const forget = (): void => {
    generation += 1;
    cached = undefined;
    inFlight = undefined;
  };
  const read = async (request?: OrgConfigRead): Promise<OrgConfigLoad> => {
    if (request?.fresh === true) {
      forget();
      return readNow();
    }
    // Staleness is real elapsed time: a virtual app clock says nothing about how old this copy is.
    if (cached && Date.now() - cached.readAt < cacheMs) return { kind: 'loaded', config: cached.config };
    const shared = (inFlight ??= readNow().finally(() => {
      if (inFlight === shared) inFlight = undefined;
    }));
    return shared;
  };
  return Object.assign(read, { forget });
}
