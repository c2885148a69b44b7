/**
 * Which queries the stand-in may answer from a sorted order (`cosmos-document-queries.ts`), read
 * from the engine's syntax tree: `SELECT [TOP n] … FROM c [WHERE …] ORDER BY c.a[, c.b …]` over the
 * container alone (no JOIN) and without aggregates. For those, the rows a stretch of the order
 * yields are the first rows of the whole answer, because the filter looks at one document at a
 * time. The filter's top-level AND terms that compare the leading ORDER BY property with a
 * constant or a parameter (`=`, `<`, `<=`, `>`, `>=`) bound the stretch.
 */
import type { Bound, LeadingBounds, OrderTerm } from './cosmos-sorted-orders';

export interface QueryParameter {
  readonly name: string;
  readonly value: unknown;
}

export interface OrderedQueryPlan {
  readonly terms: readonly OrderTerm[];
  readonly top?: number;
  readonly bounds: LeadingBounds;
}

type Node = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const AGGREGATES = /"name":"(count|sum|avg|min|max)"/i;
const FLIPPED: Readonly<Record<string, string>> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `c.a.b` as `['a', 'b']` when rooted at the collection's alias; undefined for anything else. */
function memberPath(expression: unknown, alias: string): string[] | undefined {
  if (!isNode(expression)) return undefined;
  if (expression['type'] === 'identifier') return expression['name'] === alias ? [] : undefined;
  if (expression['type'] !== 'scalar_member_expression' || expression['computed'] !== false) return undefined;
  const property = expression['property'];
  if (!isNode(property) || property['type'] !== 'identifier' || typeof property['name'] !== 'string') return undefined;
  const parent = memberPath(expression['object'], alias);
  return parent === undefined ? undefined : [...parent, property['name']];
}

/** A string, number or boolean the query states or names as a parameter. */
function constant(expression: unknown, parameters: readonly QueryParameter[]): { readonly value: unknown } | undefined {
  if (!isNode(expression)) return undefined;
  let value: unknown;
  if (expression['type'] === 'parameter_name') {
    const named = parameters.find((parameter) => parameter.name === expression['name']);
    if (named === undefined) return undefined;
    value = named.value;
  } else if (expression['type'] === 'string_constant' || expression['type'] === 'number_constant' || expression['type'] === 'boolean_constant') {
    value = expression['value'];
  } else return undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? { value } : undefined;
}

function conjuncts(condition: unknown): unknown[] {
  if (isNode(condition) && condition['type'] === 'scalar_binary_expression' && String(condition['operator']).toUpperCase() === 'AND') {
    return [...conjuncts(condition['left']), ...conjuncts(condition['right'])];
  }
  return [condition];
}

function samePath(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((step, index) => step === second[index]);
}

function boundsOn(path: readonly string[], where: unknown, alias: string, parameters: readonly QueryParameter[]): LeadingBounds {
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  const condition = isNode(where) ? where['condition'] : undefined;
  for (const term of conjuncts(condition)) {
    if (!isNode(term) || term['type'] !== 'scalar_binary_expression') continue;
    const operator = String(term['operator']);
    const leftPath = memberPath(term['left'], alias);
    const rightPath = memberPath(term['right'], alias);
    const onLeft = leftPath !== undefined && samePath(leftPath, path);
    const compared = onLeft ? constant(term['right'], parameters) : rightPath !== undefined && samePath(rightPath, path) ? constant(term['left'], parameters) : undefined;
    const relation = onLeft ? operator : FLIPPED[operator];
    if (compared === undefined || relation === undefined) continue;
    if (relation === '=' || relation === '>' || relation === '>=') lower ??= { value: compared.value, inclusive: relation !== '>' };
    if (relation === '=' || relation === '<' || relation === '<=') upper ??= { value: compared.value, inclusive: relation !== '<' };
  }
  return { ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) };
}

function topOf(top: unknown, parameters: readonly QueryParameter[]): number | undefined | 'unknown' {
  if (!isNode(top)) return undefined;
  const value = constant(top['value'], parameters);
  return typeof value?.value === 'number' ? value.value : 'unknown';
}

export function orderedQueryPlan(ast: unknown, parameters: readonly QueryParameter[]): OrderedQueryPlan | undefined {
  const body = isNode(ast) ? ast['body'] : undefined;
  if (!isNode(body) || body['type'] !== 'select_query') return undefined;
  const { from, orderBy, select, where } = body;
  if (!isNode(from) || !isNode(orderBy) || !Array.isArray(from['joins']) || from['joins'].length > 0) return undefined;
  if (AGGREGATES.test(JSON.stringify(select) ?? '')) return undefined;
  const source = from['source'];
  if (!isNode(source) || !isNode(source['expression']) || source['expression']['type'] !== 'collection_expression') return undefined;
  const collection = source['expression']['expression'];
  const aliasNode = isNode(source['alias']) ? source['alias'] : collection;
  if (!isNode(aliasNode) || typeof aliasNode['name'] !== 'string') return undefined;
  const alias = aliasNode['name'];
  const expressions = orderBy['expressions'];
  if (!Array.isArray(expressions) || expressions.length === 0) return undefined;
  const terms: OrderTerm[] = [];
  for (const expression of expressions) {
    const path = isNode(expression) ? memberPath(expression['expression'], alias) : undefined;
    if (path === undefined || path.length === 0 || !isNode(expression)) return undefined;
    terms.push({ path, descending: String(expression['order']).toUpperCase() === 'DESC' });
  }
  const top = topOf(body['top'], parameters);
  if (top === 'unknown') return undefined;
  const [leading] = terms;
  const bounds = leading === undefined ? {} : boundsOn(leading.path, where, alias, parameters);
  return { terms, ...(top === undefined ? {} : { top }), bounds };
}
