/**
 * The plan the gateway gives for a query it runs as it is: no ORDER BY, TOP, aggregate or DISTINCT
 * for the client to apply. A GROUP BY plan (`cosmos-group-by.ts`) is this one with its grouping.
 */
export const PASS_THROUGH_QUERY_PLAN = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: 'None',
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: '',
    hasSelectValue: false,
    hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
} as const;
