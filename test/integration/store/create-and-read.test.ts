import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { createIfAbsent } from '../../../shared/store/create-if-absent';
import { readDocument } from '../../../shared/store/point-read';
import { queryDocuments } from '../../../shared/store/query-documents';
import { startCosmosFixture, type CosmosFixture } from './support/cosmos-fixture';

const IdempotencyRecordSchema = z.object({ id: z.string(), ticketNumber: z.string(), requestHash: z.string() });
type IdempotencyRecord = z.infer<typeof IdempotencyRecordSchema>;

describe('creating, reading and querying documents', () => {
  let cosmos: CosmosFixture;
  let container: Container;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
  });

  afterAll(() => cosmos.stop());

  beforeEach(async () => {
    container = await cosmos.container('/id');
  });

  describe('create-if-absent', () => {
    it('lets exactly one of 50 concurrent creators win', async () => {
      const attempts = Array.from({ length: 50 }, (_, index) =>
        createIfAbsent<IdempotencyRecord>(container, { id: 'key-1', ticketNumber: `BTN-${index}`, requestHash: 'h' }),
      );
      const results = await Promise.all(attempts);
      const winners = results.flatMap((result) => (result.kind === 'created' ? [result.document] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => result.kind === 'exists')).toHaveLength(49);
      const stored = await readDocument(container, 'key-1', 'key-1', IdempotencyRecordSchema);
      expect(stored).toMatchObject({ kind: 'found', document: winners[0] });
    });

    it('returns the ETag of the created document', async () => {
      const created = await createIfAbsent(container, { id: 'key-2', ticketNumber: 'BTN-2', requestHash: 'h' });
      const read = await readDocument(container, 'key-2', 'key-2', IdempotencyRecordSchema);
      expect(created.kind).toBe('created');
      expect(read.kind).toBe('found');
      if (created.kind === 'created' && read.kind === 'found') expect(created.etag).toBe(read.etag);
    });

    it('reports an unavailable store rather than claiming the id exists', async () => {
      cosmos.standIn.setUnavailable(true);
      try {
        expect(await createIfAbsent(container, { id: 'key-3', ticketNumber: 'BTN-3', requestHash: 'h' })).toMatchObject({
          kind: 'failed',
          failure: { kind: 'unavailable' },
        });
      } finally {
        cosmos.standIn.setUnavailable(false);
      }
      expect(await readDocument(container, 'key-3', 'key-3', IdempotencyRecordSchema)).toEqual({ kind: 'not-found' });
    });
  });

  describe('point read', () => {
    it('parses the document with its schema, leaving Cosmos system fields out', async () => {
      await container.items.create({ id: 'key-4', ticketNumber: 'BTN-4', requestHash: 'h' });
      const read = await readDocument(container, 'key-4', 'key-4', IdempotencyRecordSchema);
      expect(read).toEqual({ kind: 'found', document: { id: 'key-4', ticketNumber: 'BTN-4', requestHash: 'h' }, etag: expect.any(String) });
    });

    it('reports a missing document', async () => {
      expect(await readDocument(container, 'nope', 'nope', IdempotencyRecordSchema)).toEqual({ kind: 'not-found' });
    });

    it('reports a document that does not match its schema, naming the field', async () => {
      await container.items.create({ id: 'key-5', ticketNumber: 5 });
      const read = await readDocument(container, 'key-5', 'key-5', IdempotencyRecordSchema);
      expect(read.kind).toBe('invalid');
      if (read.kind === 'invalid') expect(read.reason).toContain('ticketNumber');
    });
  });

  describe('query', () => {
    beforeEach(async () => {
      for (const [id, ticketNumber] of [
        ['k-a', 'BTN-7'],
        ['k-b', 'BTN-7'],
        ['k-c', 'BTN-8'],
      ] as const) {
        await container.items.create({ id, ticketNumber, requestHash: id });
      }
      await container.items.create({ id: 'k-bad', ticketNumber: 'BTN-7' });
    });

    it('returns the parsed rows and reports the ones that do not match the schema', async () => {
      const read = await queryDocuments(
        container,
        { query: 'SELECT * FROM c WHERE c.ticketNumber = @ticket ORDER BY c.id', parameters: [{ name: '@ticket', value: 'BTN-7' }] },
        IdempotencyRecordSchema,
      );
      expect(read.kind).toBe('read');
      if (read.kind !== 'read') return;
      expect(read.documents.map((document) => document.id)).toEqual(['k-a', 'k-b']);
      expect(read.skipped.map((row) => row.id)).toEqual(['k-bad']);
    });

    it('stops after maxItems rows', async () => {
      const read = await queryDocuments(container, { query: 'SELECT * FROM c ORDER BY c.id' }, IdempotencyRecordSchema, { maxItems: 2 });
      expect(read).toMatchObject({ kind: 'read' });
      if (read.kind === 'read') expect(read.documents.map((document) => document.id)).toEqual(['k-a', 'k-b']);
    });

    it('reports an unavailable store', async () => {
      cosmos.standIn.setUnavailable(true);
      try {
        expect(await queryDocuments(container, { query: 'SELECT * FROM c' }, IdempotencyRecordSchema)).toMatchObject({
          kind: 'failed',
          failure: { kind: 'unavailable' },
        });
      } finally {
        cosmos.standIn.setUnavailable(false);
      }
    });
  });
});
