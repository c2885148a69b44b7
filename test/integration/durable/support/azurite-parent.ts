/** A parent process that starts Azurite, reports its pid and endpoint, then waits to be killed. */
import { startAzurite } from '../../../../infra/local/azurite';

void startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 }).then((azurite) => {
  process.stdout.write(`${JSON.stringify({ pid: azurite.pid, tableEndpoint: azurite.tableEndpoint })}\n`);
  setInterval(() => undefined, 1000);
});
