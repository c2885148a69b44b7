import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { readDocument } from '../../../shared/store/point-read';
import { noChange, rejectWith, replaceWith, updateWithEtag } from '../../../shared/store/update-with-etag';
import { startCosmosFixture, type CosmosFixture } from './support/cosmos-fixture';
import { withWriterBeforeEachReplace } from './support/interfering-container';

const CounterSchema = z.object({ id: z.string(), ticketNumber: z.string(), count: z.number().int(), notes: z.array(z.string()) });
type Counter = z.infer<typeof CounterSchema>;

const increment = (counter: Counter) => replaceWith({ ...counter, count: counter.count + 1 });

describe('ETag-guarded updates', () => {
  let cosmos: CosmosFixture;
  let tickets: Container;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
  });

  afterAll(() => cosmos.stop());

  beforeEach(async () => {
    tickets = await cosmos.container('/ticketNumber');
    await tickets.items.create<Counter>({ id: 'BTN-1', ticketNumber: 'BTN-1', count: 0, notes: [] });
  });

  async function stored(): Promise<Counter> {
    const read = await readDocument(tickets, 'BTN-1', 'BTN-1', CounterSchema);
    if (read.kind !== 'found') throw new Error(`expected the counter, got ${read.kind}`);
    return read.document;
  }

  it('applies 20 concurrent increments exactly once each', async () => {
    // With n writers, n attempts always suffice: every lost attempt means another writer's change landed.
    const results = await Promise.all(
      Array.from({ length: 20 }, () => updateWithEtag(tickets, 'BTN-1', 'BTN-1', increment, { schema: CounterSchema, maxAttempts: 20 })),
    );
    expect(results.every((result) => result.kind === 'updated')).toBe(true);
    expect((await stored()).count).toBe(20);
    const counts = results.map((result) => (result.kind === 'updated' ? result.document.count : -1));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('starts over from fresh state when another writer got in between (412)', async () => {
    let interfered = false;
    const racy = withWriterBeforeEachReplace(tickets, async () => {
      if (interfered) return;
      interfered = true;
      const current = await stored();
      await tickets.items.upsert<Counter>({ ...current, count: 100 });
    });
    const seen: number[] = [];
    const result = await updateWithEtag(
      racy,
      'BTN-1',
      'BTN-1',
      (counter) => {
        seen.push(counter.count);
        return replaceWith({ ...counter, notes: [...counter.notes, 'mine'] });
      },
      { schema: CounterSchema },
    );
    expect(result).toMatchObject({ kind: 'updated', attempts: 2 });
    // The first decision saw 0 and was thrown away; the second saw the other writer's 100 and kept it.
    expect(seen).toEqual([0, 100]);
    expect(await stored()).toMatchObject({ count: 100, notes: ['mine'] });
  });

  it('gives up as contended after maxAttempts and writes nothing of its own', async () => {
    const alwaysRacy = withWriterBeforeEachReplace(tickets, async () => {
      const current = await stored();
      await tickets.items.upsert<Counter>({ ...current, count: current.count + 1 });
    });
    let calls = 0;
    const result = await updateWithEtag(
      alwaysRacy,
      'BTN-1',
      'BTN-1',
      (counter) => {
        calls += 1;
        return replaceWith({ ...counter, notes: [...counter.notes, 'never'] });
      },
      { schema: CounterSchema, maxAttempts: 3 },
    );
    expect(result).toEqual({ kind: 'contended', attempts: 3 });
    expect(calls).toBe(3);
    expect(await stored()).toMatchObject({ count: 3, notes: [] });
  });

  it('does not write when the decision is no-change or a rejection', async () => {
    const before = await readDocument(tickets, 'BTN-1', 'BTN-1', CounterSchema);
    if (before.kind !== 'found') throw new Error('expected the counter');
    expect(await updateWithEtag(tickets, 'BTN-1', 'BTN-1', () => noChange(), { schema: CounterSchema })).toMatchObject({
      kind: 'unchanged',
      etag: before.etag,
    });
    expect(
      await updateWithEtag(tickets, 'BTN-1', 'BTN-1', () => rejectWith({ reason: 'ticket-closed' }), { schema: CounterSchema }),
    ).toEqual({ kind: 'rejected', rejection: { reason: 'ticket-closed' }, document: before.document, etag: before.etag });
    const after = await readDocument(tickets, 'BTN-1', 'BTN-1', CounterSchema);
    expect(after).toMatchObject({ kind: 'found', etag: before.etag });
  });

  it('reports a missing document', async () => {
    expect(await updateWithEtag(tickets, 'BTN-404', 'BTN-404', increment, { schema: CounterSchema })).toEqual({ kind: 'not-found' });
  });

  it('refuses to write a document its schema would not read back', async () => {
    const result = await updateWithEtag(tickets, 'BTN-1', 'BTN-1', (counter) => replaceWith({ ...counter, count: 1.5 }), {
      schema: CounterSchema,
    });
    expect(result.kind).toBe('invalid');
    expect((await stored()).count).toBe(0);
  });

  it('reports a stored document that does not match its schema', async () => {
    await tickets.items.upsert({ id: 'BTN-1', ticketNumber: 'BTN-1', count: 'many' });
    expect(await updateWithEtag(tickets, 'BTN-1', 'BTN-1', increment, { schema: CounterSchema })).toMatchObject({ kind: 'invalid' });
  });

  it('reports an unavailable store as such', async () => {
    cosmos.standIn.setUnavailable(true);
    try {
      expect(await updateWithEtag(tickets, 'BTN-1', 'BTN-1', increment, { schema: CounterSchema })).toMatchObject({
        kind: 'failed',
        failure: { kind: 'unavailable' },
      });
    } finally {
      cosmos.standIn.setUnavailable(false);
    }
    expect((await stored()).count).toBe(0);
  });
});
