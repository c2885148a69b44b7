/**
 * `npm run mail [-- --to ADDRESS] [--port N | --url URL] [--json]`: prints the messages the local
 * stack's email stand-in has accepted, oldest first, read from its `GET /messages` endpoint.
 */
import { parseArgs } from 'node:util';
import { StoredEmailSchema, type EmailAddress, type StoredEmail } from '../infra/local/services/email-schemas';
import { DEFAULT_EMAIL_STANDIN_PORT } from '../infra/local/services/email-standin';
import { BAD_ARGUMENTS, processOutput, readArguments, runFromCommandLine, type CommandOutput } from './command-line';

export const MAIL_USAGE = [
  'usage: npm run mail -- [--to ADDRESS] [--port N | --url URL] [--json]',
  '  --to ADDRESS   only the messages sent to ADDRESS',
  '  --port N       the email stand-in on 127.0.0.1:N (default: BATON_MAILBOX_URL, else the npm start port)',
  '  --url URL      the email stand-in at URL',
  '  --json         the messages as JSON',
  '',
].join('\n');

function addresses(list: readonly EmailAddress[]): string {
  return list.map((entry) => entry.address).join(', ');
}

/** The headers that say where a reply goes and which conversation the message belongs to. */
const THREAD_HEADERS = ['Message-ID', 'In-Reply-To', 'References'] as const;

function headerLines(message: StoredEmail): string[] {
  const replyTo = message.replyTo.length > 0 ? [`Reply-To: ${addresses(message.replyTo)}`] : [];
  const lowerCased = new Map(Object.entries(message.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const thread = THREAD_HEADERS.flatMap((name) => {
    const value = lowerCased.get(name.toLowerCase());
    return value === undefined ? [] : [`${name}: ${value}`];
  });
  return [...replyTo, ...thread].map((line) => `    ${line}`);
}

export function formatMessages(messages: readonly StoredEmail[]): string {
  if (messages.length === 0) return 'No messages.\n';
  return messages
    .map((message) => {
      const copies = message.cc.length > 0 ? `  cc ${addresses(message.cc)}` : '';
      const body = (message.plainText ?? '(no plain text)').replace(/^/gm, '    ');
      const head = [`#${message.sequence}  ${message.storedAt}  from ${message.senderAddress}  to ${addresses(message.to)}${copies}`, `    Subject: ${message.subject}`, ...headerLines(message)];
      return `${head.join('\n')}\n${body}\n`;
    })
    .join('\n');
}

/** The `/messages` URL to read, from `--url`, `--port`, `BATON_MAILBOX_URL` or the `npm start` default. */
export function messagesUrl(options: { url?: string; port?: string; to?: string }, env: NodeJS.ProcessEnv): URL {
  const base =
    options.url ??
    (options.port ? `http://127.0.0.1:${options.port}/` : env.BATON_MAILBOX_URL) ??
    `http://127.0.0.1:${DEFAULT_EMAIL_STANDIN_PORT}/`;
  const url = new URL('messages', base.endsWith('/') ? base : `${base}/`);
  if (options.to) url.searchParams.set('to', options.to);
  return url;
}

function mailArguments(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      to: { type: 'string' },
      port: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
}

/** Runs the command; resolves with the process exit code (2 for arguments it cannot read, as the other commands). */
export async function runMailCommand(args: readonly string[], output: CommandOutput = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const values = readArguments(() => mailArguments(args), MAIL_USAGE, output);
  if (values === undefined) return BAD_ARGUMENTS;
  if (values.help) {
    output.out(MAIL_USAGE);
    return 0;
  }
  const url = messagesUrl(values, env);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    output.err(`Cannot reach the local mailbox at ${url.origin}. Is the stack running (npm start)?\n`);
    return 1;
  }
  if (!response.ok) {
    output.err(`The local mailbox answered ${response.status} for ${url.href}.\n`);
    return 1;
  }
  const messages = StoredEmailSchema.array().parse(await response.json());
  output.out(values.json ? `${JSON.stringify(messages, null, 2)}\n` : formatMessages(messages));
  return 0;
}

if (require.main === module) {
  runFromCommandLine(() => runMailCommand(process.argv.slice(2)));
}
