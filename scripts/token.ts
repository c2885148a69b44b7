/**
 * `npm run token -- --role engineer --name "Ana Silva" [--role tam] [--email ana@example.com] [--id ana]`
 * prints a staff bearer token from the running offline stack's dev issuer (http://127.0.0.1:7075
 * unless `--issuer-url` or `BATON_DEV_ISSUER_URL` says otherwise), ready for
 * `curl -H "Authorization: Bearer $(npm run -s token -- --role engineer --name 'Ana Silva')"`.
 */
import { parseArgs } from 'node:util';
import { DEV_ISSUER_PORT } from '../infra/local/identity/dev-issuer';
import { DevTokenRequestSchema, DevTokenResponseSchema } from '../infra/local/identity/dev-token-request';
import { processOutput, runFromCommandLine, type CommandOutput } from './command-line';

export const TOKEN_USAGE =
  'usage: npm run token -- --role <engineer|team-lead|tam|admin> [--role ...] --name "Full Name" [--email a@b.c] [--id ID] [--issuer-url URL]\n';


function optionName(path: readonly PropertyKey[]): string {
  const first = path[0];
  return first === 'roles' || first === 'role' ? 'role' : String(first ?? 'arguments');
}

function tokenArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      email: { type: 'string' },
      id: { type: 'string' },
      'issuer-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}
type TokenArguments = ReturnType<typeof tokenArguments>;

/** Runs the command; resolves with the process exit code (0 printed a token, 1 no issuer, 2 bad arguments). */
export async function runTokenCommand(argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = {}): Promise<number> {
  let values: TokenArguments;
  try {
    values = tokenArguments(argv);
  } catch (error: unknown) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n${TOKEN_USAGE}`);
    return 2;
  }
  if (values.help === true) {
    output.out(TOKEN_USAGE);
    return 0;
  }
  const request = DevTokenRequestSchema.safeParse({
    ...(values.role === undefined ? {} : { roles: values.role }),
    name: values.name,
    ...(values.email === undefined ? {} : { email: values.email }),
    ...(values.id === undefined ? {} : { id: values.id }),
  });
  if (!request.success) {
    const reasons = request.error.issues.map((issue) => `--${optionName(issue.path)}: ${issue.message}\n`).join('');
    output.err(`${reasons}${TOKEN_USAGE}`);
    return 2;
  }
  const issuerUrl = (values['issuer-url'] ?? env.BATON_DEV_ISSUER_URL ?? `http://127.0.0.1:${DEV_ISSUER_PORT}`).replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${issuerUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.data),
    });
  } catch {
    output.err(`No dev issuer answers at ${issuerUrl}. Is the offline stack running (npm start)?\n`);
    return 1;
  }
  if (!response.ok) {
    output.err(`The dev issuer refused the request (${response.status}): ${await response.text()}\n`);
    return 1;
  }
  const answer = DevTokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!answer.success) {
    output.err(`The service at ${issuerUrl} answered something that is not a token.\n`);
    return 1;
  }
  output.out(`${answer.data.access_token}\n`);
  return 0;
}

if (require.main === module) {
  runFromCommandLine(() => runTokenCommand(process.argv.slice(2), processOutput, process.env));
}
