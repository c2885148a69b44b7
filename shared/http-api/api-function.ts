/**
 * Registers the Azure Function of one catalogue operation: its name, route and method come from
 * the catalogue (api-operations.ts), so a function cannot answer on a route the OpenAPI document
 * does not describe. Anonymous at the Functions level: each operation's credential (a token, an
 * access link, the vendor's signature) is checked by its handler, and every answer that goes wrong
 * is problem+json.
 */
import { app, type HttpHandler } from '@azure/functions';
import * as df from 'durable-functions';
import { withProblemBoundary } from '../http-edge/problem-boundary';
import { apiOperation, functionRoute } from './api-operations';

export interface ApiFunctionOptions {
  /** The handler wakes or starts ticket lifecycles, so it gets the invocation's Durable client. */
  readonly durableClient?: boolean;
}

export function registerApiFunction(operationId: string, handler: HttpHandler, options: ApiFunctionOptions = {}): void {
  const operation = apiOperation(operationId);
  app.http(operation.operationId, {
    route: functionRoute(operation.path),
    methods: [operation.method],
    authLevel: 'anonymous',
    ...(options.durableClient === true ? { extraInputs: [df.input.durableClient()] } : {}),
    handler: withProblemBoundary(handler),
  });
}
