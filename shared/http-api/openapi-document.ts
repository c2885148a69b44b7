/**
 * The OpenAPI 3.1 document of Baton's API, generated with zod-openapi from the operation catalogue
 * and the same zod schemas the handlers parse with. Built once per process: it never changes
 * while the app runs.
 */
import { createDocument, type ZodOpenApiObject, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '../http-edge/problem';
import { MULTIPART_MEDIA_TYPE } from '../http-edge/multipart-body';
import { FORM_MEDIA_TYPE, JSON_MEDIA_TYPE } from '../http-edge/request-body';
import { VENDOR_SIGNATURE_HEADER } from '../vendor/vendor-callback-signature';
import type { ApiCredential, ApiOperation } from './api-operation';
import { API_OPERATIONS } from './api-operations';

type OpenApiDocument = ReturnType<typeof createDocument>;

const ProblemDocumentSchema = ProblemSchema.meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid fields (each listed in `errors`) or an unreadable body.',
  401: 'No valid credential.',
  403: 'Authenticated, but not allowed: no Baton role, or the role matrix refuses the command.',
  404: 'No such ticket (or contract), or not one the credential opens.',
  409: 'The ticket is not in a state that allows this.',
  413: 'The body is too large.',
  415: 'The body is neither JSON nor a web form (or, for files, not multipart/form-data).',
  422: 'A rule refuses the request as asked (for files: each refused file named in `errors`, the others attached).',
  429: 'Too many requests from this client or for this requester; retry after `Retry-After` seconds. Nothing was recorded.',
  500: 'Something went wrong on our side; quote the correlation id.',
  503: 'Temporarily unavailable; retry after `Retry-After` seconds. Nothing was changed.',
};

const SECURITY: Readonly<Record<ApiCredential, Array<Record<string, string[]>>>> = {
  requester: [{ requesterBearer: [] }, { requesterLink: [] }],
  staff: [{ staffBearer: [] }],
  'vendor-signature': [{ vendorSignature: [] }],
  none: [],
};

function problemResponse(status: number) {
  return {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'A problem.',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemDocumentSchema } },
  };
}

function openApiOperation(operation: ApiOperation): ZodOpenApiOperationObject {
  const body = operation.body;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    security: SECURITY[operation.credential],
    requestParams: {
      ...(operation.pathParameters === undefined ? {} : { path: operation.pathParameters }),
      ...(operation.query === undefined ? {} : { query: operation.query }),
      ...(operation.headers === undefined ? {} : { header: operation.headers }),
    },
    ...(body === undefined
      ? {}
      : {
          requestBody: {
            required: body.required,
            content:
              body.multipart === true
                ? { [MULTIPART_MEDIA_TYPE]: { schema: body.schema } }
                : {
                    [JSON_MEDIA_TYPE]: { schema: body.schema },
                    ...(body.formToo ? { [FORM_MEDIA_TYPE]: { schema: body.schema } } : {}),
                  },
          },
        }),
    responses: {
      [String(operation.success.status)]: {
        description: operation.success.description,
        content: { [operation.success.mediaType ?? JSON_MEDIA_TYPE]: { schema: operation.success.schema } },
      },
      ...Object.fromEntries([...new Set([...operation.problems, 500])].sort((a, b) => a - b).map((status) => [String(status), problemResponse(status)])),
    },
  };
}

function openApiPaths(operations: readonly ApiOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (operation.method === 'GET') item.get = openApiOperation(operation);
    else item.post = openApiOperation(operation);
  }
  return paths;
}

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): OpenApiDocument {
  const definition: ZodOpenApiObject = {
    openapi: '3.1.0',
    info: {
      title: 'Baton support-ticket API',
      version: '1.0.0',
      description:
        'Requesters open tickets and act on them with the per-ticket access token from their intake answer and emails; ' +
        'staff act with a bearer JWT from the organisation\'s identity provider. Every error is RFC 9457 problem+json.',
    },
    tags: [
      { name: 'intake', description: 'Opening a ticket.' },
      { name: 'chat', description: 'The guided chat: a ticket opened one question at a time (the requester site\'s panel, or a Teams or web-chat front end). No sign-in; the conversation id is its key.' },
      { name: 'requester', description: 'The requester on their own ticket.' },
      { name: 'staff', description: 'Engineers, team leads, TAMs and admins.' },
      { name: 'vendor', description: 'The upstream (L3) vendor reporting on escalated cases.' },
      { name: 'meta', description: 'About the API itself.' },
    ],
    components: {
      securitySchemes: {
        requesterBearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The ticket\'s access token, from the intake answer or an email link.',
        },
        requesterLink: { type: 'apiKey', in: 'query', name: 'access', description: 'The same access token, as email links carry it.' },
        staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff access token (Entra ID; the dev issuer locally).' },
        vendorSignature: { type: 'apiKey', in: 'header', name: VENDOR_SIGNATURE_HEADER, description: 'HMAC-SHA256 signature of the timestamped body with the shared callback secret.' },
      },
    },
    paths: openApiPaths(operations),
  };
  return createDocument(definition);
}

let processDocument: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  processDocument ??= buildOpenApiDocument();
  return processDocument;
}
