/** GET /api/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas. */
import { app } from '@azure/functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { openApiDocument } from '../shared/http-api/openapi-document';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';

const operation = apiOperation('openApiDocument');

app.http(operation.operationId, {
  route: functionRoute(operation.path),
  methods: [operation.method],
  authLevel: 'anonymous',
  handler: withProblemBoundary(async () => ({
    status: 200,
    jsonBody: openApiDocument(),
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  })),
});
