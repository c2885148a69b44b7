/**
 * Where a task hub's data lives in Azure Storage: table and container names derived from the hub
 * name, the partition an instance belongs to, and the row keys of its history chunks, pending
 * messages and entity state. Everything of one instance shares a partition, so one episode is one
 * atomic table transaction.
 */

export interface HubNames {
  readonly instancesTable: string;
  readonly historyTable: string;
  readonly largeMessagesContainer: string;
}

export function hubNames(hubName: string): HubNames {
  return {
    instancesTable: `${hubName}Instances`,
    historyTable: `${hubName}History`,
    largeMessagesContainer: `${hubName.toLowerCase()}-largemessages`,
  };
}

/** Azure Storage rules for hub names: 3–45 letters or digits, starting with a letter. */
export function isValidHubName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]{2,44}$/.test(name);
}

/** Instance ids become row keys: the characters a row key may not hold are refused, as in Azure. */
export function instanceIdProblem(instanceId: string): string | undefined {
  if (instanceId.length === 0) return 'The instance id is empty.';
  if (instanceId.length > 256) return 'The instance id is longer than 256 characters.';
  if (/[/\\#?\u0000-\u001f\u007f-\u009f]/.test(instanceId)) {
    return "The instance id contains a character Azure Storage does not allow ('/', '\\', '#', '?' or a control character).";
  }
  return undefined;
}

/** FNV-1a: a stable, fast spread of instance ids over the hub's partitions. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function partitionOf(instanceId: string, partitionCount: number): string {
  return `p${String(hash(instanceId) % partitionCount).padStart(2, '0')}`;
}

const keyOf = (instanceId: string): string => encodeURIComponent(instanceId);
const pad6 = (value: number): string => String(value).padStart(6, '0');

export const rowKeys = {
  /** One saved episode (or, at sequence 0, the start) of one execution generation. */
  chunk: (instanceId: string, generation: number, sequence: number): string =>
    `${keyOf(instanceId)}|h|${pad6(generation)}|${pad6(sequence)}`,
  message: (instanceId: string, messageId: string): string => `${keyOf(instanceId)}|m|${messageId}`,
  entity: (instanceId: string): string => `${keyOf(instanceId)}|e`,
  projection: (instanceId: string): string => keyOf(instanceId),
  /** Bounds covering every row of one instance in the history table. */
  instanceRange: (instanceId: string): { from: string; to: string } => ({
    from: `${keyOf(instanceId)}|`,
    to: `${keyOf(instanceId)}}`,
  }),
};

let messageCounter = 0;

/** Message ids sort in the order they were created by this process (and roughly across restarts). */
export function newMessageId(): string {
  messageCounter = (messageCounter + 1) % 1_000_000;
  const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${Date.now().toString(36).padStart(9, '0')}${String(messageCounter).padStart(6, '0')}${random}`;
}
