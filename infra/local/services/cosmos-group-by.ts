/**
 * GROUP BY in the stand-in, the way the @azure/cosmos SDK drives it against Cosmos DB's gateway:
 * 1. The SDK sends the query as it is, cross-partition. The gateway cannot serve a GROUP BY that
 *    spans partitions, and refuses it: 400, substatus 1004, the query plan in `additionalErrorInfo`.
 * 2. The SDK then runs the plan it asked for beside the query (`x-ms-cosmos-is-query-plan-request`):
 *    it sends the plan's `rewrittenQuery` to every partition key range, which answers one row per
 *    group of that range, `{ groupByItems: [{ item: key }…], payload: { alias: value | { item: partial } } }`,
 *    and merges the groups of all ranges itself with the aggregators the plan names
 *    (`groupByAliasToAggregateType`: Count, Sum, Min, Max, Average; null for a grouped value).
 * The plan is built here as the gateway builds it (`rewrittenQuery` in the same shape), and a
 * GROUP BY query sent to one range (or one partition key) is evaluated here: the engine filters
 * the documents and computes each expression per document (one compiled query), and the groups and
 * their aggregates are formed from those values with the engine's own aggregate functions.
 * Not run (answered 400): TOP, DISTINCT, JOIN, ORDER BY, OFFSET/LIMIT with GROUP BY, SELECT VALUE
 * with GROUP BY in a plan, and aggregates nested in other expressions (Cosmos DB refuses those too).
 */
import * as engineAggregates from '@zeit/cosmosdb-query/lib/aggregate-functions';
import { PASS_THROUGH_QUERY_PLAN } from './cosmos-query-plan';
import { groupByClauses, isEnclosed, leadingString, splitTopLevel, topLevelKeywords, type QueryClauses } from './cosmos-query-clauses';

const AGGREGATE_CALL = /^(COUNT|SUM|MIN|MAX|AVG)\s*\(/i;
const AGGREGATE_ANYWHERE = /\b(COUNT|SUM|MIN|MAX|AVG)\s*\(/i;

type AggregateName = 'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG';
const AGGREGATE_TYPES: Readonly<Record<AggregateName, string>> = { COUNT: 'Count', SUM: 'Sum', MIN: 'Min', MAX: 'Max', AVG: 'Average' };

/** What a projection is built of: literals of objects and arrays whose leaves are aggregates or scalar expressions. */
type Template =
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Template])[] }
  | { readonly kind: 'array'; readonly items: readonly Template[] }
  | { readonly kind: 'aggregate'; readonly name: AggregateName; readonly argument: string }
  | { readonly kind: 'scalar'; readonly expression: string };

export class UnsupportedGroupBy extends Error {}

function isAggregateName(name: string): name is AggregateName {
  return name in AGGREGATE_TYPES;
}

function template(text: string): Template {
  const trimmed = text.trim();
  if (isEnclosed(trimmed, '{')) {
    const inner = trimmed.slice(1, -1).trim();
    const entries = inner === '' ? [] : splitTopLevel(inner, ',').map((entry): readonly [string, Template] => {
      const key = leadingString(entry);
      const value = key?.rest.trim();
      if (key === undefined || value === undefined || !value.startsWith(':')) throw new UnsupportedGroupBy(`cannot read the object literal entry ${entry}`);
      return [key.value, template(value.slice(1))];
    });
    return { kind: 'object', entries };
  }
  if (isEnclosed(trimmed, '[')) {
    const inner = trimmed.slice(1, -1).trim();
    return { kind: 'array', items: inner === '' ? [] : splitTopLevel(inner, ',').map(template) };
  }
  const call = AGGREGATE_CALL.exec(trimmed);
  const name = call?.[1]?.toUpperCase() ?? '';
  if (call !== null && isAggregateName(name) && isEnclosed(trimmed, '(', call[0].length - 1)) {
    return { kind: 'aggregate', name, argument: trimmed.slice(call[0].length, -1).trim() };
  }
  if (AGGREGATE_ANYWHERE.test(trimmed.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'))) {
    throw new UnsupportedGroupBy('Compositions of aggregates and other expressions are not allowed.');
  }
  return { kind: 'scalar', expression: trimmed };
}

interface SelectItem {
  readonly alias: string;
  readonly template: Template;
}

/** `expression [AS alias]`; without an alias, a property path names itself and anything else `$1`, `$2`… */
function selectItems(projection: string): SelectItem[] {
  let unnamed = 0;
  return splitTopLevel(projection, ',').map((item) => {
    const as = topLevelKeywords(item).filter((found) => found.keyword === 'AS').pop();
    if (as !== undefined) return { alias: item.slice(as.end).trim(), template: template(item.slice(0, as.start)) };
    const path = /^[A-Za-z_]\w*(?:\.([A-Za-z_]\w*))+$/.exec(item);
    unnamed += path === null ? 1 : 0;
    return { alias: path?.[1] ?? `$${String(unnamed)}`, template: template(item) };
  });
}

function rewrittenAggregate({ name, argument }: { readonly name: AggregateName; readonly argument: string }): string {
  switch (name) {
    case 'MIN':
    case 'MAX': {
      const lower = name.toLowerCase();
      return `{"item": ${name}(${argument}), "item2": {"${lower}": ${name}(${argument}), "count": COUNT(${argument})}}`;
    }
    case 'AVG':
      return `{"item": {"sum": SUM(${argument}), "count": COUNT(${argument})}}`;
    default:
      return `{"item": ${name}(${argument})}`;
  }
}

function rewrittenTemplate(item: Template, text: string): string {
  return item.kind === 'aggregate' ? rewrittenAggregate(item) : text;
}

function checkedClauses(sql: string): QueryClauses | undefined {
  const clauses = groupByClauses(sql);
  if (clauses !== undefined && clauses.unsupported.length > 0) throw new UnsupportedGroupBy(`the stand-in does not run GROUP BY with ${clauses.unsupported.join(', ')}`);
  return clauses;
}

const GROUPING_CACHE_SIZE = 500;
const grouping = new Map<string, boolean>();

/** True when `sql` groups: the stand-in answers its plan and its pages itself. Remembered per query text. */
export function isGroupByQuery(sql: string): boolean {
  let groups = grouping.get(sql);
  if (groups === undefined) {
    groups = groupByClauses(sql) !== undefined;
    if (grouping.size >= GROUPING_CACHE_SIZE) grouping.clear();
    grouping.set(sql, groups);
  }
  return groups;
}

/** The gateway's plan of a GROUP BY query (undefined for a query without GROUP BY). */
export function groupByQueryPlan(sql: string): unknown {
  const clauses = checkedClauses(sql);
  if (clauses === undefined) return undefined;
  if (clauses.selectValue) throw new UnsupportedGroupBy('the stand-in does not plan SELECT VALUE with GROUP BY');
  const projectionItems = splitTopLevel(clauses.projection, ',');
  const items = selectItems(clauses.projection);
  const payload = items.map((item, index) => {
    const text = projectionItems[index] ?? '';
    const as = topLevelKeywords(text).filter((found) => found.keyword === 'AS').pop();
    return `${JSON.stringify(item.alias)}: ${rewrittenTemplate(item.template, as === undefined ? text : text.slice(0, as.start).trim())}`;
  });
  const groupByItems = clauses.groupBy.map((expression) => `{"item": ${expression}}`);
  const rewrittenQuery = [`SELECT [${groupByItems.join(', ')}] AS groupByItems, {${payload.join(', ')}} AS payload`, clauses.from, clauses.where, `GROUP BY ${clauses.groupBy.join(', ')}`]
    .filter((part) => part !== '')
    .join(' ');
  return {
    ...PASS_THROUGH_QUERY_PLAN,
    queryInfo: {
      ...PASS_THROUGH_QUERY_PLAN.queryInfo,
      groupByExpressions: clauses.groupBy,
      groupByAliases: items.map((item) => item.alias),
      groupByAliasToAggregateType: Object.fromEntries(items.map((item) => [item.alias, item.template.kind === 'aggregate' ? AGGREGATE_TYPES[item.template.name] : null])),
      rewrittenQuery,
    },
  };
}

/** The expressions a template needs evaluated per document, each once. */
function collectExpressions(item: Template, into: string[]): void {
  if (item.kind === 'object') for (const [, value] of item.entries) collectExpressions(value, into);
  else if (item.kind === 'array') for (const element of item.items) collectExpressions(element, into);
  else {
    const expression = item.kind === 'aggregate' ? item.argument : item.expression;
    if (!into.includes(expression)) into.push(expression);
  }
}

type Row = Readonly<Record<string, unknown>>;

// The engine's SUM and AVG are typed for numbers but answer undefined for anything else, as Cosmos DB does.
const ENGINE_AGGREGATES: Readonly<Record<AggregateName, (values: unknown[]) => unknown>> = {
  COUNT: engineAggregates.COUNT,
  SUM: (values) => engineAggregates.SUM(values as number[]),
  AVG: (values) => engineAggregates.AVG(values as number[]),
  MIN: engineAggregates.MIN,
  MAX: engineAggregates.MAX,
};

function aggregate(name: AggregateName, values: unknown[]): unknown {
  return ENGINE_AGGREGATES[name](values);
}

/** A template's value for one group: aggregates over its rows, anything else as its first row has it. */
function evaluate(item: Template, rows: readonly Row[], field: (expression: string) => string): unknown {
  switch (item.kind) {
    case 'object': {
      const entries = item.entries.map(([key, value]) => [key, evaluate(value, rows, field)] as const).filter(([, value]) => value !== undefined);
      return Object.fromEntries(entries);
    }
    case 'array':
      return item.items.map((element) => evaluate(element, rows, field)).filter((value) => value !== undefined);
    case 'aggregate':
      return aggregate(item.name, rows.map((row) => row[field(item.argument)]));
    case 'scalar':
      return rows[0]?.[field(item.expression)];
  }
}

function groupKey(values: readonly unknown[]): string {
  return JSON.stringify(values.map((value) => (value === undefined ? { undefined: true } : { value })));
}

/**
 * What a GROUP BY query asks the engine for: one row per document passing the filter, with each
 * grouping expression and each expression of the projection computed (`g0…`, `e0…`).
 */
export interface GroupByEvaluation {
  readonly perDocumentQuery: string;
  /** One result row per group, in the order groups were first met. */
  groups(rows: readonly Row[]): unknown[];
}

export function groupByEvaluation(sql: string): GroupByEvaluation | undefined {
  const clauses = checkedClauses(sql);
  if (clauses === undefined) return undefined;
  const items = clauses.selectValue ? [{ alias: '', template: template(clauses.projection) }] : selectItems(clauses.projection);
  const expressions: string[] = [];
  for (const item of items) collectExpressions(item.template, expressions);
  const field = (expression: string) => `e${String(expressions.indexOf(expression))}`;
  const fields = [...clauses.groupBy.map((expression, index) => `"g${String(index)}": (${expression})`), ...expressions.map((expression, index) => `"e${String(index)}": (${expression})`)];
  const perDocumentQuery = [`SELECT VALUE {${fields.join(', ')}}`, clauses.from, clauses.where].filter((part) => part !== '').join(' ');
  return {
    perDocumentQuery,
    groups(rows) {
      const groups = new Map<string, Row[]>();
      for (const row of rows) {
        const key = groupKey(clauses.groupBy.map((_expression, index) => row[`g${String(index)}`]));
        const group = groups.get(key);
        if (group === undefined) groups.set(key, [row]);
        else group.push(row);
      }
      return [...groups.values()].map((members) => {
        if (clauses.selectValue) return evaluate(items[0]?.template ?? { kind: 'object', entries: [] }, members, field);
        const entries = items.map((item) => [item.alias, evaluate(item.template, members, field)] as const).filter(([, value]) => value !== undefined);
        return Object.fromEntries(entries);
      });
    },
  };
}
