/**
 * Registering a customer contact in the stored organisation configuration: the desk's own reads
 * see it at once, concurrent registrations both land under the ETag, and a refusal writes nothing.
 */
import { entitlementCheck } from '../../../shared/domain/entitlement/entitlement-check';
import { CONFIG_CONTAINER } from '../../../shared/store/containers';
import { readOrgConfig } from '../../../shared/org-config/org-config-source';
import { registerCustomerContact } from '../../../shared/org-config/register-customer-contact';
import { sampleOrgConfigDocument } from '../../../shared/org-config/seed-sample-org';
import { ManualClock, startTicketServiceFixture, type TicketServiceFixture } from './support/ticket-service-fixture';

const clock = new ManualClock('2026-11-23T10:00:00.000Z');
const GRACE = { id: 'grace-okafor', name: 'Grace Okafor' };
const PARTNER_ASKS = { tenantDomain: 'contoso.onmicrosoft.com', company: 'Contoso Ltd', requesterEmail: 'ines.duarte@lisbon-it.example', severity: 'A' as const, scope: 'cloud' as const };

describe('registering a customer contact in the stored configuration', () => {
  let fixture: TicketServiceFixture;

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  async function storedSample() {
    const { services, databaseId } = fixture.services({ clock });
    await services.ensureStore();
    const container = fixture.client.database(databaseId).container(CONFIG_CONTAINER);
    await container.items.create(sampleOrgConfigDocument(clock));
    return { services, container };
  }

  it('entitles the contact from the next read of the same process, and records who changed the configuration', async () => {
    const { services, container } = await storedSample();
    const before = await services.orgConfig();
    expect(before.kind === 'loaded' && entitlementCheck(PARTNER_ASKS, before.config, clock.now().toISOString()).ok).toBe(false);

    clock.advance(5 * 60_000);
    const registration = await services.registerCustomerContact({ contractId: 'contoso-unified', email: 'ines.duarte@lisbon-it.example', roles: ['team-lead'], registrar: GRACE });
    expect(registration).toMatchObject({ kind: 'registered', contract: { contacts: ['noah.kim@adatum.com', 'ines.duarte@lisbon-it.example'] } });

    const after = await services.orgConfig();
    expect(after.kind === 'loaded' && entitlementCheck(PARTNER_ASKS, after.config, clock.now().toISOString())).toMatchObject({ ok: true, contract: { id: 'contoso-unified' } });
    const stored = await container.item('org-config', 'org-config').read<{ source: string; updatedAt: string }>();
    expect(stored.resource).toMatchObject({ source: "contact registered for contract 'contoso-unified' by Grace Okafor (grace-okafor)", updatedAt: '2026-11-23T10:05:00.000Z' });
  });

  it('lands every one of several registrations made at the same moment', async () => {
    const { container } = await storedSample();
    const addresses = ['a.one@partner.example', 'b.two@partner.example', 'c.three@partner.example', 'd.four@partner.example'];
    const results = await Promise.all(
      addresses.map((email) => registerCustomerContact(container, { contractId: 'fabrikam-standard', email, roles: ['admin'], registrar: GRACE }, clock.now().toISOString())),
    );
    expect(results.map((result) => result.kind)).toEqual(addresses.map(() => 'registered'));
    const read = await readOrgConfig(container);
    const contacts = read.kind === 'loaded' ? read.config.contracts.find((contract) => contract.id === 'fabrikam-standard')?.contacts : [];
    expect([...(contacts ?? [])].sort()).toEqual(['noah.kim@adatum.com', ...addresses].sort());
  });

  it('writes nothing when the domain refuses, and says so when no configuration is stored', async () => {
    const { container } = await storedSample();
    const untouched = await container.item('org-config', 'org-config').read<{ _etag: string }>();
    const now = clock.now().toISOString();
    expect(await registerCustomerContact(container, { contractId: 'contoso-unified', email: 'x@partner.example', roles: ['engineer'], registrar: GRACE }, now)).toMatchObject({ kind: 'forbidden' });
    expect(await registerCustomerContact(container, { contractId: 'tailspin-gold', email: 'x@partner.example', roles: ['admin'], registrar: GRACE }, now)).toMatchObject({ kind: 'unknown-contract' });
    expect(await registerCustomerContact(container, { contractId: 'contoso-unified', email: 'someone@contoso.com', roles: ['admin'], registrar: GRACE }, now)).toMatchObject({ kind: 'already-recognised' });
    expect((await container.item('org-config', 'org-config').read<{ _etag: string }>()).resource?._etag).toBe(untouched.resource?._etag);

    const { services: empty } = fixture.services({ clock });
    expect(await empty.registerCustomerContact({ contractId: 'contoso-unified', email: 'x@partner.example', roles: ['admin'], registrar: GRACE })).toMatchObject({ kind: 'not-configured' });
  });
});
