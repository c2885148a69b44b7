/**
 * What an episode asks the runtime to do once its history is saved: run activities, arm or disarm
 * timers, start child orchestrations, send entity messages. Nothing here runs before the save.
 */
import { createHash } from 'node:crypto';
import type { EntityRequest } from './execution-state';

export interface ActivityDispatch {
  readonly taskId: number;
  readonly name: string;
  /** The input as JSON text (what TaskScheduled records). */
  readonly input: string | undefined;
}

export interface TimerArm {
  readonly timerId: number;
  readonly fireAt: number;
}

export interface ChildStart {
  readonly taskId: number;
  readonly instanceId: string;
  readonly name: string;
  readonly input: string | undefined;
  readonly version: string | undefined;
}

export interface EpisodeEffects {
  readonly activities: ActivityDispatch[];
  readonly timers: TimerArm[];
  readonly cancelledTimers: number[];
  readonly children: ChildStart[];
  readonly entityRequests: EntityRequest[];
}

export function noEffects(): EpisodeEffects {
  return { activities: [], timers: [], cancelledTimers: [], children: [], entityRequests: [] };
}

/**
 * A GUID derived from the instance, execution and task id, like the extension's deterministic
 * `NewGuid`: a replayed episode asks for the same request id again.
 */
export function deterministicGuid(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha1').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
