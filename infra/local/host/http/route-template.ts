/**
 * Turns a Functions route template (`tickets/{id:int}/notes/{noteId?}`, `files/{*path}`) into the
 * paths fastify's router matches, plus what fastify cannot express: parameter names, constraints,
 * defaults. Parameters are renamed by position (`p0`, `p1`) so two templates of the same shape
 * (`items/{id:int}` and `items/{name:alpha}`) share one fastify route and constraints pick.
 */
import { parseRouteConstraint, type RouteConstraint } from './route-constraints';

export interface RouteParameter {
  /** The name the app gave it, as it appears in `request.params`. */
  readonly name: string;
  /** The name in the fastify path (`p0`..., or `*` for a catch-all). */
  readonly routerName: string;
  readonly constraints: readonly RouteConstraint[];
  readonly optional: boolean;
  readonly defaultValue?: string;
  readonly catchAll: boolean;
}

export interface ParsedRoute {
  /** The template as the app wrote it, with the prefix, for messages. */
  readonly template: string;
  /** fastify paths that together match the template (a catch-all also matches its bare prefix). */
  readonly routerPaths: readonly string[];
  readonly parameters: readonly RouteParameter[];
}

interface Piece {
  readonly literal?: string;
  readonly parameter?: string;
}

/** Splits a segment into literal text and `{...}` parameters (`{{`/`}}` are literal braces). */
function segmentPieces(segment: string, template: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment.charAt(index);
    const next = segment.charAt(index + 1);
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      literal += char;
      index += 1;
      continue;
    }
    if (char === '}') throw new Error(`Route template "${template}" has an unmatched "}".`);
    if (char !== '{') {
      literal += char;
      continue;
    }
    // A parameter runs to the matching brace; constraint arguments may hold parentheses and braces.
    let depth = 0;
    let end = index + 1;
    for (; end < segment.length; end += 1) {
      const inner = segment.charAt(end);
      if (inner === '(') depth += 1;
      else if (inner === ')') depth -= 1;
      else if (inner === '}' && depth <= 0) break;
    }
    if (end >= segment.length) throw new Error(`Route template "${template}" has an unclosed "{".`);
    if (literal) pieces.push({ literal });
    literal = '';
    pieces.push({ parameter: segment.slice(index + 1, end) });
    index = end;
  }
  if (literal) pieces.push({ literal });
  return pieces;
}

/** Splits `name:c1:c2(x:y)` on the colons that are not inside parentheses. */
function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function parseParameter(text: string, routerName: string, template: string): RouteParameter {
  let body = text.trim();
  const catchAll = body.startsWith('*');
  body = body.replace(/^\*{1,2}/, '');
  let defaultValue: string | undefined;
  const [nameAndConstraints = '', ...defaultParts] = body.split('=');
  if (defaultParts.length > 0) defaultValue = defaultParts.join('=');
  let optional = false;
  let declaration = nameAndConstraints;
  if (declaration.endsWith('?')) {
    optional = true;
    declaration = declaration.slice(0, -1);
  }
  const [name = '', ...constraintTexts] = splitOutsideParentheses(declaration);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`Route template "${template}" has an invalid parameter name "${name}".`);
  }
  return {
    name,
    routerName: catchAll ? '*' : routerName,
    // Inside a parameter, `{{` and `}}` stand for single braces (as in `regex(^\\d{{3}}$)`).
    constraints: constraintTexts.map((constraint) => parseRouteConstraint(constraint.replace(/\{\{/g, '{').replace(/\}\}/g, '}'))),
    optional: optional || defaultValue !== undefined || catchAll,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    catchAll,
  };
}

/** find-my-way reads `:` as a parameter and `*` as a wildcard; literal ones are escaped. */
function escapeLiteral(literal: string): string {
  return literal.replace(/:/g, '::');
}

/** Parses `prefix` + `route` into the router paths and parameters. */
export function parseRouteTemplate(prefix: string, route: string): ParsedRoute {
  const segments = [...prefix.split('/'), ...route.split('/')].filter((segment) => segment.length > 0);
  const template = `/${segments.join('/')}`;
  const parameters: RouteParameter[] = [];
  const pathSegments: string[] = [];
  segments.forEach((segment, segmentIndex) => {
    const isLast = segmentIndex === segments.length - 1;
    let pathSegment = '';
    for (const piece of segmentPieces(segment, template)) {
      if (piece.literal !== undefined) {
        pathSegment += escapeLiteral(piece.literal);
        continue;
      }
      const parameter = parseParameter(piece.parameter ?? '', `p${parameters.length}`, template);
      if ((parameter.catchAll || parameter.optional) && !isLast) {
        throw new Error(`Route template "${template}": only the last segment may be optional or catch-all.`);
      }
      parameters.push(parameter);
      pathSegment += parameter.catchAll ? '*' : `:${parameter.routerName}`;
    }
    pathSegments.push(pathSegment);
  });

  const last = parameters[parameters.length - 1];
  const lastIsWholeSegment = last !== undefined && /^(:p\d+|\*)$/.test(pathSegments[pathSegments.length - 1] ?? '');
  if (last?.optional && !lastIsWholeSegment) {
    throw new Error(`Route template "${template}": an optional parameter must be a whole segment.`);
  }
  const full = `/${pathSegments.join('/')}`;
  if (last?.optional && lastIsWholeSegment) {
    // Both with and without the last segment, as ASP.NET matches an optional or catch-all tail.
    const bare = `/${pathSegments.slice(0, -1).join('/')}`;
    return { template, routerPaths: [full, bare], parameters };
  }
  return { template, routerPaths: [full], parameters };
}

/**
 * The app's route values for a router match, or `undefined` when a constraint rejects the
 * request (the route then does not match). Missing optional values are absent; defaults apply.
 */
export function routeValues(
  route: ParsedRoute,
  routerParams: Readonly<Record<string, string | undefined>>,
): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (const parameter of route.parameters) {
    const raw = routerParams[parameter.routerName];
    const value = raw === undefined || raw === '' ? parameter.defaultValue : raw;
    if (value === undefined) {
      if (parameter.optional) continue;
      return undefined;
    }
    if (!parameter.constraints.every((check) => check(value))) return undefined;
    values[parameter.name] = value;
  }
  return values;
}
