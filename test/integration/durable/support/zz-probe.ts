import { TableClient } from '@azure/data-tables';
import { startAzurite } from '../../../../infra/local/azurite';
async function main() {
  const az = await startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 });
  const t = TableClient.fromConnectionString(az.connectionString, 'probe', { allowInsecureConnection: true });
  await t.createTable();
  for (const [size, per, par] of [[1500, 100, 4], [1500, 100, 1], [1500, 50, 4], [4000, 100, 4], [300, 100, 4]] as const) {
    const start = Date.now(); const cpu0 = process.cpuUsage();
    const B = 40;
    await Promise.all(Array.from({ length: par }, async (_, p) => {
      for (let b = 0; b < B / par; b++) {
        const actions: any[] = [];
        for (let k = 0; k < per; k++) actions.push(['upsert', { partitionKey: 'q' + p, rowKey: `b${b}-${k}`, data: 'x'.repeat(size) }, 'Replace']);
        await t.submitTransaction(actions);
      }
    }));
    const ms = Date.now() - start; const cpu = process.cpuUsage(cpu0);
    console.log(`size ${size} per ${per} par ${par}: tx/s`, ((B / ms) * 1000).toFixed(1), 'ops/s', ((B * per / ms) * 1000).toFixed(0), 'client cpu ms', ((cpu.user + cpu.system) / 1000).toFixed(0), 'wall', ms);
  }
  await az.stop();
}
main();
