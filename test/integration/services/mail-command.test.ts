import { EmailClient } from '@azure/communication-email';
import { startEmailStandIn, type EmailStandIn } from '../../../infra/local/services/email-standin';
import { messagesUrl, runMailCommand } from '../../../scripts/mail';

describe('npm run mail', () => {
  let standIn: EmailStandIn;

  beforeEach(async () => {
    standIn = await startEmailStandIn({ port: 0 });
    const client = new EmailClient(standIn.connectionString, { allowInsecureConnection: true });
    for (const [to, subject] of [
      ['ana@contoso.com', 'Ticket T-1 received'],
      ['bo@fabrikam.com', 'Ticket T-2 received'],
    ] as const) {
      await (
        await client.beginSend({
          senderAddress: 'donotreply@baton.local',
          content: { subject, plainText: `Hello\nabout ${subject}` },
          recipients: { to: [{ address: to }] },
          replyTo: [{ address: 'support@css.example', displayName: 'Support' }],
          headers: { 'Message-ID': `<${subject.slice(7, 10)}@baton.local>`, 'In-Reply-To': '<root@baton.local>', References: '<root@baton.local>' },
        })
      ).pollUntilDone();
    }
  });

  afterEach(() => standIn.stop());

  it('prints every stored message of the running mailbox', async () => {
    let output = '';
    const code = await runMailCommand(['--port', String(standIn.port)], (text) => (output += text));
    expect(code).toBe(0);
    expect(output).toContain('Subject: Ticket T-1 received');
    expect(output).toContain('Subject: Ticket T-2 received');
    expect(output).toContain('    about Ticket T-2 received');
    expect(output.indexOf('T-1')).toBeLessThan(output.indexOf('T-2'));
  });

  it('shows where a reply goes and which conversation each message belongs to', async () => {
    let output = '';
    await runMailCommand(['--port', String(standIn.port), '--to', 'ana@contoso.com'], (text) => (output += text));
    expect(output).toContain('    Reply-To: support@css.example\n    Message-ID: <T-1@baton.local>\n    In-Reply-To: <root@baton.local>\n    References: <root@baton.local>\n');
  });

  it('keeps only the messages addressed to --to', async () => {
    let output = '';
    await runMailCommand(['--url', standIn.endpoint, '--to', 'bo@fabrikam.com'], (text) => (output += text));
    expect(output).toContain('Ticket T-2 received');
    expect(output).not.toContain('Ticket T-1 received');
  });

  it('says so when no mailbox is listening', async () => {
    const port = standIn.port;
    await standIn.stop();
    let output = '';
    const code = await runMailCommand(['--port', String(port)], (text) => (output += text));
    expect(code).toBe(1);
    expect(output).toContain('Is the stack running');
    standIn = await startEmailStandIn({ port: 0 });
  });

  it('reads the npm start default port unless told otherwise', () => {
    expect(messagesUrl({}, {}).href).toBe('http://127.0.0.1:8025/messages');
    expect(messagesUrl({ to: 'a@b.c' }, { BATON_MAILBOX_URL: 'http://127.0.0.1:9/' }).href).toBe(
      'http://127.0.0.1:9/messages?to=a%40b.c',
    );
  });
});
