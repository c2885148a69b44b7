/**
 * Durable Task history events in the wire format the durable-functions library replays: PascalCase
 * fields, a numeric `EventType`, ISO timestamps. The emulator stores and sends exactly these.
 */
import { z } from 'zod';

/** DurableTask.Core's EventType numbering (mirrored by durable-functions' HistoryEventType). */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
  GenericEvent: 17,
  HistoryState: 18,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export type EventTypeName = keyof typeof EventType;

const eventTypeNames = new Map<number, EventTypeName>(
  (Object.keys(EventType) as EventTypeName[]).map((name) => [EventType[name], name]),
);

export function eventTypeName(type: number): EventTypeName | undefined {
  return eventTypeNames.get(type);
}

/** DurableTask.Core's OrchestrationStatus numbering, as it appears in ExecutionCompleted events. */
export const OrchestrationStatusCode = {
  Running: 0,
  Completed: 1,
  ContinuedAsNew: 2,
  Failed: 3,
  Canceled: 4,
  Terminated: 5,
  Pending: 6,
  Suspended: 7,
} as const;

const OrchestrationInstanceRefSchema = z.object({ InstanceId: z.string(), ExecutionId: z.string() });

export const HistoryEventSchema = z.object({
  EventType: z.number().int(),
  EventId: z.number().int(),
  IsPlayed: z.boolean(),
  Timestamp: z.string(),
  Name: z.string().optional(),
  Input: z.string().optional(),
  Result: z.string().optional(),
  Version: z.string().optional(),
  TaskScheduledId: z.number().int().optional(),
  TimerId: z.number().int().optional(),
  FireAt: z.string().optional(),
  Reason: z.string().optional(),
  Details: z.string().optional(),
  InstanceId: z.string().optional(),
  OrchestrationStatus: z.number().int().optional(),
  OrchestrationInstance: OrchestrationInstanceRefSchema.optional(),
  ParentInstance: z
    .object({
      Name: z.string(),
      TaskScheduleId: z.number().int(),
      OrchestrationInstance: OrchestrationInstanceRefSchema,
    })
    .optional(),
});

export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

let lastInstant = Number.NaN;
let lastIso = '';

/** ISO text of an instant; an episode stamps all its events with the same one, so remember it. */
export function isoTime(at: number): string {
  if (at !== lastInstant) {
    lastIso = new Date(at).toISOString();
    lastInstant = at;
  }
  return lastIso;
}

/** The fields every event carries; events created in the current episode are not yet "played". */
function base(type: number, at: number, eventId = -1): HistoryEvent {
  return { EventType: type, EventId: eventId, IsPlayed: false, Timestamp: isoTime(at) };
}

/** How a scheduled activity or sub-orchestration ended: the two kinds of task record it alike. */
function taskCompletion(type: number) {
  return (at: number, taskScheduledId: number, result: string): HistoryEvent => ({ ...base(type, at), TaskScheduledId: taskScheduledId, Result: result });
}

function taskFailure(type: number) {
  return (at: number, taskScheduledId: number, reason: string, details: string): HistoryEvent => ({
    ...base(type, at),
    TaskScheduledId: taskScheduledId,
    Reason: reason,
    Details: details,
  });
}

export interface ParentLink {
  readonly instanceId: string;
  readonly executionId: string;
  readonly name: string;
  readonly taskId: number;
}

export const historyEvents = {
  orchestratorStarted: (at: number): HistoryEvent => base(EventType.OrchestratorStarted, at),
  orchestratorCompleted: (at: number): HistoryEvent => base(EventType.OrchestratorCompleted, at),
  executionStarted: (
    at: number,
    start: { name: string; input: string | undefined; instanceId: string; executionId: string; parent?: ParentLink },
  ): HistoryEvent => ({
    ...base(EventType.ExecutionStarted, at),
    Name: start.name,
    ...(start.input === undefined ? {} : { Input: start.input }),
    OrchestrationInstance: { InstanceId: start.instanceId, ExecutionId: start.executionId },
    ...(start.parent
      ? {
          ParentInstance: {
            Name: start.parent.name,
            TaskScheduleId: start.parent.taskId,
            OrchestrationInstance: {
              InstanceId: start.parent.instanceId,
              ExecutionId: start.parent.executionId,
            },
          },
        }
      : {}),
  }),
  taskScheduled: (at: number, eventId: number, name: string, input: string | undefined): HistoryEvent => ({
    ...base(EventType.TaskScheduled, at, eventId),
    Name: name,
    ...(input === undefined ? {} : { Input: input }),
  }),
  taskCompleted: taskCompletion(EventType.TaskCompleted),
  taskFailed: taskFailure(EventType.TaskFailed),
  subOrchestrationCreated: (
    at: number,
    eventId: number,
    name: string,
    instanceId: string,
    input: string | undefined,
  ): HistoryEvent => ({
    ...base(EventType.SubOrchestrationInstanceCreated, at, eventId),
    Name: name,
    InstanceId: instanceId,
    ...(input === undefined ? {} : { Input: input }),
  }),
  subOrchestrationCompleted: taskCompletion(EventType.SubOrchestrationInstanceCompleted),
  subOrchestrationFailed: taskFailure(EventType.SubOrchestrationInstanceFailed),
  timerCreated: (at: number, eventId: number, fireAt: number): HistoryEvent => ({
    ...base(EventType.TimerCreated, at, eventId),
    FireAt: isoTime(fireAt),
  }),
  timerFired: (at: number, timerId: number, fireAt: number): HistoryEvent => ({
    ...base(EventType.TimerFired, at),
    TimerId: timerId,
    FireAt: isoTime(fireAt),
  }),
  eventRaised: (at: number, name: string, input: string | undefined): HistoryEvent => ({
    ...base(EventType.EventRaised, at),
    Name: name,
    ...(input === undefined ? {} : { Input: input }),
  }),
  eventSent: (at: number, eventId: number, instanceId: string, name: string, input: string): HistoryEvent => ({
    ...base(EventType.EventSent, at, eventId),
    InstanceId: instanceId,
    Name: name,
    Input: input,
  }),
  executionCompleted: (at: number, status: number, result: string | undefined): HistoryEvent => ({
    ...base(EventType.ExecutionCompleted, at),
    OrchestrationStatus: status,
    ...(result === undefined ? {} : { Result: result }),
  }),
  continueAsNew: (at: number, input: string | undefined): HistoryEvent => ({
    ...base(EventType.ContinueAsNew, at),
    OrchestrationStatus: OrchestrationStatusCode.ContinuedAsNew,
    ...(input === undefined ? {} : { Result: input }),
  }),
  executionTerminated: (at: number, reason: string | undefined): HistoryEvent => ({
    ...base(EventType.ExecutionTerminated, at),
    ...(reason === undefined ? {} : { Input: reason }),
  }),
  executionSuspended: (at: number, reason: string | undefined): HistoryEvent => ({
    ...base(EventType.ExecutionSuspended, at),
    ...(reason === undefined ? {} : { Reason: reason }),
  }),
  executionResumed: (at: number, reason: string | undefined): HistoryEvent => ({
    ...base(EventType.ExecutionResumed, at),
    ...(reason === undefined ? {} : { Reason: reason }),
  }),
};

/** Events of earlier episodes are replayed: the library reads `IsPlayed` to set `isReplaying`. */
export function asPlayed(event: HistoryEvent): HistoryEvent {
  return event.IsPlayed ? event : { ...event, IsPlayed: true };
}
