/**
 * CPU time of the offline stack's processes, to say what one request costs in each: the host
 * (a child process of the stack), its worker processes (from its admin status), this process
 * (the stand-ins the stack runs in process) and a client process the bench sends its requests
 * from. Linux's /proc only.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MASTER_KEY_SETTING } from '../infra/local/host/http/function-keys';
import type { LocalStack } from '../infra/local/stack';

/** /proc reports user and system time in clock ticks of 10 ms on Linux. */
const MS_PER_CLOCK_TICK = 10;

/** User + system CPU time of a process so far, in ms. */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After the command name: state is field 3, utime field 14 and stime field 15 (1-based).
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_CLOCK_TICK;
}

/** This process's user + system CPU time so far, in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const HostWorkersSchema = z.object({ workers: z.array(z.object({ pid: z.number(), state: z.string() })) });

/** The worker processes that run the app beside the host (none when the host runs it in process). */
export async function workerPids(stack: Pick<LocalStack, 'settings' | 'urls'>): Promise<number[]> {
  const key = stack.settings[MASTER_KEY_SETTING];
  const response = await fetch(`${stack.urls.host}/admin/host/status`, { headers: key ? { 'x-functions-key': key } : {} });
  const { workers } = HostWorkersSchema.parse(await response.json());
  return workers.filter((worker) => worker.state === 'running').map((worker) => worker.pid);
}

export interface StackCpu {
  readonly hostMs: number;
  readonly workersMs: number;
  /** This process: the in-process stand-ins and whatever the bench itself does. */
  readonly ownMs: number;
  /** The process the bench sends its requests from, when it has one. */
  readonly clientMs: number;
}

/** A reading of the CPU each part of the stack has spent so far. */
export function stackCpu(hostPid: number, workers: readonly number[], clientPid?: number): StackCpu {
  return {
    hostMs: cpuMsOf(hostPid),
    workersMs: workers.reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    ownMs: ownCpuMs(),
    clientMs: clientPid === undefined ? 0 : cpuMsOf(clientPid),
  };
}

/** What each part spent between two readings, per unit of work. */
export function cpuPer(before: StackCpu, after: StackCpu, units: number): StackCpu {
  return {
    hostMs: (after.hostMs - before.hostMs) / units,
    workersMs: (after.workersMs - before.workersMs) / units,
    ownMs: (after.ownMs - before.ownMs) / units,
    clientMs: (after.clientMs - before.clientMs) / units,
  };
}
