/**
 * `npm run org` keeps the organisation's configuration (contracts, customers, roster, calendars,
 * SLA policies) as a file:
 *
 *   npm run org -- validate FILE            checks a YAML or JSON file, listing every problem by path
 *   npm run org -- import FILE [--apply]    shows what the file would add, change and remove; writes it with --apply
 *   npm run org -- export [--out FILE]      prints (or writes) the stored configuration as YAML
 *
 * import and export talk to the Cosmos DB account at `--endpoint` (else `BATON_COSMOS_ENDPOINT`,
 * else the offline stack's stand-in): a loopback endpoint with the stand-in's key, any other with
 * the signed-in Entra ID identity (`DefaultAzureCredential`: az, azd, environment, managed
 * identity). Exit codes: 0 done, 1 an invalid file or the store refused, 2 bad arguments.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CosmosClient, type Container } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { describeOrgConfigChange } from '../shared/domain/org/org-config-diff';
import { systemClock, type Clock } from '../shared/clock';
import { describeOrgConfigFileProblem, orgConfigToYaml, readOrgConfigText } from '../shared/org-config/org-config-file';
import { applyOrgConfigImport, planOrgConfigImport, readStoredOrgConfig } from '../shared/org-config/org-config-import';
import { BATON_DATABASE, CONFIG_CONTAINER } from '../shared/store/containers';
import type { StoreFailure } from '../shared/store/store-failure';
import { COSMOS_STANDIN_KEY, DEFAULT_COSMOS_STANDIN_PORT, cosmosClientOptionsForStandIn } from '../infra/local/services/cosmos-standin';
import { BAD_ARGUMENTS, processOutput, readArguments, runFromCommandLine, type CommandOutput } from './command-line';

export const ORG_USAGE = [
  'usage: npm run org -- validate FILE',
  '       npm run org -- import FILE [--apply]',
  '       npm run org -- export [--out FILE]',
  '       options: --endpoint URL   Cosmos DB account (default BATON_COSMOS_ENDPOINT, else the offline stack)',
  '                --database NAME  default baton (or BATON_COSMOS_DATABASE)',
  '',
].join('\n');

const LOCAL_ENDPOINT = `https://127.0.0.1:${DEFAULT_COSMOS_STANDIN_PORT}/`;


export interface OrgCommandDependencies {
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  /** The `config` container at an endpoint; replaced by tests with one on a stand-in of their own. */
  readonly configContainer?: (endpoint: string, database: string) => Container;
}

function orgArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      apply: { type: 'boolean' },
      out: { type: 'string' },
      endpoint: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function isLoopback(endpoint: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

export function configContainerAt(endpoint: string, database: string, env: NodeJS.ProcessEnv): Container {
  const client = isLoopback(endpoint)
    ? new CosmosClient(cosmosClientOptionsForStandIn(endpoint, env.BATON_COSMOS_KEY ?? COSMOS_STANDIN_KEY))
    : new CosmosClient({ endpoint, aadCredentials: new DefaultAzureCredential(), connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 15_000 } });
  return client.database(database).container(CONFIG_CONTAINER);
}

function storeProblem(endpoint: string, failure: StoreFailure): string {
  const hint = isLoopback(endpoint) ? ' Is the offline stack running (npm start)?' : ' Are you signed in (az login) with data access to the account?';
  switch (failure.kind) {
    case 'unavailable':
      return `The Cosmos DB account at ${endpoint} did not answer (${failure.reason}).${hint}\n`;
    case 'precondition-failed':
    case 'conflict':
      return 'The stored configuration changed while this import was planned; nothing was written. Run the import again.\n';
    case 'not-found':
      return `The account at ${endpoint} has no config container in that database.${hint}\n`;
    case 'unexpected':
      return `The Cosmos DB account at ${endpoint} refused the request${failure.statusCode === undefined ? '' : ` (${failure.statusCode})`}: ${failure.reason}.${hint}\n`;
  }
}

type FileRead = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'failed'; readonly message: string };

function readFile(file: string): FileRead {
  try {
    return { kind: 'ok', text: fs.readFileSync(file, 'utf8') };
  } catch (error: unknown) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    return { kind: 'failed', message: `Cannot read ${file} (${code}).\n` };
  }
}

async function validateOrImport(
  command: 'validate' | 'import',
  file: string,
  apply: boolean,
  target: { readonly endpoint: string; readonly container: () => Container },
  output: CommandOutput,
  clock: Clock,
): Promise<number> {
  const text = readFile(file);
  if (text.kind === 'failed') {
    output.err(text.message);
    return 1;
  }
  const read = readOrgConfigText(text.text);
  if (read.kind === 'invalid') {
    output.err(`${file} is not a valid organisation configuration (${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}):\n`);
    output.err(read.problems.map((problem) => `  ${describeOrgConfigFileProblem(problem)}\n`).join(''));
    return 1;
  }
  if (command === 'validate') {
    const { contracts, roster } = read.config;
    output.out(`${file} is valid: ${contracts.length} contracts, ${roster.engineers.length} engineers in ${roster.regions.length} regions.\n`);
    return 0;
  }
  const container = target.container();
  const plan = await planOrgConfigImport(container, read.config);
  if (plan.kind === 'failed') {
    output.err(storeProblem(target.endpoint, plan.failure));
    return 1;
  }
  const { current, changes } = plan.value;
  if (current.kind === 'unreadable') output.out(`The stored configuration cannot be read (${current.reason.split('\n')[0] ?? ''}); the import replaces it.\n`);
  output.out(`${current.kind === 'missing' ? 'Nothing is stored yet at' : 'Compared with the configuration stored at'} ${target.endpoint}:\n`);
  output.out(changes.length === 0 ? '  no changes\n' : changes.map((change) => `  ${describeOrgConfigChange(change)}\n`).join(''));
  if (changes.length === 0 && current.kind === 'stored') return 0;
  if (!apply) {
    output.out('Nothing written: run again with --apply to write it.\n');
    return 0;
  }
  const applied = await applyOrgConfigImport(container, plan.value, `imported from ${file} with npm run org`, clock);
  if (applied.kind === 'failed') {
    output.err(storeProblem(target.endpoint, applied.failure));
    return 1;
  }
  output.out(`Applied. The app reads it within a minute (it keeps the configuration for 60 s).\n`);
  return 0;
}

async function exportConfig(out: string | undefined, target: { readonly endpoint: string; readonly container: () => Container }, output: CommandOutput): Promise<number> {
  const stored = await readStoredOrgConfig(target.container());
  if (stored.kind === 'failed') {
    output.err(storeProblem(target.endpoint, stored.failure));
    return 1;
  }
  if (stored.value.kind !== 'stored') {
    output.err(stored.value.kind === 'missing' ? `No configuration is stored at ${target.endpoint}.\n` : `The stored configuration cannot be read: ${stored.value.reason}\n`);
    return 1;
  }
  const { document } = stored.value;
  const yaml = orgConfigToYaml(document.config, `Organisation configuration exported from ${target.endpoint}\n${document.source}, ${document.updatedAt}`);
  if (out === undefined) {
    output.out(yaml);
    return 0;
  }
  try {
    fs.writeFileSync(out, yaml);
  } catch (error: unknown) {
    output.err(`Cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  output.out(`Wrote ${out}.\n`);
  return 0;
}

/** Runs the command; resolves with the process exit code. */
export async function runOrgCommand(argv: readonly string[], output: CommandOutput, dependencies: OrgCommandDependencies): Promise<number> {
  const parsed = readArguments(() => orgArguments(argv), ORG_USAGE, output);
  if (parsed === undefined) return BAD_ARGUMENTS;
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help === true) {
    output.out(ORG_USAGE);
    return 0;
  }
  const { env } = dependencies;
  const endpoint = values.endpoint ?? env.BATON_COSMOS_ENDPOINT ?? LOCAL_ENDPOINT;
  const database = values.database ?? env.BATON_COSMOS_DATABASE ?? BATON_DATABASE;
  const containerAt = dependencies.configContainer ?? ((at: string, name: string) => configContainerAt(at, name, env));
  const target = { endpoint, container: () => containerAt(endpoint, database) };
  if ((command === 'validate' || command === 'import') && file !== undefined && extra.length === 0) {
    if (command === 'validate' && values.apply === true) {
      output.err(`--apply belongs to import.\n${ORG_USAGE}`);
      return BAD_ARGUMENTS;
    }
    return validateOrImport(command, file, values.apply === true, target, output, dependencies.clock);
  }
  if (command === 'export' && file === undefined && values.apply !== true) return exportConfig(values.out, target, output);
  output.err(ORG_USAGE);
  return BAD_ARGUMENTS;
}

if (require.main === module) {
  runFromCommandLine(() => runOrgCommand(process.argv.slice(2), processOutput, { env: process.env, clock: systemClock }));
}
