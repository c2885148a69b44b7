/**
 * Which document versions this process has already checked against their schema, by id and ETag.
 * The store validates at its boundary only: a version this process wrote itself was checked when
 * it was written (`updateWithEtag` and the creates parse what they write), and a version it read
 * before was checked on that first read; neither is parsed again. What is still parsed is the
 * first read of a version of unknown origin: written by another instance or an older release, or
 * edited by hand. An ETag names one version exactly, so a remembered version can never be stale.
 * Parsing whole tickets, timelines included, on every read was 4–6 % of the host's CPU.
 */
export class CheckedVersions<T> {
  private readonly versions = new Map<string, T>();

  /** Bounded, oldest first out: a ticket is read again within one lifecycle turn, rarely later. */
  constructor(private readonly capacity = 256) {}

  get(id: string, etag: string): T | undefined {
    const key = keyOf(id, etag);
    const document = this.versions.get(key);
    if (document === undefined) return undefined;
    // Refresh its place: a document in use stays while idle ones go.
    this.versions.delete(key);
    this.versions.set(key, document);
    return document;
  }

  remember(id: string, etag: string, document: T): void {
    const key = keyOf(id, etag);
    this.versions.delete(key);
    if (this.versions.size >= this.capacity) {
      const oldest = this.versions.keys().next();
      if (oldest.done !== true) this.versions.delete(oldest.value);
    }
    this.versions.set(key, document);
  }
}

function keyOf(id: string, etag: string): string {
  return `${id}\n${etag}`;
}
