/**
 * Orchestration routes of the Durable HTTP API, with the real extension's status codes: start
 * (202, 400 unknown function or bad id, 409 active id), status (202 while running, 200 when
 * finished, 404), raise event / terminate / suspend / resume (202, 404, 410 finished), restart,
 * purge (200, 404, 412 still running). Queries and bulk purge live in query-routes.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isTerminal, type ExecutionState } from '../engine/execution-state';
import type { OrchestrationMessage } from '../engine/orchestration-messages';
import { instanceIdProblem } from '../storage/hub-layout';
import type { LiveInstance } from '../runtime/orchestration-engine';
import { InstanceActiveError } from '../runtime/child-orchestrations';
import { managementLinks } from './client-binding';
import { asQuery, bodyText, errorBody, flag, isJson, type ManagementContext } from './management-context';
import { statusPayload } from './status-payload';

const StartParams = z.object({ functionName: z.string(), instanceId: z.string().optional() });
const InstanceParams = z.object({ instanceId: z.string() });
const EventParams = z.object({ instanceId: z.string(), eventName: z.string() });
const OperationParams = z.object({ instanceId: z.string(), operation: z.string() });

function originOf(request: FastifyRequest): string | undefined {
  const host = request.headers.host;
  return host ? `${request.protocol}://${host}` : undefined;
}

export function statusSource(state: ExecutionState): Parameters<typeof statusPayload>[0] {
  return {
    instanceId: state.instanceId,
    name: state.name,
    runtimeStatus: state.status,
    createdAt: state.createdAt,
    lastUpdatedAt: state.lastUpdatedAt,
    ...(state.input === undefined ? {} : { input: state.input }),
    ...(state.output === undefined ? {} : { output: state.output }),
    ...(state.customStatus === undefined ? {} : { customStatus: state.customStatus }),
  };
}

async function startInstance(
  ctx: ManagementContext,
  reply: FastifyReply,
  origin: string | undefined,
  start: { name: string; instanceId: string; input: string | undefined; version?: string },
): Promise<FastifyReply> {
  const problem = instanceIdProblem(start.instanceId);
  if (problem) return reply.code(400).send(errorBody(problem));
  try {
    await ctx.orchestrations.create(start);
  } catch (error) {
    if (error instanceof InstanceActiveError) return reply.code(409).send(errorBody(error.message));
    throw error;
  }
  const links = managementLinks(ctx.endpoints, start.instanceId, origin);
  return reply.code(202).header('Location', links.statusQueryGetUri).send(links);
}

export function registerInstanceRoutes(app: FastifyInstance, ctx: ManagementContext): void {
  const { orchestrations } = ctx;
  const live = (instanceId: string): LiveInstance | undefined => orchestrations.instances.get(instanceId);

  app.post('/orchestrators/:functionName/:instanceId?', async (request, reply) => {
    const params = StartParams.parse(request.params);
    const fn = ctx.catalog.orchestrator(params.functionName);
    if (!fn) {
      return reply
        .code(400)
        .send(errorBody(`The function '${params.functionName}' doesn't exist, is disabled, or is not an orchestrator function.`));
    }
    const input = bodyText(request.body);
    if (input !== undefined && !isJson(input)) return reply.code(400).send(errorBody('Invalid JSON content'));
    const version = asQuery(request.query)['version'];
    return startInstance(ctx, reply, originOf(request), {
      name: fn.name,
      instanceId: params.instanceId || randomUUID().replace(/-/g, ''),
      input,
      ...(version ? { version } : {}),
    });
  });

  app.get('/instances/:instanceId', async (request, reply) => {
    const { instanceId } = InstanceParams.parse(request.params);
    const instance = live(instanceId);
    if (!instance) return reply.code(404).send();
    const query = asQuery(request.query);
    const state = instance.state;
    const history = flag(query, 'showHistory', false)
      ? (instance.history ?? (await ctx.store.loadHistory(instanceId, state.generation)))
      : undefined;
    const payload = statusPayload(
      statusSource(state),
      { showInput: flag(query, 'showInput', true), showHistoryOutput: flag(query, 'showHistoryOutput', false) },
      history,
    );
    if (!isTerminal(state.status)) {
      return reply.code(202).header('Location', request.url).header('Retry-After', '5').send(payload);
    }
    const failedAs500 = state.status === 'Failed' && flag(query, 'returnInternalServerErrorOnFailure', false);
    return reply.code(failedAs500 ? 500 : 200).send(payload);
  });

  app.delete('/instances/:instanceId', async (request, reply) => {
    const { instanceId } = InstanceParams.parse(request.params);
    const instance = live(instanceId);
    if (!instance) return reply.code(404).send();
    if (!isTerminal(instance.state.status)) {
      return reply
        .code(412)
        .send(`Only orchestrations in a terminal state can be purged, but the orchestration with instance ID ${instanceId} has status ${instance.state.status}`);
    }
    await orchestrations.locks.run(instanceId, async () => {
      await ctx.store.purge(instanceId);
      orchestrations.forget(instanceId);
    });
    return reply.code(200).send({ instancesDeleted: 1 });
  });

  app.post('/instances/:instanceId/raiseEvent/:eventName', async (request, reply) => {
    const { instanceId, eventName } = EventParams.parse(request.params);
    const instance = live(instanceId);
    if (!instance) return reply.code(404).send();
    if (isTerminal(instance.state.status)) return reply.code(410).send();
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      return reply.code(400).send(errorBody('Only application/json request content is supported'));
    }
    const input = bodyText(request.body);
    if (input !== undefined && !isJson(input)) return reply.code(400).send(errorBody('Invalid JSON content'));
    await orchestrations.submit(instanceId, { kind: 'eventRaised', name: eventName, ...(input === undefined ? {} : { input }) });
    return reply.code(202).send();
  });

  app.post('/instances/:instanceId/:operation', async (request, reply) => {
    const { instanceId, operation } = OperationParams.parse(request.params);
    const instance = live(instanceId);
    const kind = operation.toLowerCase();
    if (!['terminate', 'suspend', 'resume', 'rewind', 'restart'].includes(kind)) return reply.code(404).send();
    if (!instance) return reply.code(kind === 'restart' ? 400 : 404).send();
    const query = asQuery(request.query);
    if (kind === 'rewind') {
      if (instance.state.status !== 'Failed') return reply.code(412).send();
      return reply.code(501).send(errorBody('Rewind is not supported by the local Durable emulator.'));
    }
    if (kind === 'restart') {
      const newId = flag(query, 'restartWithNewInstanceId', true) ? randomUUID().replace(/-/g, '') : instanceId;
      return startInstance(ctx, reply, originOf(request), {
        name: instance.state.name,
        instanceId: newId,
        input: instance.state.input,
      });
    }
    if (isTerminal(instance.state.status)) return reply.code(410).send();
    const reason = query['reason'];
    const message: OrchestrationMessage =
      kind === 'terminate'
        ? { kind: 'terminate', ...(reason === undefined ? {} : { reason }) }
        : { kind: kind === 'suspend' ? 'suspend' : 'resume', ...(reason === undefined ? {} : { reason }) };
    await orchestrations.submit(instanceId, message);
    return reply.code(202).send();
  });
}
