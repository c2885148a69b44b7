/**
 * Instance queries and bulk purge of the Durable HTTP API, over the Instances table: filters on
 * runtime status, created time and instance id prefix, pages of `top` rows chained by the
 * `x-ms-continuation-token` header (the table's own continuation token).
 */
import type { FastifyInstance } from 'fastify';
import { isTerminal, RuntimeStatusSchema, type RuntimeStatus } from '../engine/execution-state';
import { asQuery, errorBody, flag, type ManagementContext, type Query } from './management-context';
import { statusPayload } from './status-payload';
import { statusSource } from './instance-routes';

const CONTINUATION_HEADER = 'x-ms-continuation-token';

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function statuses(query: Query): RuntimeStatus[] {
  return (query['runtimeStatus'] ?? '')
    .split(',')
    .map((value) => value.trim())
    .flatMap((value) => {
      const parsed = RuntimeStatusSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
}

function instant(query: Query, name: string): Date | undefined {
  const value = query[name];
  if (!value) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** OData over the Instances table's columns. */
export function instanceFilter(query: Query, createdTimeToFallback?: Date): string | undefined {
  const clauses: string[] = [];
  const from = instant(query, 'createdTimeFrom');
  const to = instant(query, 'createdTimeTo') ?? createdTimeToFallback;
  if (from) clauses.push(`CreatedTime ge datetime'${from.toISOString()}'`);
  if (to) clauses.push(`CreatedTime le datetime'${to.toISOString()}'`);
  const wanted = statuses(query);
  if (wanted.length > 0) clauses.push(`(${wanted.map((status) => `RuntimeStatus eq ${quoted(status)}`).join(' or ')})`);
  const prefix = query['instanceIdPrefix'];
  if (prefix) clauses.push(`InstanceId ge ${quoted(prefix)} and InstanceId lt ${quoted(`${prefix}\uffff`)}`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

export function registerQueryRoutes(app: FastifyInstance, ctx: ManagementContext): void {
  app.get('/instances', async (request, reply) => {
    const query = asQuery(request.query);
    const top = Number.parseInt(query['top'] ?? '', 10);
    const token = request.headers[CONTINUATION_HEADER];
    const page = await ctx.store.queryProjections(
      instanceFilter(query),
      Number.isInteger(top) && top > 0 ? top : ctx.queryPageSize,
      typeof token === 'string' && token.length > 0 ? token : undefined,
    );
    const showInput = flag(query, 'showInput', true);
    const items = page.records.map((record) => {
      // The in-memory state is never behind the table row; prefer it when present.
      const current = ctx.orchestrations.instances.get(record.instanceId)?.state;
      const source = current ? statusSource(current) : record;
      return statusPayload(source, { showInput, showHistoryOutput: false });
    });
    if (page.continuationToken) reply.header(CONTINUATION_HEADER, page.continuationToken);
    return reply.code(200).send(items);
  });

  app.delete('/instances', async (request, reply) => {
    const query = asQuery(request.query);
    if (!instant(query, 'createdTimeFrom')) {
      return reply.code(400).send(errorBody("Please provide value for 'createdTimeFrom' parameter."));
    }
    const filter = instanceFilter(query, new Date(ctx.clock.now()));
    const victims: string[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.store.queryProjections(filter, 1000, token);
      for (const record of page.records) {
        const current = ctx.orchestrations.instances.get(record.instanceId)?.state.status ?? record.runtimeStatus;
        if (isTerminal(current)) victims.push(record.instanceId);
      }
      token = page.continuationToken;
    } while (token);
    for (const instanceId of victims) {
      await ctx.orchestrations.locks.run(instanceId, async () => {
        await ctx.store.purge(instanceId);
        ctx.orchestrations.forget(instanceId);
      });
    }
    if (victims.length === 0) return reply.code(404).send();
    return reply.code(200).send({ instancesDeleted: victims.length });
  });
}
