/** `npm run teams` against a running Teams stand-in: the cards as a person reads them. */
import { startTeamsStandIn, type TeamsStandIn } from '../../../infra/local/services/teams-standin';
import { workflowMessageFor } from '../../../shared/teams/adaptive-card';
import { runTeamsCommand } from '../../../scripts/teams';

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
    let output = '';
    const code = await runTeamsCommand(['--port', String(standIn.port)], (text) => (output += text));
    expect(code).toBe(0);
    expect(output).toContain('queue-identity-and-devices');
    expect(output).toContain('    SLA breached: BTN-261123-7K2QX\n    Finance cannot sign in (since 08:00)\n');
    expect(output).toContain('    Customer: Nestlé S.A.\n');
    expect(output).toContain('    Time left: 0 min left\n');
    expect(output).toContain('    [Open the ticket] https://baton.example/staff/tickets/BTN-261123-7K2QX');
  });

  it('keeps only the cards of --channel', async () => {
    let output = '';
    await runTeamsCommand(['--url', standIn.endpoint, '--channel', 'region-EMEA'], (text) => (output += text));
    expect(output).toBe('No cards.\n');
  });

  it('says so when no stand-in answers', async () => {
    let output = '';
    await standIn.stop();
    standIn = await startTeamsStandIn({ port: 0 });
    const port = standIn.port;
    await standIn.stop();
    const code = await runTeamsCommand(['--port', String(port)], (text) => (output += text));
    standIn = await startTeamsStandIn({ port: 0 });
    expect(code).toBe(1);
    expect(output).toContain('Is the stack running');
  });
});
