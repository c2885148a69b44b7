/**
 * The offline Microsoft Teams: receives what Baton posts to channels' incoming workflow webhooks
 * (one URL per channel, `POST /webhooks/<channel>`), answers 202 as the workflow does, keeps every
 * post (with `dataDir`, one JSON file each, so the cards survive a restart of the stack as the
 * mailbox does), and shows the cards on a page. Tests can make it fail like an outage.
 *
 * HTTP surface (local only, no auth):
 *   POST /webhooks/<channel>      the workflow message (an Adaptive Card attachment) → 202
 *   GET  /                        the cards, newest first
 *   GET  /posts[?channel=NAME]    the posts as JSON, oldest first
 *   DELETE /posts                 forgets every post
 *   POST /_control/failing        {"failing": true|false} answer 503 to every post until told otherwise
 */
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as path from 'node:path';
import { z } from 'zod';
import { closeServer, listenOnLoopback, LOOPBACK, parseJsonBody, readBody, sendJson } from './http-server';
import { realTimeClock, type StandInClock } from './standin-clock';
import { renderTeamsPage, TEAMS_PAGE_CONTENT_SECURITY_POLICY } from './teams-page';
import { TeamsPostSchema, WorkflowMessageSchema, type TeamsPost } from './teams-schemas';
import { fileNamesIn, readJsonFile, writeJsonAtomically } from './json-file';

export { TeamsPostSchema, type TeamsPost } from './teams-schemas';

/** The port `npm start` uses (the cards page is at http://127.0.0.1:8027/). */
export const DEFAULT_TEAMS_STANDIN_PORT = 8027;

export interface TeamsStandInOptions {
  readonly port?: number;
  /** Time for `receivedAt`: the stack passes its clock so a virtual-clock run reads like one. */
  readonly clock?: Pick<StandInClock, 'now'>;
  /** Where each post is kept as a file; without it the posts live in memory only. */
  readonly dataDir?: string;
}

export interface TeamsStandIn {
  /** `http://127.0.0.1:PORT/` */
  readonly endpoint: string;
  readonly port: number;
  /** The webhook URL of a channel, e.g. `webhookUrl('region-EMEA')`. */
  webhookUrl(channel: string): string;
  posts(filter?: { readonly channel?: string }): TeamsPost[];
  clear(): Promise<void>;
  /** While true, every post is answered 503, as during an outage. */
  setFailing(failing: boolean): void;
  stop(): Promise<void>;
}

const FailingSchema = z.object({ failing: z.boolean() });

/** Zero-padded, so the file names sort in the order the posts came. */
function fileNameOf(post: TeamsPost): string {
  return `${String(post.sequence).padStart(8, '0')}.json`;
}

async function loadPosts(dataDir: string): Promise<TeamsPost[]> {
  const posts: TeamsPost[] = [];
  for (const name of (await fileNamesIn(dataDir)).filter((entry) => entry.endsWith('.json') && !entry.startsWith('.')).sort()) {
    const parsed = TeamsPostSchema.safeParse(await readJsonFile(path.join(dataDir, name)));
    if (parsed.success) posts.push(parsed.data);
  }
  return posts;
}

export async function startTeamsStandIn(options: TeamsStandInOptions = {}): Promise<TeamsStandIn> {
  const clock = options.clock ?? realTimeClock;
  const { dataDir } = options;
  if (dataDir !== undefined) await fs.mkdir(dataDir, { recursive: true });
  const posts: TeamsPost[] = dataDir === undefined ? [] : await loadPosts(dataDir);
  const forgetAll = async (): Promise<void> => {
    const kept = posts.splice(0, posts.length);
    if (dataDir !== undefined) await Promise.all(kept.map((post) => fs.rm(path.join(dataDir, fileNameOf(post)), { force: true })));
  };
  let failing = false;
  let endpoint = '';

  const list = (channel?: string): TeamsPost[] => posts.filter((post) => channel === undefined || post.channel === channel);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', endpoint);
    const method = req.method ?? 'GET';
    const body = await readBody(req, 1024 * 1024);
    const webhook = /^\/webhooks\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    if (webhook?.[1] !== undefined && method === 'POST') {
      if (failing) return sendJson(res, 503, { error: { code: 'ServiceUnavailable', message: 'Injected outage (local stand-in).' } });
      const parsed = WorkflowMessageSchema.safeParse(parseJsonBody(body));
      if (!parsed.success) return sendJson(res, 400, { error: { code: 'BadRequest', message: z.prettifyError(parsed.error) } });
      const messageId = req.headers['x-baton-message-id'];
      const post: TeamsPost = {
        sequence: (posts[posts.length - 1]?.sequence ?? 0) + 1,
        channel: webhook[1],
        ...(typeof messageId === 'string' ? { messageId } : {}),
        receivedAt: new Date(clock.now()).toISOString(),
        payload: parsed.data,
      };
      posts.push(post);
      // Kept before the 202, as a workflow that answered has the message.
      if (dataDir !== undefined) await writeJsonAtomically(path.join(dataDir, fileNameOf(post)), post);
      return sendJson(res, 202, {});
    }
    if (url.pathname === '/posts' && method === 'GET') return sendJson(res, 200, list(url.searchParams.get('channel') ?? undefined));
    if (url.pathname === '/posts' && method === 'DELETE') {
      await forgetAll();
      return sendJson(res, 200, { deleted: true });
    }
    if (url.pathname === '/_control/failing' && method === 'POST') {
      const parsed = FailingSchema.safeParse(parseJsonBody(body));
      if (!parsed.success) return sendJson(res, 400, { error: { code: 'BadRequest', message: parsed.error.message } });
      failing = parsed.data.failing;
      return sendJson(res, 200, { failing });
    }
    if (url.pathname === '/' && method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': TEAMS_PAGE_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(renderTeamsPage(posts));
      return;
    }
    sendJson(res, 404, { error: { code: 'NotFound', message: `No route for ${method} ${url.pathname}.` } });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'InternalServerError', message: error instanceof Error ? error.message : 'failure' } });
      else res.end();
    });
  });
  const port = await listenOnLoopback(server, options.port ?? DEFAULT_TEAMS_STANDIN_PORT);
  endpoint = `http://${LOOPBACK}:${port}/`;
  return {
    endpoint,
    port,
    webhookUrl: (channel) => `${endpoint}webhooks/${encodeURIComponent(channel)}`,
    posts: (filter) => list(filter?.channel),
    clear: forgetAll,
    setFailing(value) {
      failing = value;
    },
    stop: () => closeServer(server),
  };
}
