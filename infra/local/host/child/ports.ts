/** Port checks for starting processes: a free port to hand to a child, and a clear refusal when a fixed one is taken. */
import net from 'node:net';

/** Asks the OS for a free loopback port (released at once, so a child can take it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port was handed out.'))));
    });
  });
}

export class PortBusyError extends Error {
  constructor(
    readonly port: number,
    readonly service: string,
  ) {
    super(`Port ${port} (${service}) is already in use. Stop whatever listens there (another "npm start"?) and try again.`);
    this.name = 'PortBusyError';
  }
}

/** Resolves if `port` can be listened on at 127.0.0.1; rejects with a PortBusyError otherwise. */
export function assertPortFree(port: number, service: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortBusyError(port, service) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
