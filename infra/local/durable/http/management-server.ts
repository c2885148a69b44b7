/**
 * The extension's HTTP endpoint on 127.0.0.1: the same routes under `/durabletask/` (the local RPC
 * base durable-functions v3 calls) and `/runtime/webhooks/durabletask/` (the public webhook paths
 * the management links use). Bodies are kept as text so that inputs reach storage untouched.
 */
import fastify, { type FastifyInstance } from 'fastify';
import type { WorkTracker } from '../runtime/work-tracker';
import type { ManagementContext } from './management-context';
import { registerInstanceRoutes } from './instance-routes';
import { registerQueryRoutes } from './query-routes';
import { registerEntityRoutes } from './entity-routes';

export const RPC_PATH = '/durabletask';
export const WEBHOOK_PATH = '/runtime/webhooks/durabletask';

export interface ManagementServer {
  /** e.g. http://127.0.0.1:54321 */
  readonly origin: string;
  close(): Promise<void>;
}

function routes(ctx: ManagementContext) {
  return async (app: FastifyInstance): Promise<void> => {
    registerQueryRoutes(app, ctx);
    registerInstanceRoutes(app, ctx);
    registerEntityRoutes(app, ctx);
  };
}

export async function startManagementServer(
  ctx: ManagementContext,
  tracker: WorkTracker,
  listen: { host: string; port: number },
): Promise<ManagementServer> {
  const app = fastify({
    logger: false,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // A request in progress is work in progress: the virtual clock must not move past it.
  const finish = new WeakMap<object, () => void>();
  app.addHook('onRequest', (request, _reply, done) => {
    void tracker.track(new Promise<void>((resolve) => finish.set(request, resolve)));
    done();
  });
  const settle = (request: object): void => {
    finish.get(request)?.();
    finish.delete(request);
  };
  app.addHook('onResponse', (request, _reply, done) => {
    settle(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    settle(request);
    done();
  });
  app.setErrorHandler((error, _request, reply) => {
    void reply.code(500).send({ Message: 'Something went wrong while processing your request', ExceptionMessage: error instanceof Error ? error.message : String(error) });
  });
  await app.register(routes(ctx), { prefix: RPC_PATH });
  await app.register(routes(ctx), { prefix: WEBHOOK_PATH });
  await app.listen({ host: listen.host, port: listen.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  return {
    origin: `http://${listen.host}:${port}`,
    close: () => app.close(),
  };
}
