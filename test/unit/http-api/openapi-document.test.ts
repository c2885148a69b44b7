import { API_OPERATIONS } from '../../../shared/http-api/api-operations';
import { buildOpenApiDocument } from '../../../shared/http-api/openapi-document';
import { WebFormIntakeSchema } from '../../../shared/domain/intake/intake';
import { IdempotencyKeySchema } from '../../../shared/store/idempotency-record';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as { [key: string]: Json };

function child(node: Json | undefined, key: string): Json | undefined {
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
}

function refsIn(node: Json | undefined): string[] {
  if (node === null || node === undefined || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(refsIn);
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every operation of the catalogue, under its path and method', () => {
    for (const operation of API_OPERATIONS) {
      const described = child(child(document.paths, operation.path), operation.method.toLowerCase());
      expect(child(described, 'operationId')).toBe(operation.operationId);
      expect(child(child(described, 'responses'), String(operation.success.status))).toBeDefined();
      expect(child(child(described, 'responses'), '500')).toBeDefined();
    }
  });

  it('resolves every reference to a component it defines', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(child(child(document.components, section ?? ''), name ?? '')).toBeDefined();
    }
  });

  it("documents intake's body from the domain's own schema, for JSON and the web form", () => {
    const content = child(child(child(child(document.paths, '/api/tickets'), 'post'), 'requestBody'), 'content');
    const json = JSON.stringify(child(content, 'application/json'));
    for (const field of Object.keys(WebFormIntakeSchema.shape)) expect(json).toContain(`"${field}"`);
    expect(child(content, 'application/x-www-form-urlencoded')).toEqual(child(content, 'application/json'));
  });

  it('says which credential each operation takes', () => {
    const security = (path: string, method: string) => child(child(child(document.paths, path), method), 'security');
    expect(security('/api/tickets/{ticketNumber}', 'get')).toEqual([{ requesterBearer: [] }, { requesterLink: [] }]);
    expect(security('/api/staff/tickets/{ticketNumber}/commands', 'post')).toEqual([{ staffBearer: [] }]);
    expect(security('/api/tickets', 'post')).toEqual([]);
  });

  it('answers errors as problem+json', () => {
    const notFound = child(child(child(child(document.paths, '/api/tickets/{ticketNumber}'), 'get'), 'responses'), '404');
    expect(child(child(child(notFound, 'content'), 'application/problem+json'), 'schema')).toEqual({ $ref: '#/components/schemas/Problem' });
  });
  it.each(['/api/tickets', '/api/staff/tickets/{ticketNumber}/commands'])('publishes the Idempotency-Key bounds %s enforces: the longest key it documents is accepted, one more character is not', (path) => {
    const parameters = child(child(child(document.paths, path), 'post'), 'parameters');
    const header = Array.isArray(parameters) ? parameters.find((parameter) => child(parameter, 'name') === 'Idempotency-Key') : undefined;
    expect(child(header, 'in')).toBe('header');
    expect(child(header, 'required')).not.toBe(true);
    const schema = child(header, 'schema');
    const maxLength = child(schema, 'maxLength');
    const minLength = child(schema, 'minLength');
    if (typeof maxLength !== 'number' || typeof minLength !== 'number') throw new Error('the Idempotency-Key header has no length bounds');
    expect(IdempotencyKeySchema.safeParse('k'.repeat(maxLength)).success).toBe(true);
    expect(IdempotencyKeySchema.safeParse('k'.repeat(maxLength + 1)).success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('k'.repeat(minLength)).success).toBe(true);
    expect(IdempotencyKeySchema.safeParse('').success).toBe(false);
  });

  it('lists the 429 that intake answers when a client or requester sends too many tickets', () => {
    expect(child(child(child(child(document.paths, '/api/tickets'), 'post'), 'responses'), '429')).toBeDefined();
  });
});
