/**
 * Serves the app's HTTP-triggered functions on fastify's router: route templates with
 * constraints, methods (405 when the path matches but the method does not), keys, the request
 * handed to the worker, and the worker's response (or a bare 500 when the handler throws; the
 * error goes to the host log, never to the client).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RegisteredFunction } from '../extension-contract';
import type { HostInvoker } from '../function-invoker';
import type { ActivityTracker } from '../activity-tracker';
import type { HostLogger } from '../host-log';
import type { RpcHttpData, RpcInvocationResponse } from '../core-api-types';
import { parseRouteTemplate, routeValues, type ParsedRoute } from './route-template';
import { isAuthorised, presentedKey, toAuthLevel, type AuthLevel, type KeyRing } from './function-keys';
import { toRpcHttpRequest } from './request-mapping';
import { sendRpcHttpResponse } from './response-mapping';
import { errorText } from '../error-text';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'] as const;

export interface HttpFunctionRoute {
  readonly fn: RegisteredFunction;
  readonly triggerBindingName: string;
  readonly route: ParsedRoute;
  /** Upper-case methods, or `undefined` for every method. */
  readonly methods: ReadonlySet<string> | undefined;
  readonly authLevel: AuthLevel;
}

export interface HttpTriggerOptions {
  readonly functions: readonly RegisteredFunction[];
  readonly routePrefix: string;
  readonly invoker: HostInvoker;
  /** Counts requests in flight, so a virtual clock step waits for them. */
  readonly activity: ActivityTracker;
  readonly keys: KeyRing;
  readonly logger: HostLogger;
  /** Requests wait for this before reaching a function (extensions may still be starting). */
  readonly ready: Promise<void>;
}

/**
 * Route beginnings the host keeps for itself (its admin API, extension webhooks), whatever the
 * prefix: Azure refuses such a function at start-up.
 */
const RESERVED_PREFIXES = ['admin', 'runtime'];

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** How the host will serve each HTTP function, checked before anything listens. */
export function httpFunctionRoutes(functions: readonly RegisteredFunction[], routePrefix: string): HttpFunctionRoute[] {
  const routes: HttpFunctionRoute[] = [];
  for (const fn of functions) {
    if (fn.triggerType.toLowerCase() !== 'httptrigger') continue;
    const triggerEntry = Object.entries(fn.bindings).find(([, binding]) => binding.type.toLowerCase() === 'httptrigger');
    if (!triggerEntry) continue;
    const [triggerBindingName, trigger] = triggerEntry;
    const template = typeof trigger.route === 'string' && trigger.route.trim() !== '' ? trigger.route : fn.name;
    const route = parseRouteTemplate(routePrefix, template);
    // As Azure checks it: the function's own route, before the prefix, by its leading characters.
    const ownRoute = template.replace(/^\/+|\/+$/g, '').toLowerCase();
    if (RESERVED_PREFIXES.some((reserved) => ownRoute.startsWith(reserved))) {
      throw new Error(`Function "${fn.name}": the route "${template}" conflicts with the host's built-in routes (admin, runtime).`);
    }
    const methods = stringList(trigger.methods)?.map((method) => method.toUpperCase());
    routes.push({
      fn,
      triggerBindingName,
      route,
      methods: methods && methods.length > 0 ? new Set(methods) : undefined,
      authLevel: toAuthLevel(trigger.authLevel),
    });
  }
  return routes;
}

/** The HTTP output the host answers with: `$return` if it is an HTTP binding, else a named one. */
function httpOutput(fn: RegisteredFunction, response: RpcInvocationResponse): RpcHttpData | undefined {
  const returnBinding = fn.bindings.$return;
  if (returnBinding && returnBinding.type.toLowerCase() === 'http' && response.returnValue?.http) {
    return response.returnValue.http;
  }
  for (const output of response.outputData ?? []) {
    const binding = output.name ? fn.bindings[output.name] : undefined;
    if (binding?.type.toLowerCase() === 'http' && output.data?.http) return output.data.http;
  }
  return undefined;
}

/** More constrained templates win over looser ones at the same path, as in ASP.NET routing. */
function specificity(route: HttpFunctionRoute): number {
  return route.route.parameters.reduce((sum, parameter) => sum + parameter.constraints.length, 0);
}

export function registerHttpTriggers(server: FastifyInstance, options: HttpTriggerOptions): HttpFunctionRoute[] {
  const routes = httpFunctionRoutes(options.functions, options.routePrefix);
  const byRouterPath = new Map<string, HttpFunctionRoute[]>();
  for (const route of routes) {
    for (const routerPath of route.route.routerPaths) {
      const group = byRouterPath.get(routerPath) ?? [];
      group.push(route);
      byRouterPath.set(routerPath, group);
    }
  }
  for (const [routerPath, group] of byRouterPath) {
    group.sort((a, b) => specificity(b) - specificity(a));
    server.route({
      method: [...HTTP_METHODS],
      url: routerPath,
      handler: (request, reply) => options.activity.track(() => serve(request, reply, group, options)),
    });
  }
  return routes;
}

async function serve(
  request: FastifyRequest,
  reply: FastifyReply,
  group: readonly HttpFunctionRoute[],
  options: HttpTriggerOptions,
): Promise<FastifyReply> {
  await options.ready;
  const routerParams = request.params as Record<string, string | undefined>;
  const matching = group
    .map((candidate) => ({ candidate, values: routeValues(candidate.route, routerParams) }))
    .filter((match): match is { candidate: HttpFunctionRoute; values: Record<string, string> } => match.values !== undefined);
  if (matching.length === 0) return reply.code(404).send();
  const method = request.method.toUpperCase();
  const chosen = matching.find(({ candidate }) => !candidate.methods || candidate.methods.has(method));
  if (!chosen) {
    const allowed = new Set(matching.flatMap(({ candidate }) => [...(candidate.methods ?? [])]));
    return reply.code(405).header('allow', [...allowed].join(', ')).send();
  }
  const { candidate, values } = chosen;
  const url = new URL(request.url, 'http://local');
  if (!isAuthorised(options.keys, candidate.authLevel, candidate.fn.name, presentedKey(request.headers['x-functions-key'], url))) {
    return reply.code(401).send();
  }
  try {
    const response = await options.invoker.invokeRpc(candidate.fn.name, {
      triggerData: { http: toRpcHttpRequest(request, values) },
    });
    return sendRpcHttpResponse(reply, httpOutput(candidate.fn, response));
  } catch (error) {
    options.logger.log('error', `Function "${candidate.fn.name}" failed: ${errorText(error)}`);
    return reply.code(500).send();
  }
}
