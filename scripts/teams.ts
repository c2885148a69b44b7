/**
 * `npm run teams [-- --channel NAME] [--port N | --url URL] [--json]`: prints the cards the local
 * stack's Teams stand-in has received, oldest first, read from its `GET /posts` endpoint: for each,
 * the channel, the headline and the facts, as a person would read the card.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TEAMS_STANDIN_PORT, TeamsPostSchema, type TeamsPost } from '../infra/local/services/teams-standin';
import { BAD_ARGUMENTS, processOutput, readArguments, runFromCommandLine, type CommandOutput } from './command-line';

export const TEAMS_USAGE = [
  'usage: npm run teams -- [--channel NAME] [--port N | --url URL] [--json]',
  '  --channel NAME  only the cards posted to channel NAME',
  '  --port N        the Teams stand-in on 127.0.0.1:N (default: BATON_TEAMS_URL, else the npm start port)',
  '  --url URL       the Teams stand-in at URL',
  '  --json          the cards as JSON',
  '',
].join('\n');

type Json = unknown;

function field(value: Json, name: string): Json {
  return typeof value === 'object' && value !== null ? (value as Record<string, Json>)[name] : undefined;
}

/** Markdown escapes Baton adds to typed words, undone: the words as the card shows them. */
function shown(value: Json): string {
  return String(value ?? '').replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

function lines(element: Json): string[] {
  switch (field(element, 'type')) {
    case 'TextBlock':
      return [shown(field(element, 'text'))];
    case 'FactSet': {
      const facts = field(element, 'facts');
      return Array.isArray(facts) ? facts.map((fact) => `${shown(field(fact, 'title'))}: ${shown(field(fact, 'value'))}`) : [];
    }
    case 'Container': {
      const items = field(element, 'items');
      return Array.isArray(items) ? items.flatMap(lines) : [];
    }
    default:
      return [];
  }
}

export function formatPosts(posts: readonly TeamsPost[]): string {
  if (posts.length === 0) return 'No cards.\n';
  return posts
    .map((post) => {
      const attachments = field(post.payload, 'attachments');
      const card = Array.isArray(attachments) ? field(attachments[0], 'content') : undefined;
      const body = field(card, 'body');
      const actions = field(card, 'actions');
      const links = Array.isArray(actions) ? actions.map((action) => `[${String(field(action, 'title'))}] ${String(field(action, 'url'))}`) : [];
      const text = [...(Array.isArray(body) ? body.flatMap(lines) : []), ...links].map((line) => `    ${line}`).join('\n');
      return `#${String(post.sequence)}  ${post.receivedAt}  ${post.channel}\n${text}\n`;
    })
    .join('\n');
}

export function postsUrl(options: { url?: string; port?: string; channel?: string }, env: NodeJS.ProcessEnv): URL {
  const base = options.url ?? (options.port ? `http://127.0.0.1:${options.port}/` : env.BATON_TEAMS_URL) ?? `http://127.0.0.1:${DEFAULT_TEAMS_STANDIN_PORT}/`;
  const url = new URL('posts', base.endsWith('/') ? base : `${base}/`);
  if (options.channel) url.searchParams.set('channel', options.channel);
  return url;
}

function teamsArguments(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: { channel: { type: 'string' }, port: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  }).values;
}

/** Runs the command; resolves with the process exit code (2 for arguments it cannot read, as the other commands). */
export async function runTeamsCommand(args: readonly string[], output: CommandOutput = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const values = readArguments(() => teamsArguments(args), TEAMS_USAGE, output);
  if (values === undefined) return BAD_ARGUMENTS;
  if (values.help) {
    output.out(TEAMS_USAGE);
    return 0;
  }
  const url = postsUrl(values, env);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    output.err(`Cannot reach the local Teams stand-in at ${url.origin}. Is the stack running (npm start)?\n`);
    return 1;
  }
  if (!response.ok) {
    output.err(`The local Teams stand-in answered ${response.status} for ${url.href}.\n`);
    return 1;
  }
  const posts = TeamsPostSchema.array().parse(await response.json());
  output.out(values.json ? `${JSON.stringify(posts, null, 2)}\n` : formatPosts(posts));
  return 0;
}

if (require.main === module) {
  runFromCommandLine(() => runTeamsCommand(process.argv.slice(2)));
}
