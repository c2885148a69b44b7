/**
 * The Cosmos stand-in's write-ahead journal: what makes an acknowledged document write durable
 * before the client hears of it, as Cosmos DB promises.
 *
 * Each record is the *effect* of one write on one document — its state afterwards (with `_etag`
 * and `_ts`), or `null` once deleted — as one JSON line. Appends that arrive while a write to the
 * file is under way wait for the next one, so concurrent requests share a single `write` and
 * `fdatasync` (group commit). A snapshot compacts the journal: it is taken in the same tick as a
 * rotation to a new generation file and names the last generation it covers; loading replays the
 * later generations in order. Replaying a record sets a document to a state, so replaying it twice
 * changes nothing. A torn final line was never acknowledged and is ignored.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { CosmosAccount } from './cosmos-engine';
import { fileNamesIn, syncDirectory } from './json-file';

const DocumentSchema = z.looseObject({ id: z.string() });

export const JournalRecordSchema = z.object({
  db: z.string(),
  coll: z.string(),
  id: z.string(),
  /** The partition key value the engine files the document under (absent: the id). */
  pk: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  /** The document as stored after the write, or `null` when the write deleted it. */
  doc: DocumentSchema.nullable(),
});
export type JournalRecord = z.infer<typeof JournalRecordSchema>;
export type StoredDocument = z.infer<typeof DocumentSchema>;

type Collection = ReturnType<ReturnType<CosmosAccount['database']>['collection']>;

/** Puts `document` into `collection` keeping the `_etag` and `_ts` clients have already seen. */
export function restoreDocument(collection: Collection, document: StoredDocument): void {
  const created = collection.documents.create(document);
  // `create` stamps a fresh ETag and timestamp; put back the recorded ones.
  if (typeof document._etag === 'string') created._etag = document._etag;
  if (typeof document._ts === 'number') created._ts = document._ts;
}

/** Sets one document to the state `record` describes (idempotent). */
export function applyJournalRecord(account: CosmosAccount, record: JournalRecord): void {
  const collection = account.database(record.db).collection(record.coll);
  // A container deleted later was snapshotted at once; its documents have nowhere to go.
  if (!collection.read()) return;
  if (collection.document(record.id, record.pk).read()) collection.documents.delete(record.id, record.pk);
  if (record.doc) restoreDocument(collection, record.doc);
}

const GENERATION_DIGITS = 10;

function generationFileName(baseName: string, generation: number): string {
  return `${baseName}.journal-${String(generation).padStart(GENERATION_DIGITS, '0')}`;
}

/** The journal files beside the snapshot named `baseName`, oldest generation first. */
export async function listJournalGenerations(
  directory: string,
  baseName: string,
): Promise<Array<{ generation: number; file: string }>> {
  const names = await fileNamesIn(directory);
  const prefix = `${baseName}.journal-`;
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => ({ generation: Number(name.slice(prefix.length)), file: path.join(directory, name) }))
    .sort((a, b) => a.generation - b.generation);
}

/** The records of one journal file; a final line cut short by a crash is left out. */
export async function readJournalFile(file: string): Promise<JournalRecord[]> {
  const text = await fs.readFile(file, 'utf8');
  const lines = text.split('\n');
  // Every complete record ends with a newline, so the last element is '' or a torn tail.
  lines.pop();
  return lines.map((line, index) => {
    try {
      return JournalRecordSchema.parse(JSON.parse(line));
    } catch (error) {
      throw new Error(`${file}: record ${index + 1} is unreadable (${error instanceof Error ? error.message : String(error)})`);
    }
  });
}

interface Batch {
  readonly generation: number;
  readonly lines: string[];
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(generation: number): Batch {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // A failed batch is reported to each appender; this keeps an unobserved one from crashing the process.
  done.catch(() => undefined);
  return { generation, lines: [], done, resolve, reject };
}

/** Appends records to generation files, one `write` + `fdatasync` for all records pending. */
export class WriteAheadJournal {
  private generation: number;
  private open: Batch | undefined;
  private writing: Promise<void> = Promise.resolve();
  private file: { generation: number; handle: fs.FileHandle } | undefined;
  /** After a failed write, its file may end in a torn line: later batches go to a fresh file. */
  private firstWritableGeneration = 0;

  constructor(
    private readonly directory: string,
    private readonly baseName: string,
    firstGeneration: number,
  ) {
    this.generation = firstGeneration;
  }

  /** The generation new records go to. */
  currentGeneration(): number {
    return this.generation;
  }

  /** Queues `record`; resolves once it is on disk (flushed), rejects if it could not be written. */
  append(record: JournalRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    if (!this.open || this.open.generation !== this.generation) {
      const batch = newBatch(this.generation);
      this.open = batch;
      this.writing = this.writing.then(() => this.writeBatch(batch));
    }
    this.open.lines.push(line);
    return this.open.done;
  }

  /**
   * Starts a new generation and answers the one just closed. Called in the same tick as a snapshot
   * capture, so the snapshot holds exactly the effects of the closed generations.
   */
  rotate(): number {
    const closed = this.generation;
    this.generation += 1;
    return closed;
  }

  /** Resolves once every batch queued so far has been written (or has failed). */
  drained(): Promise<void> {
    return this.writing;
  }

  /** Deletes the files of generations up to `generation` (a durable snapshot covers them). */
  async removeThrough(generation: number): Promise<void> {
    await this.drained();
    const files = await listJournalGenerations(this.directory, this.baseName);
    await Promise.all(
      files.filter((entry) => entry.generation <= generation).map((entry) => fs.rm(entry.file, { force: true })),
    );
  }

  async close(): Promise<void> {
    await this.drained();
    await this.file?.handle.close();
    this.file = undefined;
  }

  private async writeBatch(batch: Batch): Promise<void> {
    // From here on, new appends gather in the next batch while this one is written.
    if (this.open === batch) this.open = undefined;
    const generation = Math.max(batch.generation, this.firstWritableGeneration);
    try {
      const handle = await this.fileFor(generation);
      await handle.write(batch.lines.join(''));
      await handle.datasync();
      batch.resolve();
    } catch (error) {
      batch.reject(error);
      this.firstWritableGeneration = generation + 1;
      this.generation = Math.max(this.generation, this.firstWritableGeneration);
      await this.file?.handle.close().catch(() => undefined);
      this.file = undefined;
    }
  }

  private async fileFor(generation: number): Promise<fs.FileHandle> {
    if (this.file?.generation === generation) return this.file.handle;
    await this.file?.handle.close();
    this.file = undefined;
    await fs.mkdir(this.directory, { recursive: true });
    const handle = await fs.open(path.join(this.directory, generationFileName(this.baseName, generation)), 'a');
    // A new file's name is durable only once its directory is flushed too.
    await syncDirectory(this.directory);
    this.file = { generation, handle };
    return handle;
  }
}
