/**
 * A container's documents kept sorted by one ORDER BY clause, the stand-in's counterpart of the
 * range and composite indexes Cosmos DB walks for `ORDER BY`. The engine
 * (@zeit/cosmosdb-query) answers every query by sorting all of a container's documents; with an
 * order kept up to date on each write, a query that wants the first rows of an ordering only has
 * to look at the first documents of it, and a filter on the leading property narrows the walk to
 * the stretch of the order where matching documents can be.
 *
 * The order is the engine's own, so that a stretch of it run through the engine gives what the
 * engine would give over all documents: values compare by type first (undefined, null, boolean,
 * number, string, array, object), then by value, two objects or two arrays as equal; ties fall to
 * `_rid`, ascending whatever the direction.
 */

export type StoredDocument = Readonly<Record<string, unknown>>;

export interface OrderTerm {
  /** The property path below the document, e.g. `['notificationDebt', 'since']`. */
  readonly path: readonly string[];
  readonly descending: boolean;
}

/** A bound on the leading property: documents outside it cannot match the query's filter. */
export interface Bound {
  readonly value: unknown;
  readonly inclusive: boolean;
}

export interface LeadingBounds {
  readonly lower?: Bound;
  readonly upper?: Bound;
}

const TYPE_ORDER = ['undefined', 'null', 'boolean', 'number', 'string', 'array', 'object'] as const;

function typeRank(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null) return 1;
  if (Array.isArray(value)) return 5;
  switch (typeof value) {
    case 'boolean':
      return 2;
    case 'number':
      return 3;
    case 'string':
      return 4;
    default:
      return TYPE_ORDER.length - 1;
  }
}

/** The engine's comparison of two values (its `comparator`). */
export function compareValues(first: unknown, second: unknown): number {
  if (first === second) return 0;
  const firstRank = typeRank(first);
  const secondRank = typeRank(second);
  if (firstRank !== secondRank) return firstRank < secondRank ? -1 : 1;
  if (firstRank === TYPE_ORDER.indexOf('object')) return 0;
  // Arrays compare as the engine compares them, through JavaScript's `<`.
  return (first as string) < (second as string) ? -1 : 1;
}

/** The value at `path`, undefined as soon as a step is missing (the engine's `getValue`). */
export function valueAt(document: unknown, path: readonly string[]): unknown {
  let value: unknown = document;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
    if (value === undefined) return undefined;
  }
  return value;
}

interface Entry {
  readonly document: StoredDocument;
  readonly keys: readonly unknown[];
  readonly rid: string;
}

/** The first index in `entries` for which `isPast` holds (it must hold for a suffix). */
function firstWhere(entries: readonly Entry[], isPast: (entry: Entry) => boolean): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    if (entry !== undefined && isPast(entry)) high = middle;
    else low = middle + 1;
  }
  return low;
}

export class SortedOrder {
  private entries: Entry[] = [];
  private readonly byDocument = new Map<string, Entry>();

  constructor(readonly terms: readonly OrderTerm[]) {}

  /** How many documents the order holds. */
  get size(): number {
    return this.entries.length;
  }

  /** Fills the order from scratch (one sort), replacing what it held. */
  fill(documents: Iterable<readonly [key: string, document: StoredDocument]>): void {
    this.byDocument.clear();
    const entries: Entry[] = [];
    for (const [key, document] of documents) {
      const entry = this.entryOf(document);
      if (entry === undefined) continue;
      entries.push(entry);
      this.byDocument.set(key, entry);
    }
    this.entries = entries.sort((first, second) => this.compare(first, second));
  }

  /** Puts a written document in its place (or takes a deleted one, `undefined`, out). */
  put(key: string, document: StoredDocument | undefined): void {
    const earlier = this.byDocument.get(key);
    if (earlier !== undefined) {
      const at = firstWhere(this.entries, (entry) => this.compare(entry, earlier) >= 0);
      if (this.entries[at] === earlier) this.entries.splice(at, 1);
      else this.entries = this.entries.filter((entry) => entry !== earlier);
      this.byDocument.delete(key);
    }
    const entry = document === undefined ? undefined : this.entryOf(document);
    if (entry === undefined) return;
    this.entries.splice(
      firstWhere(this.entries, (held) => this.compare(held, entry) > 0),
      0,
      entry,
    );
    this.byDocument.set(key, entry);
  }

  /**
   * Where the documents the bounds on the leading property allow begin and end in the order. Only
   * an ascending leading property is narrowed; otherwise the stretch is the whole order.
   */
  stretch(bounds: LeadingBounds): { readonly start: number; readonly end: number } {
    const [leading] = this.terms;
    if (leading === undefined || leading.descending) return { start: 0, end: this.entries.length };
    const { lower, upper } = bounds;
    const key = (entry: Entry): unknown => entry.keys[0];
    // A comparison between values of different types matches nothing, so a bound also confines the
    // walk to the bound's own type.
    const start =
      lower !== undefined
        ? firstWhere(this.entries, (entry) => compareValues(key(entry), lower.value) >= (lower.inclusive ? 0 : 1))
        : upper !== undefined
          ? firstWhere(this.entries, (entry) => typeRank(key(entry)) >= typeRank(upper.value))
          : 0;
    const end =
      upper !== undefined
        ? firstWhere(this.entries, (entry) => compareValues(key(entry), upper.value) >= (upper.inclusive ? 1 : 0))
        : lower !== undefined
          ? firstWhere(this.entries, (entry) => typeRank(key(entry)) > typeRank(lower.value))
          : this.entries.length;
    return { start, end: Math.max(start, end) };
  }

  documents(start: number, end: number): StoredDocument[] {
    return this.entries.slice(start, end).map((entry) => entry.document);
  }

  private entryOf(document: StoredDocument): Entry | undefined {
    const keys = this.terms.map((term) => valueAt(document, term.path));
    // With one ORDER BY property the engine leaves out documents that lack it.
    if (this.terms.length === 1 && keys[0] === undefined) return undefined;
    return { document, keys, rid: typeof document['_rid'] === 'string' ? document['_rid'] : '' };
  }

  private compare(first: Entry, second: Entry): number {
    for (const [index, term] of this.terms.entries()) {
      const order = compareValues(first.keys[index], second.keys[index]);
      if (order !== 0) return term.descending ? -order : order;
    }
    return compareValues(first.rid, second.rid);
  }
}
