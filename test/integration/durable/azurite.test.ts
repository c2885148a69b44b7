import { spawn } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { TableClient } from '@azure/data-tables';
import { startAzurite } from '../../../infra/local/azurite';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, attempts = 300): Promise<boolean> {
  for (let i = 0; i < attempts; i += 1) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('local Azurite', () => {
  it('listens on ephemeral ports and serves the development account', async () => {
    const azurite = await startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 });
    try {
      expect(azurite.tableEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
      expect(azurite.tableEndpoint).not.toContain(':10002/');
      const table = TableClient.fromConnectionString(azurite.connectionString, 'probe', {
        allowInsecureConnection: true,
      });
      await table.createTable();
      await table.createEntity({ partitionKey: 'p', rowKey: 'r', ticket: 'T-1' });
      const entity = await table.getEntity<{ ticket: string }>('p', 'r');
      expect(entity.ticket).toBe('T-1');
    } finally {
      await azurite.stop();
    }
    expect(isAlive(azurite.pid)).toBe(false);
  }, 60_000);

  it('keeps data on disk across a restart in the same folder', async () => {
    const location = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-azurite-'));
    try {
      const first = await startAzurite({ location, blobPort: 0, queuePort: 0, tablePort: 0 });
      const options = { allowInsecureConnection: true };
      try {
        const table = TableClient.fromConnectionString(first.connectionString, 'kept', options);
        await table.createTable();
        await table.createEntity({ partitionKey: 'p', rowKey: 'r', state: 'open' });
      } finally {
        await first.stop();
      }
      const second = await startAzurite({ location, blobPort: 0, queuePort: 0, tablePort: 0 });
      try {
        const table = TableClient.fromConnectionString(second.connectionString, 'kept', options);
        const entity = await table.getEntity<{ state: string }>('p', 'r');
        expect(entity.state).toBe('open');
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(location, { recursive: true, force: true });
    }
  }, 90_000);

  it('dies with the process that started it', async () => {
    const runner = path.join(__dirname, 'support', 'run-typescript.js');
    const parent = spawn(process.execPath, [runner, path.join(__dirname, 'support', 'azurite-parent.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        if (buffered.includes('\n')) resolve(buffered.split('\n')[0] ?? '');
      });
      parent.once('exit', (code) => reject(new Error(`parent exited early (${String(code)})`)));
    });
    const reported = JSON.parse(line) as { pid: number };
    expect(isAlive(reported.pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await eventually(() => !isAlive(reported.pid))).toBe(true);
  }, 60_000);
});
