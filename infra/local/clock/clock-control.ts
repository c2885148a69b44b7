/**
 * The stack's clock control, served by the process that runs the stack (the host's own admin
 * clock moves only the host). `npm run clock` talks to it, so one command moves the host, its
 * Durable timers and the stand-ins together and prints what fired. Loopback only and without a
 * key, like the dev issuer: the offline stack is a developer's own.
 *
 *   GET  /clock          {"virtual", "now"}
 *   POST /clock/advance  {"by": <ms>} or {"to": "<ISO instant>"} → the advance report once settled;
 *                        409 on the real clock, 400 for anything else
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { closeServer, listenOnLoopback, LOOPBACK, parseJsonBody, readBody, sendJson } from '../services/http-server';
import type { ClockAdvanceReport } from './advance-report';

/** Where `npm start` serves the clock control, and where `npm run clock` looks by default. */
export const CLOCK_CONTROL_PORT = 7076;

export const ClockReadingSchema = z.object({ virtual: z.boolean(), now: z.iso.datetime() });
export type ClockReading = z.infer<typeof ClockReadingSchema>;

export const ClockMoveRequestSchema = z.union([
  z.object({ by: z.number().int().nonnegative() }).strict(),
  z.object({ to: z.iso.datetime({ offset: true }) }).strict(),
]);
export type ClockMoveRequest = z.infer<typeof ClockMoveRequestSchema>;

export const ClockControlErrorSchema = z.object({ error: z.string() });

export const REAL_CLOCK_REFUSAL =
  'The stack runs on the real clock, so time cannot be moved. Start it with `npm start -- --virtual-clock` to travel in time.';

/** What the control needs of a running stack (see stack.ts). */
export interface ControlledStack {
  readonly virtualClock: boolean;
  now(): Date;
  moveClock(move: { readonly by: number } | { readonly to: string }): Promise<ClockAdvanceReport>;
}

export interface ClockControl {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startClockControl(stack: ControlledStack, options: { readonly port?: number } = {}): Promise<ClockControl> {
  const reading = (): ClockReading => ({ virtual: stack.virtualClock, now: stack.now().toISOString() });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname;
    const body = await readBody(req, 64 * 1024);
    if (path === '/clock' && req.method === 'GET') return sendJson(res, 200, reading());
    if (path !== '/clock/advance') return sendJson(res, 404, { error: `No route for ${req.method ?? 'GET'} ${path}.` });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST.' }, { allow: 'POST' });
    const move = ClockMoveRequestSchema.safeParse(parseJsonBody(body));
    if (!move.success) return sendJson(res, 400, { error: 'Send {"by": <milliseconds>} or {"to": "<ISO instant with offset>"}.' });
    if (!stack.virtualClock) return sendJson(res, 409, { error: REAL_CLOCK_REFUSAL });
    return sendJson(res, 200, await stack.moveClock(move.data));
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      sendJson(res, 500, { error: `The clock could not be moved: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  const port = await listenOnLoopback(server, options.port ?? CLOCK_CONTROL_PORT);
  return { url: `http://${LOOPBACK}:${port}`, stop: () => closeServer(server) };
}
