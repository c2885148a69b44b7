/**
 * The instance status JSON of the Durable HTTP API (name, instanceId, runtimeStatus, input,
 * customStatus, output, createdTime, lastUpdatedTime, historyEvents) and the extension's readable
 * form of the history: string event types, scheduling events folded into their completions,
 * outputs only when asked for, orchestrator start/complete markers left out.
 */
import { EventType, eventTypeName, type HistoryEvent } from '../protocol/history-events';
import type { RuntimeStatus } from '../engine/execution-state';

export interface StatusSource {
  readonly instanceId: string;
  readonly name: string;
  readonly runtimeStatus: RuntimeStatus;
  readonly createdAt: number;
  readonly lastUpdatedAt: number;
  readonly input?: string;
  readonly output?: string;
  readonly customStatus?: string;
}

export interface StatusOptions {
  readonly showInput: boolean;
  readonly showHistoryOutput: boolean;
}

/** JSON text → value; text that is not JSON is returned as is (terminate reasons, say). */
export function parseToToken(text: string | undefined): unknown {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed.length === 0) return '';
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}

/** .NET's round-trip "s" format plus Z: seconds precision, as the status API shows times. */
export function statusTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

const ORCHESTRATION_STATUS_NAMES = ['Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Pending', 'Suspended'];

type JsonRecord = Record<string, unknown>;

/** The history as `showHistory=true` returns it. */
export function readableHistory(history: readonly HistoryEvent[], showHistoryOutput: boolean): JsonRecord[] {
  const scheduled = new Map<string, { index: number; name: string | undefined; time: string }>();
  const folded = new Set<number>();
  const items: (JsonRecord | undefined)[] = history.map((event, index) => {
    const item: JsonRecord = { ...event, EventType: eventTypeName(event.EventType) ?? event.EventType };
    delete item['EventId'];
    delete item['IsPlayed'];
    const foldInto = (prefix: string): void => {
      const source = scheduled.get(`${prefix}_${String(event.TaskScheduledId)}`);
      delete item['TaskScheduledId'];
      if (!source) return;
      item['ScheduledTime'] = source.time;
      item['FunctionName'] = source.name;
      folded.add(source.index);
    };
    const outputShown = (): void => {
      if (showHistoryOutput) item['Result'] = parseToToken(event.Result);
      else delete item['Result'];
    };
    switch (event.EventType) {
      case EventType.TaskScheduled:
      case EventType.SubOrchestrationInstanceCreated:
        scheduled.set(`${event.EventType}_${event.EventId}`, { index, name: event.Name, time: event.Timestamp });
        delete item['Version'];
        delete item['Input'];
        return item;
      case EventType.TaskCompleted:
      case EventType.TaskFailed:
        foldInto(String(EventType.TaskScheduled));
        if (event.EventType === EventType.TaskCompleted) outputShown();
        return item;
      case EventType.SubOrchestrationInstanceCompleted:
      case EventType.SubOrchestrationInstanceFailed:
        foldInto(String(EventType.SubOrchestrationInstanceCreated));
        if (event.EventType === EventType.SubOrchestrationInstanceCompleted) outputShown();
        return item;
      case EventType.ExecutionStarted:
        item['FunctionName'] = event.Name;
        for (const key of ['Name', 'OrchestrationInstance', 'ParentInstance', 'Version', 'Tags', 'Input']) delete item[key];
        return item;
      case EventType.ExecutionCompleted:
        item['OrchestrationStatus'] = ORCHESTRATION_STATUS_NAMES[event.OrchestrationStatus ?? -1] ?? event.OrchestrationStatus;
        outputShown();
        return item;
      case EventType.ExecutionTerminated:
      case EventType.EventRaised:
        delete item['Input'];
        return item;
      case EventType.TimerFired:
        delete item['TimerId'];
        return item;
      case EventType.OrchestratorStarted:
      case EventType.OrchestratorCompleted:
        return undefined;
      default:
        return item;
    }
  });
  return items.filter((item, index): item is JsonRecord => item !== undefined && !folded.has(index));
}

export function statusPayload(
  source: StatusSource,
  options: StatusOptions,
  history?: readonly HistoryEvent[],
): JsonRecord {
  return {
    name: source.name,
    instanceId: source.instanceId,
    runtimeStatus: source.runtimeStatus,
    input: options.showInput ? parseToToken(source.input) : null,
    customStatus: parseToToken(source.customStatus),
    output: parseToToken(source.output),
    createdTime: statusTime(source.createdAt),
    lastUpdatedTime: statusTime(source.lastUpdatedAt),
    ...(history ? { historyEvents: readableHistory(history, options.showHistoryOutput) } : {}),
  };
}
