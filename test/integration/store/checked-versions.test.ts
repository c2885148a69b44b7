import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { CheckedVersions } from '../../../shared/store/checked-versions';
import { readDocument } from '../../../shared/store/point-read';
import { queryDocuments } from '../../../shared/store/query-documents';
import { QueueRowSchema, readQueuePage, type QueueRow } from '../../../shared/store/queue-page';
import { replaceWith, updateWithEtag } from '../../../shared/store/update-with-etag';
import { startCosmosFixture, type CosmosFixture } from './support/cosmos-fixture';

const NoteSchema = z.object({ id: z.string(), text: z.string().min(1) });
type Note = z.infer<typeof NoteSchema>;

describe('validating stored documents at the boundary only', () => {
  let cosmos: CosmosFixture;
  let container: Container;
  let versions: CheckedVersions<Note>;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
  });
  afterAll(() => cosmos.stop());
  beforeEach(async () => {
    container = await cosmos.container('/id');
    versions = new CheckedVersions<Note>();
  });

  /** How often the schema parses while `work` runs. */
  async function parsesDuring(work: () => Promise<unknown>): Promise<number> {
    const parse = jest.spyOn(NoteSchema, 'safeParse');
    try {
      await work();
      return parse.mock.calls.length;
    } finally {
      parse.mockRestore();
    }
  }

  it('parses the first read of a version written elsewhere, and not the same version again', async () => {
    await container.items.create({ id: 'n1', text: 'written by another instance' });
    expect(await parsesDuring(() => readDocument(container, 'n1', 'n1', NoteSchema, versions))).toBe(1);
    expect(await parsesDuring(() => readDocument(container, 'n1', 'n1', NoteSchema, versions))).toBe(0);
    expect(await parsesDuring(() => queryDocuments(container, { query: 'SELECT * FROM c' }, NoteSchema, { versions }))).toBe(0);
  });

  it('parses again once somebody else wrote a new version', async () => {
    await container.items.create({ id: 'n2', text: 'first' });
    await readDocument(container, 'n2', 'n2', NoteSchema, versions);
    await container.item('n2', 'n2').replace({ id: 'n2', text: '' });
    const read = await readDocument(container, 'n2', 'n2', NoteSchema, versions);
    expect(read.kind).toBe('invalid');
  });

  it('trusts on reading back the version it wrote itself, which it checked while writing', async () => {
    await container.items.create({ id: 'n3', text: 'first' });
    const updated = await updateWithEtag(container, 'n3', 'n3', (note: Note) => replaceWith({ ...note, text: 'second' }), { schema: NoteSchema, versions });
    expect(updated.kind).toBe('updated');
    let read: Awaited<ReturnType<typeof readDocument<Note>>> | undefined;
    expect(
      await parsesDuring(async () => {
        read = await readDocument(container, 'n3', 'n3', NoteSchema, versions);
      }),
    ).toBe(0);
    expect(read).toMatchObject({ kind: 'found', document: { id: 'n3', text: 'second' } });
  });

  it('does not parse what a caller vouches for, and trusts it on reading it back', async () => {
    await container.items.create({ id: 'n4', text: 'first' });
    await readDocument(container, 'n4', 'n4', NoteSchema, versions);
    expect(
      await parsesDuring(async () => {
        const updated = await updateWithEtag(container, 'n4', 'n4', (note: Note) => replaceWith({ ...note, text: 'second' }), { schema: NoteSchema, versions, validateWrites: false });
        expect(updated.kind).toBe('updated');
        expect(await readDocument(container, 'n4', 'n4', NoteSchema, versions)).toMatchObject({ kind: 'found', document: { text: 'second' } });
      }),
    ).toBe(0);
  });

  it('forgets the oldest version beyond its capacity', () => {
    const small = new CheckedVersions<Note>(2);
    small.remember('a', 'e1', { id: 'a', text: 'a' });
    small.remember('b', 'e1', { id: 'b', text: 'b' });
    expect(small.get('a', 'e1')).toBeDefined();
    small.remember('c', 'e1', { id: 'c', text: 'c' });
    expect(small.get('b', 'e1')).toBeUndefined();
    expect(small.get('a', 'e1')).toEqual({ id: 'a', text: 'a' });
    expect(small.get('a', 'e2')).toBeUndefined();
  });

  describe('queue lines', () => {
    const line = (ticketNumber: string, status: string, slaNextDueAt: string): Record<string, unknown> => ({
      id: ticketNumber,
      ticketNumber,
      title: 'Sign-ins fail',
      status,
      slaNextDueAt,
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
      timeline: [{ type: 'a whole timeline a queue line never reads' }],
    });

    async function linesParsedDuring(work: () => Promise<unknown>): Promise<number> {
      const parse = jest.spyOn(QueueRowSchema, 'safeParse');
      try {
        await work();
        return parse.mock.calls.length;
      } finally {
        parse.mockRestore();
      }
    }

    it('parses each version of a queue line once, and skips a line edited into one it cannot read', async () => {
      const lines = new CheckedVersions<QueueRow>();
      await container.items.create(line('BTN-20261124-00001', 'triaged', '2026-11-24T10:00:00.000Z'));
      await container.items.create(line('BTN-20261124-00002', 'investigating', '2026-11-24T11:00:00.000Z'));
      const page = (): ReturnType<typeof readQueuePage> => readQueuePage(container, {}, { pageSize: 10 }, lines);

      expect(await linesParsedDuring(page)).toBe(2);
      expect(await linesParsedDuring(page)).toBe(0);
      const again = await page();
      expect(again).toMatchObject({ kind: 'read', rows: [{ ticketNumber: 'BTN-20261124-00001', status: 'triaged' }, { ticketNumber: 'BTN-20261124-00002', status: 'investigating' }], skipped: [] });

      await container.item('BTN-20261124-00002', 'BTN-20261124-00002').replace(line('BTN-20261124-00002', 'no such status', '2026-11-24T11:00:00.000Z'));
      const edited = await page();
      expect(edited).toMatchObject({ kind: 'read', rows: [{ ticketNumber: 'BTN-20261124-00001' }], skipped: [{ id: 'BTN-20261124-00002' }] });
    });
  });
});
