/**
 * `npm run org -- import` against the Cosmos stand-in: a diff first, nothing written without
 * --apply, then the write, after which the ticket lifecycle routes with the imported roster.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { runOrgCommand, configContainerAt } from '../../../scripts/org';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { Command } from '../../../shared/domain/commands/commands';
import { ticketAgenda } from '../../../shared/domain/agenda/ticket-agenda';
import { readOrgConfig } from '../../../shared/org-config/org-config-source';
import { CONFIG_CONTAINER } from '../../../shared/store/containers';
import { createTicketServices, type TicketServices } from '../../../shared/ticket-service/ticket-services';
import { sampleIntake } from '../ticket-service/support/sample-intake';
import { ManualClock, startTicketServiceFixture, type TicketServiceFixture } from '../ticket-service/support/ticket-service-fixture';

const SAMPLE_FILE = path.join(__dirname, '../../../config/sample-org.yaml');
// Monday 10:00 in London: only EMEA is on shift.
const START = '2026-11-23T10:00:00.000Z';
const triage: Command = { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' };

/** The sample with a new EMEA engineer, the only one there who knows Entra ID. */
function rosterWithNewEntraEngineer(): string {
  const document = parseDocument(fs.readFileSync(SAMPLE_FILE, 'utf8'));
  const engineers: unknown = document.getIn(['roster', 'engineers']);
  const count = (engineers as { items: unknown[] }).items.length;
  for (let index = 0; index < count; index += 1) {
    const region: unknown = document.getIn(['roster', 'engineers', index, 'region']);
    const skills: unknown = document.getIn(['roster', 'engineers', index, 'skills'], false);
    const list = (skills as { toJSON(): string[] }).toJSON();
    if (region === 'EMEA') document.setIn(['roster', 'engineers', index, 'skills'], list.filter((skill) => skill !== 'entra-id'));
  }
  document.addIn(['roster', 'engineers'], { id: 'ana-kowalska', name: 'Ana Kowalska', email: 'ana.kowalska@css.example', region: 'EMEA', skills: ['entra-id'], capacity: 10, role: 'engineer' });
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-org-'));
  const file = path.join(directory, 'new-roster.yaml');
  fs.writeFileSync(file, document.toString());
  return file;
}

async function whoWouldBeAssigned(services: TicketServices, clock: ManualClock): Promise<string | undefined> {
  const opened = await services.openTicket({ intake: sampleIntake(), receivedAt: clock.now() });
  if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
  const steps: Command[] = [{ type: 'start-validation', actor: SYSTEM_ACTOR }, triage];
  const applied = await services.applyToTicket(opened.ticket.ticketNumber, () => steps, clock.now().toISOString());
  if (applied.kind !== 'applied') throw new Error(`could not triage: ${applied.kind}`);
  const org = await services.orgConfig();
  if (org.kind !== 'loaded') throw new Error(`no configuration: ${org.kind}`);
  const assign = ticketAgenda(applied.ticket, org.config, clock.now().toISOString()).due.find((item) => item.kind === 'assign');
  return assign?.kind === 'assign' ? assign.engineer.engineerId : undefined;
}

describe('npm run org -- import', () => {
  let fixture: TicketServiceFixture;

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  function setUp() {
    const clock = new ManualClock(START);
    const { services, databaseId, config } = fixture.services({ clock });
    const env = { BATON_COSMOS_ENDPOINT: fixture.cosmos.endpoint, BATON_COSMOS_KEY: fixture.cosmos.key, BATON_COSMOS_DATABASE: databaseId };
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runOrgCommand(argv, { out: (text) => out.push(text), err: (text) => err.push(text) }, { env, clock });
      return { code, out: out.join(''), err: err.join('') };
    };
    const container = fixture.client.database(databaseId).container(CONFIG_CONTAINER);
    // Another process of the app (its configuration cache is per process) on the same database.
    const anotherProcess = () => createTicketServices(config, { cosmosClient: fixture.client, clock });
    return { clock, services, run, container, env, databaseId, anotherProcess };
  }

  it('shows what a file adds, changes and removes, and writes it only with --apply', async () => {
    const { services, run, container } = setUp();
    await services.ensureStore();
    const first = await run(['import', SAMPLE_FILE]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Nothing is stored yet');
    expect(first.out).toContain('+ roster.engineers maria-garcia');
    expect(first.out).toContain('Nothing written: run again with --apply');
    expect(await readOrgConfig(container)).toEqual({ kind: 'missing' });

    expect((await run(['import', SAMPLE_FILE, '--apply'])).out).toContain('Applied.');
    expect((await readOrgConfig(container)).kind).toBe('loaded');
    expect((await run(['import', SAMPLE_FILE])).out).toContain('  no changes\n');

    const changed = await run(['import', rosterWithNewEntraEngineer()]);
    expect(changed.out).toContain('+ roster.engineers ana-kowalska');
    expect(changed.out).toContain('~ roster.engineers lukas-weber: skills');
    expect(changed.out).not.toContain('Applied.');
  });

  it('routes the lifecycle with the imported roster once applied', async () => {
    const { services, run, clock, anotherProcess } = setUp();
    await services.ensureStore();
    await run(['import', SAMPLE_FILE, '--apply']);
    const before = await whoWouldBeAssigned(services, clock);
    expect(before).toBeDefined();
    expect(before).not.toBe('ana-kowalska');

    const applied = await run(['import', rosterWithNewEntraEngineer(), '--apply']);
    expect(applied.code).toBe(0);
    expect(await whoWouldBeAssigned(anotherProcess(), clock)).toBe('ana-kowalska');
  });

  it('exports the stored configuration as YAML that imports back without changes', async () => {
    const { services, run, env, databaseId } = setUp();
    await services.ensureStore();
    await run(['import', SAMPLE_FILE, '--apply']);
    const exported = await run(['export']);
    expect(exported.code).toBe(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-org-')), 'exported.yaml');
    fs.writeFileSync(file, exported.out);
    expect((await run(['import', file])).out).toContain('  no changes\n');
    expect(configContainerAt(env.BATON_COSMOS_ENDPOINT, databaseId, env).id).toBe(CONFIG_CONTAINER);
  });

  it('says the store is not there rather than printing a stack trace', async () => {
    const clock = new ManualClock(START);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOrgCommand(['import', SAMPLE_FILE], { out: (text) => out.push(text), err: (text) => err.push(text) }, { env: { BATON_COSMOS_ENDPOINT: 'https://127.0.0.1:1/' }, clock });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/^The Cosmos DB account at https:\/\/127\.0\.0\.1:1\/ did not answer .*Is the offline stack running \(npm start\)\?\n$/);
  });
});
