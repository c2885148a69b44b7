/**
 * Entity routes of the Durable HTTP API: signal an operation (`POST entities/{name}/{key}?op=`,
 * 202) and read the state (`GET entities/{name}/{key}`, 200 with the state, 404 when the entity
 * does not exist).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { entityInstanceId } from '../engine/entity-state';
import { asQuery, bodyText, errorBody, isJson, type ManagementContext } from './management-context';
import { parseToToken } from './status-payload';

const EntityParams = z.object({ entityName: z.string().min(1), entityKey: z.string() });

export function registerEntityRoutes(app: FastifyInstance, ctx: ManagementContext): void {
  const signal = async (entityName: string, entityKey: string, operation: string, input: string | undefined): Promise<void> => {
    await ctx.entities.send({
      requestId: randomUUID(),
      entityId: entityInstanceId(entityName, entityKey === '$' ? '' : entityKey),
      operation,
      ...(input === undefined ? {} : { input }),
      signal: true,
    });
  };

  app.post('/entities/:entityName/:entityKey', async (request, reply) => {
    const { entityName, entityKey } = EntityParams.parse(request.params);
    const text = bodyText(request.body);
    const json = String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
    if (text !== undefined && json && !isJson(text)) {
      return reply.code(400).send(errorBody('Could not parse JSON content.'));
    }
    // A non-JSON body is the operation's input as a string.
    const input = text === undefined ? undefined : json ? text : JSON.stringify(text);
    await signal(entityName, entityKey, asQuery(request.query)['op'] ?? '', input);
    return reply.code(202).send();
  });

  app.delete('/entities/:entityName/:entityKey', async (request, reply) => {
    const { entityName, entityKey } = EntityParams.parse(request.params);
    await signal(entityName, entityKey, 'delete', undefined);
    return reply.code(202).send();
  });

  app.get('/entities/:entityName/:entityKey', async (request, reply) => {
    const { entityName, entityKey } = EntityParams.parse(request.params);
    const snapshot = ctx.entities.read(entityInstanceId(entityName, entityKey === '$' ? '' : entityKey));
    if (!snapshot) return reply.code(404).send();
    return reply.code(200).header('content-type', 'application/json').send(JSON.stringify(parseToToken(snapshot.state)));
  });
}
