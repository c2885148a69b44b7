/**
 * The queue bench's client, in a process of its own (`startLoadClient` forks this file): the
 * Cosmos stand-in runs in the bench's process, and a client sharing its thread made every query
 * wait behind the client's own HTTP work, which no caller in Azure does; apart, /proc also tells
 * the stand-in's CPU from the client's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';

const LoadSchema = z.object({
  /** Sent in turn: request i goes to urls[i % urls.length]. */
  urls: z.array(z.string()).min(1),
  token: z.string(),
  concurrency: z.number().int().positive(),
  requests: z.number().int().positive(),
});
export type Load = z.infer<typeof LoadSchema>;

const LoadAnswerSchema = z.object({
  latencies: z.array(z.number()),
  /** How many answers had each status. */
  statuses: z.array(z.tuple([z.number(), z.number()])),
  seconds: z.number(),
});
export type LoadAnswer = z.infer<typeof LoadAnswerSchema>;

/** Sends `requests` GETs, `concurrency` at a time, and times each until its body has arrived. */
async function sendLoad(load: Load): Promise<LoadAnswer> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (next < load.requests) {
        const index = next;
        next += 1;
        const sent = performance.now();
        const response = await fetch(load.urls[index % load.urls.length] ?? '', { headers: { authorization: `Bearer ${load.token}` } });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return { latencies, statuses: [...statuses], seconds: (performance.now() - started) / 1000 };
}

export interface LoadClient {
  readonly pid: number;
  send(load: Load): Promise<LoadAnswer>;
  stop(): void;
}

/** Forks the client process (this file, its TypeScript transpiled as the bench runner does). */
export function startLoadClient(): LoadClient {
  const child: ChildProcess = fork(__filename, [], { execArgv: ['--require', path.join(__dirname, 'register-ts.js')], stdio: 'inherit' });
  return {
    pid: child.pid ?? -1,
    send: (load) =>
      new Promise((resolve, reject) => {
        const exited = (code: number | null): void => reject(new Error(`the load client exited (${String(code)})`));
        child.once('exit', exited);
        child.once('message', (answer: unknown) => {
          child.off('exit', exited);
          resolve(LoadAnswerSchema.parse(answer));
        });
        child.send(load);
      }),
    stop: () => child.kill(),
  };
}

if (require.main === module) {
  process.on('message', (message: unknown) => {
    void sendLoad(LoadSchema.parse(message)).then((answer) => process.send?.(answer));
  });
  process.on('disconnect', () => process.exit(0));
}
