import { EmailClient } from '@azure/communication-email';
import { startEmailStandIn, type EmailStandIn } from '../../../infra/local/services/email-standin';
import { messagesUrl, runMailCommand } from '../../../scripts/mail';

/** The command run as `npm run mail -- …args`, with what it wrote to each stream. */
async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runMailCommand(args, { out: (text) => (out += text), err: (text) => (err += text) }, {});
  return { code, out, err };
}

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
    const { code, out: output } = await run(['--port', String(standIn.port)]);
    expect(code).toBe(0);
    expect(output).toContain('Subject: Ticket T-1 received');
    expect(output).toContain('Subject: Ticket T-2 received');
    expect(output).toContain('    about Ticket T-2 received');
    expect(output.indexOf('T-1')).toBeLessThan(output.indexOf('T-2'));
  });

  it('shows where a reply goes and which conversation each message belongs to', async () => {
    const { out: output } = await run(['--port', String(standIn.port), '--to', 'ana@contoso.com']);
    expect(output).toContain('    Reply-To: support@css.example\n    Message-ID: <T-1@baton.local>\n    In-Reply-To: <root@baton.local>\n    References: <root@baton.local>\n');
  });

  it('keeps only the messages addressed to --to', async () => {
    const { out: output } = await run(['--url', standIn.endpoint, '--to', 'bo@fabrikam.com']);
    expect(output).toContain('Ticket T-2 received');
    expect(output).not.toContain('Ticket T-1 received');
  });

  it('says so when no mailbox is listening', async () => {
    const port = standIn.port;
    await standIn.stop();
    const { code, err: output } = await run(['--port', String(port)]);
    expect(code).toBe(1);
    expect(output).toContain('Is the stack running');
    standIn = await startEmailStandIn({ port: 0 });
  });

  it('refuses an option it does not know with the usage and exit code 2, as the other commands do', async () => {
    for (const args of [['--bogus'], ['--port'], ['--to']]) {
      const result = await run(args);
      expect(result).toMatchObject({ code: 2, out: '' });
      expect(result.err).toContain('usage: npm run mail');
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });

  it('prints the usage when asked for help', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('usage: npm run mail'), err: '' });
  });

  it('reads the npm start default port unless told otherwise', () => {
    expect(messagesUrl({}, {}).href).toBe('http://127.0.0.1:8025/messages');
    expect(messagesUrl({ to: 'a@b.c' }, { BATON_MAILBOX_URL: 'http://127.0.0.1:9/' }).href).toBe(
      'http://127.0.0.1:9/messages?to=a%40b.c',
    );
  });
});
