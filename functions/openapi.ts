/** GET /api/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas. */
import { registerApiFunction } from '../shared/http-api/api-function';
import { openApiDocument } from '../shared/http-api/openapi-document';

registerApiFunction('openApiDocument', async () => ({
  status: 200,
  jsonBody: openApiDocument(),
  headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
}));
