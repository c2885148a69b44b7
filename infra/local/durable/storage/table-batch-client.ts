/**
 * A lean writer for table entity-group transactions (the `$batch` multipart request of the Table
 * REST API, signed with the account key). Episodes are saved as many small transactions, and the
 * general-purpose SDK spends milliseconds of CPU on each; this builds the same request directly.
 * Only what the task hub writes is supported: replace-or-insert and unconditional delete.
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { TransactionAction } from '@azure/data-tables';

export interface SharedKeyAccount {
  readonly accountName: string;
  readonly accountKey: Buffer;
  /** e.g. http://127.0.0.1:10002/devstoreaccount1 (no trailing slash) */
  readonly tableEndpoint: string;
}

const DEVELOPMENT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The account of a key-based connection string (SAS connection strings yield `undefined`). */
export function sharedKeyAccount(connection: string): SharedKeyAccount | undefined {
  if (/usedevelopmentstorage=true/i.test(connection)) {
    return {
      accountName: 'devstoreaccount1',
      accountKey: Buffer.from(DEVELOPMENT_KEY, 'base64'),
      tableEndpoint: 'http://127.0.0.1:10002/devstoreaccount1',
    };
  }
  const parts = new Map<string, string>();
  for (const pair of connection.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) parts.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  const accountName = parts.get('accountname');
  const accountKey = parts.get('accountkey');
  if (!accountName || !accountKey) return undefined;
  const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
  const suffix = parts.get('endpointsuffix') ?? 'core.windows.net';
  const endpoint = parts.get('tableendpoint') ?? `${protocol}://${accountName}.table.${suffix}`;
  return { accountName, accountKey: Buffer.from(accountKey, 'base64'), tableEndpoint: endpoint.replace(/\/+$/, '') };
}

export class TableBatchError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'TableBatchError';
  }
}

type EntityValue = string | number | boolean | Date | undefined;

/** Entity JSON with the OData type annotations the service needs for non-default types. */
function entityJson(entity: Readonly<Record<string, unknown>>): string {
  let json = `{"PartitionKey":${JSON.stringify(entity['partitionKey'])},"RowKey":${JSON.stringify(entity['rowKey'])}`;
  for (const name of Object.keys(entity)) {
    if (name === 'partitionKey' || name === 'rowKey') continue;
    const value = entity[name] as EntityValue;
    if (value === undefined) continue;
    const key = JSON.stringify(name);
    if (value instanceof Date) {
      json += `,${key}:"${value.toISOString()}",${JSON.stringify(`${name}@odata.type`)}:"Edm.DateTime"`;
    } else if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      json += `,${key}:${value},${JSON.stringify(`${name}@odata.type`)}:"Edm.Double"`;
    } else if (typeof value === 'number' && Math.abs(value) > 2 ** 31 - 1) {
      json += `,${key}:"${value}",${JSON.stringify(`${name}@odata.type`)}:"Edm.Int64"`;
    } else {
      json += `,${key}:${JSON.stringify(value)}`;
    }
  }
  return `${json}}`;
}

const quoteKey = (key: string): string => encodeURIComponent(key.replace(/'/g, "''"));

export class TableBatchClient {
  readonly #agent: http.Agent;
  readonly #endpoint: URL;

  constructor(
    private readonly account: SharedKeyAccount,
    private readonly table: string,
  ) {
    this.#endpoint = new URL(`${account.tableEndpoint}/$batch`);
    const options = { keepAlive: true, maxSockets: 32 };
    this.#agent = this.#endpoint.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
  }

  close(): void {
    this.#agent.destroy();
  }

  #body(actions: readonly TransactionAction[], batch: string, changeset: string): string {
    const lines: string[] = [`--${batch}`, `Content-Type: multipart/mixed; boundary=${changeset}`, ''];
    for (const action of actions) {
      const [kind, entity] = action;
      const url = `${this.account.tableEndpoint}/${this.table}(PartitionKey='${quoteKey(String(entity.partitionKey))}',RowKey='${quoteKey(String(entity.rowKey ?? ''))}')`;
      lines.push(`--${changeset}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
      if (kind === 'delete') {
        lines.push(`DELETE ${url} HTTP/1.1`, 'Accept: application/json;odata=minimalmetadata', 'If-Match: *', 'DataServiceVersion: 3.0;', '', '');
      } else if (kind === 'upsert' && (action[2] ?? 'Merge') === 'Replace') {
        lines.push(
          `PUT ${url} HTTP/1.1`,
          'Content-Type: application/json',
          'Accept: application/json;odata=minimalmetadata',
          'Prefer: return-no-content',
          'DataServiceVersion: 3.0;',
          '',
          entityJson(entity),
        );
      } else {
        throw new Error(`The lean table writer does not support '${kind}' with mode ${String(action[2])}.`);
      }
    }
    lines.push(`--${changeset}--`, `--${batch}--`, '');
    return lines.join('\r\n');
  }

  async submitTransaction(actions: readonly TransactionAction[]): Promise<void> {
    const batch = `batch_${randomUUID()}`;
    const changeset = `changeset_${randomUUID()}`;
    const body = Buffer.from(this.#body(actions, batch, changeset), 'utf8');
    const date = new Date().toUTCString();
    const contentType = `multipart/mixed; boundary=${batch}`;
    const canonical = `/${this.account.accountName}${decodeURIComponent(this.#endpoint.pathname)}`;
    const signature = createHmac('sha256', this.account.accountKey)
      .update(`POST\n\n${contentType}\n${date}\n${canonical}`, 'utf8')
      .digest('base64');
    const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = (this.#endpoint.protocol === 'https:' ? https : http).request(
        this.#endpoint,
        {
          method: 'POST',
          agent: this.#agent,
          headers: {
            'Content-Type': contentType,
            'Content-Length': body.length,
            'x-ms-date': date,
            'x-ms-version': '2019-02-02',
            DataServiceVersion: '3.0',
            MaxDataServiceVersion: '3.0;NetFx',
            Accept: 'application/json',
            Authorization: `SharedKey ${this.account.accountName}:${signature}`,
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    if (response.status !== 202) throw new TableBatchError(response.status, `Table batch failed: ${response.status} ${response.text.slice(0, 500)}`);
    // A failed changeset answers 202 with the failing operation's own status inside.
    for (const match of response.text.matchAll(/HTTP\/1\.1 (\d{3})/g)) {
      const status = Number(match[1]);
      if (status >= 300) throw new TableBatchError(status, `Table batch operation failed: ${response.text.slice(0, 500)}`);
    }
  }
}
