/**
 * The organisation's configuration in the `config` container: seeded from the sample in the
 * local environment, validated by its schema on every read, and never overwritten by the seed.
 */
import { CONFIG_CONTAINER } from '../../../shared/store/containers';
import { ORG_CONFIG_DOCUMENT_ID, OrgConfigDocumentSchema } from '../../../shared/org-config/org-config-document';
import { cachedOrgConfigSource, readOrgConfig } from '../../../shared/org-config/org-config-source';
import { sampleOrgConfigDocument, seedSampleOrgConfig } from '../../../shared/org-config/seed-sample-org';
import { ManualClock, startTicketServiceFixture, type TicketServiceFixture } from './support/ticket-service-fixture';

const clock = new ManualClock('2026-11-23T10:00:00.000Z');

describe('the organisation configuration source', () => {
  let fixture: TicketServiceFixture;

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  async function emptyConfigContainer() {
    const { services, databaseId } = fixture.services({ clock });
    await services.ensureStore();
    return fixture.client.database(databaseId).container(CONFIG_CONTAINER);
  }

  it('says missing when nothing was loaded, and seeds the sample only when asked to', async () => {
    const container = await emptyConfigContainer();
    expect(await readOrgConfig(container)).toEqual({ kind: 'missing' });
    expect(await cachedOrgConfigSource({ container, clock, seedSampleWhenAbsent: false })()).toEqual({ kind: 'missing' });
    const seeded = await cachedOrgConfigSource({ container, clock, seedSampleWhenAbsent: true })();
    expect(seeded.kind === 'loaded' && seeded.config.supportDesk.name).toBe('Baton Cloud Support Desk');
  });

  it('never overwrites a configuration someone loaded', async () => {
    const container = await emptyConfigContainer();
    const custom = sampleOrgConfigDocument(clock);
    await container.items.create({ ...custom, source: 'loaded by an operator', config: { ...custom.config, supportDesk: { name: 'Fabrikam Desk', email: 'desk@fabrikam.example' } } });
    expect(await seedSampleOrgConfig(container, clock)).toEqual({ kind: 'already-present' });
    const read = await readOrgConfig(container);
    expect(read.kind === 'loaded' && read.config.supportDesk.name).toBe('Fabrikam Desk');
  });

  it('refuses a stored configuration whose references dangle, naming the problem', async () => {
    const container = await emptyConfigContainer();
    const document = sampleOrgConfigDocument(clock);
    const broken = { ...document, config: { ...document.config, plans: document.config.plans.map((plan) => ({ ...plan, slaPolicyId: 'no-such-policy' })) } };
    await container.items.create(broken);
    const read = await readOrgConfig(container);
    expect(read.kind).toBe('invalid');
    expect(read.kind === 'invalid' && read.reason).toContain('no-such-policy');
  });

  it('keeps a loaded configuration in memory, and answers unavailable while the store is down and nothing is cached', async () => {
    const container = await emptyConfigContainer();
    await container.items.create(sampleOrgConfigDocument(clock));
    const cached = cachedOrgConfigSource({ container, clock, seedSampleWhenAbsent: false });
    const cold = cachedOrgConfigSource({ container, clock, seedSampleWhenAbsent: false });
    expect((await cached()).kind).toBe('loaded');
    fixture.cosmos.setUnavailable(true);
    try {
      expect((await cached()).kind).toBe('loaded');
      const down = await cold();
      expect(down.kind === 'failed' && down.failure.kind).toBe('unavailable');
    } finally {
      fixture.cosmos.setUnavailable(false);
    }
    const stored = await container.item(ORG_CONFIG_DOCUMENT_ID, ORG_CONFIG_DOCUMENT_ID).read<Record<string, unknown>>();
    expect(OrgConfigDocumentSchema.safeParse(stored.resource).success).toBe(true);
  });
  it('reads the stored configuration when asked for a fresh read, and keeps that one instead of its older copy', async () => {
    const container = await emptyConfigContainer();
    const document = sampleOrgConfigDocument(clock);
    await container.items.create(document);
    const source = cachedOrgConfigSource({ container, clock, seedSampleWhenAbsent: false });
    expect((await source()).kind).toBe('loaded');
    await container.items.upsert({ ...document, config: { ...document.config, supportDesk: { name: 'Renamed Desk', email: 'desk@baton.example' } } });
    const copy = await source();
    expect(copy.kind === 'loaded' && copy.config.supportDesk.name).toBe('Baton Cloud Support Desk');
    const fresh = await source({ fresh: true });
    expect(fresh.kind === 'loaded' && fresh.config.supportDesk.name).toBe('Renamed Desk');
    const after = await source();
    expect(after.kind === 'loaded' && after.config.supportDesk.name).toBe('Renamed Desk');
  });

  it('does not keep a read that was under way when it was told to forget, which may predate the change', async () => {
    const container = await emptyConfigContainer();
    const document = sampleOrgConfigDocument(clock);
    await container.items.create(document);
    const source = cachedOrgConfigSource({ container, clock, seedSampleWhenAbsent: false });
    const underWay = source();
    source.forget();
    await underWay;
    await container.items.upsert({ ...document, config: { ...document.config, supportDesk: { name: 'Renamed Desk', email: 'desk@baton.example' } } });
    const next = await source();
    expect(next.kind === 'loaded' && next.config.supportDesk.name).toBe('Renamed Desk');
  });
});
