import { parseRouteTemplate, routeValues } from '../../../infra/local/host/http/route-template';
import { parseRouteConstraint } from '../../../infra/local/host/http/route-constraints';
import { httpFunctionRoutes } from '../../../infra/local/host/http/http-triggers';
import type { RegisteredFunction } from '../../../infra/local/host/extension-contract';

function httpFunction(name: string, route?: string): RegisteredFunction {
  const trigger = { type: 'httpTrigger', direction: 'in', ...(route === undefined ? {} : { route }) };
  return { name, triggerType: 'httpTrigger', bindings: { request: trigger }, metadata: {} };
}

describe('route templates', () => {
  it('puts the route prefix in front and names parameters by position for the router', () => {
    const route = parseRouteTemplate('api', 'tickets/{ticketId}/notes/{noteId:int}');
    expect(route.template).toBe('/api/tickets/{ticketId}/notes/{noteId:int}');
    expect(route.routerPaths).toEqual(['/api/tickets/:p0/notes/:p1']);
    expect(routeValues(route, { p0: 'T-1', p1: '7' })).toEqual({ ticketId: 'T-1', noteId: '7' });
  });

  it('serves from the root when the prefix is empty', () => {
    expect(parseRouteTemplate('', 'health').routerPaths).toEqual(['/health']);
    expect(parseRouteTemplate('', '/').routerPaths).toEqual(['/']);
  });

  it('matches an optional or catch-all tail both with and without it', () => {
    expect(parseRouteTemplate('api', 'reports/{year}/{month?}').routerPaths).toEqual([
      '/api/reports/:p0/:p1',
      '/api/reports/:p0',
    ]);
    const catchAll = parseRouteTemplate('api', 'files/{*path}');
    expect(catchAll.routerPaths).toEqual(['/api/files/*', '/api/files']);
    expect(routeValues(catchAll, { '*': 'a/b.txt' })).toEqual({ path: 'a/b.txt' });
  });

  it('applies defaults and rejects values that break a constraint', () => {
    const route = parseRouteTemplate('api', 'pages/{page:int=1}');
    expect(routeValues(route, {})).toEqual({ page: '1' });
    expect(routeValues(route, { p0: 'two' })).toBeUndefined();
  });

  it('accepts several constraints and regexes with escaped braces', () => {
    const route = parseRouteTemplate('api', 'codes/{code:alpha:length(3)}/{n:regex(^\\d{{2}}$)}');
    expect(routeValues(route, { p0: 'abc', p1: '42' })).toEqual({ code: 'abc', n: '42' });
    expect(routeValues(route, { p0: 'abcd', p1: '42' })).toBeUndefined();
    expect(routeValues(route, { p0: 'abc', p1: '420' })).toBeUndefined();
  });

  it('refuses an optional parameter before the last segment', () => {
    expect(() => parseRouteTemplate('api', 'a/{x?}/b')).toThrow('only the last segment');
  });
});

describe('routes the host keeps for itself', () => {
  it('refuses a function route that begins like admin or runtime, whatever the prefix, as Azure does', () => {
    for (const route of ['runtime/webhooks/mine', 'runtimes', 'admin/report', '/administration']) {
      expect(() => httpFunctionRoutes([httpFunction('f', route)], 'api')).toThrow(/built-in routes/);
      expect(() => httpFunctionRoutes([httpFunction('f', route)], '')).toThrow(/built-in routes/);
    }
    // Without a route, the function's name is its route.
    expect(() => httpFunctionRoutes([httpFunction('adminReport')], 'api')).toThrow(/built-in routes/);
  });

  it('leaves routes that only contain those words to the app', () => {
    const routes = httpFunctionRoutes([httpFunction('f', 'reports/runtime'), httpFunction('g', 'my-admin')], '');
    expect(routes.map((route) => route.route.template)).toEqual(['/reports/runtime', '/my-admin']);
  });
});

describe('route constraints', () => {
  const accepts = (constraint: string, value: string): boolean => parseRouteConstraint(constraint)(value);

  it('checks integer kinds and their ranges', () => {
    expect(accepts('int', '-42')).toBe(true);
    expect(accepts('int', '2147483648')).toBe(false);
    expect(accepts('long', '2147483648')).toBe(true);
    expect(accepts('range(1,10)', '10')).toBe(true);
    expect(accepts('range(1,10)', '11')).toBe(false);
    expect(accepts('min(5)', '4')).toBe(false);
    expect(accepts('max(5)', '4')).toBe(true);
  });

  it('checks text shapes', () => {
    expect(accepts('alpha', 'Widget')).toBe(true);
    expect(accepts('alpha', 'w1dget')).toBe(false);
    expect(accepts('bool', 'TRUE')).toBe(true);
    expect(accepts('guid', '8f14e45f-ceea-4e7a-9f1b-3c5d2b8a9e01')).toBe(true);
    expect(accepts('guid', 'not-a-guid')).toBe(false);
    expect(accepts('datetime', '2026-03-02')).toBe(true);
    expect(accepts('double', '3.25')).toBe(true);
    expect(accepts('minlength(2)', 'a')).toBe(false);
    expect(accepts('maxlength(2)', 'ab')).toBe(true);
    expect(accepts('length(2,3)', 'abcd')).toBe(false);
  });

  it('refuses a constraint it does not know', () => {
    expect(() => parseRouteConstraint('colour')).toThrow('not supported');
  });
});
