/**
 * Attachment upload throughput on the whole offline stack: files posted to the requester API as
 * multipart/form-data (parsed as they stream, judged by content, hashed, written to Azurite under
 * the ticket's prefix, recorded on the ticket), against Azurite's own raw upload of the same files
 * with the storage SDK in the same run. Rounds alternate the two, so drift falls on both alike; the
 * figure that matters is the ratio.
 */
import os from 'node:os';
import { BlobServiceClient } from '@azure/storage-blob';
import { startLocalStack } from '../infra/local/stack';
import { SETTING } from '../shared/config/settings';

const FILE_MB = Number(process.env['BENCH_ATTACHMENT_MB'] ?? 4);
const ROUNDS = Number(process.env['BENCH_ATTACHMENT_ROUNDS'] ?? 8);
const MB = 1024 * 1024;

const INTAKE = {
  requester: { name: 'Bench Requester', email: 'attachments.bench@contoso.com', timeZone: 'Europe/London', available24x7: false },
  company: 'Contoso Ltd',
  tenantDomain: 'contoso.onmicrosoft.com',
  productArea: 'entra-id',
  severity: 'C',
  scope: 'cloud',
  title: 'A ticket for the attachment benchmark',
  description: 'Exists so that files can be attached to it and the upload rate measured against raw storage.',
  businessImpact: 'None: a benchmark.',
};

/** A log file's worth of text: what requesters attach most. */
function logFile(bytes: number): Buffer {
  const line = Buffer.from('2026-11-24T13:58:02.123Z [INFO] AADSTS50076 sign-in needs multi-factor authentication for user 42\n');
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / line.length) }, () => line)).subarray(0, bytes);
}

export async function run(): Promise<void> {
  const stack = await startLocalStack({
    hostLogLevel: 'warn',
    settings: {
      [SETTING.intakeLimitPerClientAddress]: '1000',
      [SETTING.attachmentMaxFileBytes]: String(64 * MB),
      [SETTING.attachmentMaxTicketBytes]: String(10 * 1024 * MB),
      [SETTING.attachmentMaxFilesPerTicket]: '1000',
    },
  });
  try {
    const azurite = stack.services.azurite;
    if (azurite === undefined) throw new Error('the stack runs without Azurite');
    const opened = await fetch(`${stack.urls.host}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(INTAKE) });
    const { ticketNumber, accessToken } = (await opened.json()) as { ticketNumber: string; accessToken: string };
    const raw = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('bench-raw');
    await raw.createIfNotExists();
    const content = logFile(FILE_MB * MB);

    const uploadThroughApp = async (): Promise<number> => {
      const form = new FormData();
      form.append('file', new Blob([content], { type: 'text/plain' }), 'bench.log');
      const started = performance.now();
      const answer = await fetch(`${stack.urls.host}/api/tickets/${ticketNumber}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form });
      await answer.arrayBuffer();
      if (answer.status !== 200) throw new Error(`the upload answered ${String(answer.status)}`);
      return performance.now() - started;
    };
    const uploadRaw = async (index: number): Promise<number> => {
      const started = performance.now();
      await raw.getBlockBlobClient(`tickets/bench/${String(index)}`).uploadData(content, { blobHTTPHeaders: { blobContentType: 'text/plain' } });
      return performance.now() - started;
    };

    await uploadThroughApp();
    await uploadRaw(-1);
    const times = { app: 0, raw: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        times.app += await uploadThroughApp();
        times.raw += await uploadRaw(round);
      } else {
        times.raw += await uploadRaw(round);
        times.app += await uploadThroughApp();
      }
    }
    const rate = (ms: number): number => (ROUNDS * FILE_MB) / (ms / 1000);
    const line = (label: string, value: string): string => `  ${label.padEnd(40)} ${value}`;
    console.log(
      [
        '',
        `Attachment upload (${String(ROUNDS)} files of ${String(FILE_MB)} MB each way, one at a time, rounds alternating)`,
        line('through the app (API, multipart)', `${rate(times.app).toFixed(1)} MB/s`),
        line('Azurite raw (storage SDK uploadData)', `${rate(times.raw).toFixed(1)} MB/s`),
        line('ratio app / raw', (rate(times.app) / rate(times.raw)).toFixed(2)),
        line('machine', `${String(os.cpus().length)} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`),
        '',
      ].join('\n'),
    );
  } finally {
    await stack.stop();
  }
}
