/** `npm run teams` against a running Teams stand-in: the cards as a person reads them. */
import { startTeamsStandIn, type TeamsStandIn } from '../../../infra/local/services/teams-standin';
import { workflowMessageFor } from '../../../shared/teams/adaptive-card';
import { runTeamsCommand } from '../../../scripts/teams';

/** The command run as `npm run teams -- …args`, with what it wrote to each stream. */
async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runTeamsCommand(args, { out: (text) => (out += text), err: (text) => (err += text) }, {});
  return { code, out, err };
}

describe('npm run teams', () => {
  let standIn: TeamsStandIn;

  beforeEach(async () => {
    standIn = await startTeamsStandIn({ port: 0 });
    const payload = workflowMessageFor(
      {
        kind: 'sla-breach',
        alertId: 'teams/x/sla-breach',
        ticketNumber: 'BTN-261123-7K2QX',
        at: '2026-11-23T13:05:00.000Z',
        title: 'Finance cannot sign in (since 08:00)',
        severity: 'A',
        customer: 'Nestlé S.A.',
        clock: { metric: 'first-response', dueAt: '2026-11-23T13:05:00.000Z', minutesLeft: 0 },
      },
      'https://baton.example/staff/tickets/BTN-261123-7K2QX',
    );
    const posted = await fetch(standIn.webhookUrl('queue-identity-and-devices'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(posted.status).toBe(202);
  });

  afterEach(() => standIn.stop());

  it('prints each card’s channel, headline, facts and button, in the words the card shows', async () => {
    const { code, out: output } = await run(['--port', String(standIn.port)]);
    expect(code).toBe(0);
    expect(output).toContain('queue-identity-and-devices');
    expect(output).toContain('    SLA breached: BTN-261123-7K2QX\n    Finance cannot sign in (since 08:00)\n');
    expect(output).toContain('    Customer: Nestlé S.A.\n');
    expect(output).toContain('    Time left: 0 min left\n');
    expect(output).toContain('    [Open the ticket] https://baton.example/staff/tickets/BTN-261123-7K2QX');
  });

  it('keeps only the cards of --channel', async () => {
    const { out: output } = await run(['--url', standIn.endpoint, '--channel', 'region-EMEA']);
    expect(output).toBe('No cards.\n');
  });

  it('says so when no stand-in answers', async () => {
    await standIn.stop();
    standIn = await startTeamsStandIn({ port: 0 });
    const port = standIn.port;
    await standIn.stop();
    const { code, err: output } = await run(['--port', String(port)]);
    standIn = await startTeamsStandIn({ port: 0 });
    expect(code).toBe(1);
    expect(output).toContain('Is the stack running');
  });

  it('refuses an option it does not know with the usage and exit code 2, as the other commands do', async () => {
    for (const args of [['--bogus'], ['--channel']]) {
      const result = await run(args);
      expect(result).toMatchObject({ code: 2, out: '' });
      expect(result.err).toContain('usage: npm run teams');
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });
});
