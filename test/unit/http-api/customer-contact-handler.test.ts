import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { exportJWK, generateKeyPair, createLocalJWKSet, SignJWT, type JWTVerifyGetKey } from 'jose';
import { customerContactHandler, type CustomerContactPort } from '../../../shared/http-api/customer-contact-handler';
import { CustomerContactsViewSchema } from '../../../shared/http-api/customer-contact-operation';
import { issueRequesterToken } from '../../../shared/auth/requester-token';
import type { StaffTokenPolicy } from '../../../shared/auth/staff-token';
import { fixedClock } from '../../../shared/clock';
import { registerContact } from '../../../shared/domain/org/contact-registration';
import type { Contract } from '../../../shared/domain/org/contract';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import type { CustomerContactRequest } from '../../../shared/org-config/register-customer-contact';

const NOW = '2026-11-24T14:00:00.000Z';

/** The store in memory: the domain decides, as the real adapter has it decide on the stored document. */
function inMemoryPort(): { port: () => CustomerContactPort; contracts: () => readonly Contract[]; calls: CustomerContactRequest[] } {
  let contracts: readonly Contract[] = OrgConfigSchema.parse(sampleOrgConfig).contracts;
  const calls: CustomerContactRequest[] = [];
  return {
    calls,
    contracts: () => contracts,
    port: () => ({
      registerCustomerContact: async (request) => {
        calls.push(request);
        const decision = registerContact(contracts, request);
        if (decision.kind === 'registered') contracts = decision.contracts;
        return decision.kind === 'registered' ? { kind: 'registered', contract: decision.contract } : decision;
      },
    }),
  };
}

function request(contractId: string, init: { token?: string; body?: string; contentType?: string } = {}): HttpRequest {
  return new HttpRequest({
    url: `http://localhost/api/staff/contracts/${contractId}/contacts`,
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }) },
    params: { contractId },
    ...(init.body === undefined ? {} : { body: { string: init.body } }),
  });
}

function context(): InvocationContext {
  return new InvocationContext({ invocationId: 'test', functionName: 'registerCustomerContact', logHandler: () => undefined });
}

function problem(answer: HttpResponseInit) {
  expect(answer.headers).toMatchObject({ 'Content-Type': 'application/problem+json' });
  return ProblemSchema.parse(answer.jsonBody);
}

function contactsView(answer: HttpResponseInit) {
  return CustomerContactsViewSchema.parse(answer.jsonBody);
}

describe('registering a customer contact over the staff API', () => {
  let policy: StaffTokenPolicy;
  let tokenFor: (roles: string[]) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const keys: JWTVerifyGetKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
    policy = { issuer: 'https://issuer.test', audience: 'api://baton', keys, clock: fixedClock(new Date(NOW)) };
    const nowSeconds = Date.parse(NOW) / 1000;
    tokenFor = (roles) =>
      new SignJWT({ oid: 'grace-oid', name: 'Grace Okafor', email: 'grace.okafor@css.example', roles })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('https://issuer.test')
        .setAudience('api://baton')
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + 600)
        .sign(privateKey);
  });

  const handlerWith = (store: ReturnType<typeof inMemoryPort>) => customerContactHandler({ port: store.port, tokenPolicy: () => policy });

  it('lets a team lead register a contact, once, and says who did it', async () => {
    const store = inMemoryPort();
    const body = JSON.stringify({ email: 'Ines.Duarte@Lisbon-IT.example' });
    const first = await handlerWith(store)(request('contoso-unified', { token: await tokenFor(['team-lead']), body }), context());
    expect(first.status).toBe(200);
    expect(contactsView(first)).toMatchObject({ contractId: 'contoso-unified', registered: true, contacts: ['noah.kim@adatum.com', 'ines.duarte@lisbon-it.example'] });
    const again = await handlerWith(store)(request('contoso-unified', { token: await tokenFor(['admin']), body }), context());
    expect(contactsView(again)).toMatchObject({ registered: false, contacts: ['noah.kim@adatum.com', 'ines.duarte@lisbon-it.example'] });
    expect(store.calls[0]).toMatchObject({ contractId: 'contoso-unified', email: 'ines.duarte@lisbon-it.example', registrar: { id: 'grace-oid', name: 'Grace Okafor' } });
  });

  it.each([[['engineer']], [['tam']], [['engineer', 'tam']]])('refuses staff with roles %j before reading anything else (403)', async (roles) => {
    const store = inMemoryPort();
    const answer = await handlerWith(store)(request('no-such-contract', { token: await tokenFor(roles), body: '{"email":' }), context());
    expect(problem(answer)).toMatchObject({ status: 403, detail: 'Only a team lead or an admin can register a customer contact.' });
    expect(store.calls).toEqual([]);
  });

  it('asks a requester, or anyone without a staff token, to authenticate (401)', async () => {
    const store = inMemoryPort();
    const body = JSON.stringify({ email: 'ines.duarte@lisbon-it.example' });
    expect((await handlerWith(store)(request('contoso-unified', { token: issueRequesterToken().token, body }), context())).status).toBe(401);
    expect((await handlerWith(store)(request('contoso-unified', { body }), context())).status).toBe(401);
    expect(store.calls).toEqual([]);
  });

  it('answers bad input with field errors and changes nothing (400)', async () => {
    const store = inMemoryPort();
    const token = await tokenFor(['team-lead']);
    const notAnAddress = problem(await handlerWith(store)(request('contoso-unified', { token, body: JSON.stringify({ email: 'lisbon-it.example' }) }), context()));
    expect(notAnAddress).toMatchObject({ status: 400, errors: [{ field: 'email', message: 'must be an email address' }] });
    const extraField = problem(await handlerWith(store)(request('contoso-unified', { token, body: JSON.stringify({ email: 'a@b.example', role: 'admin' }) }), context()));
    expect(extraField.errors).toEqual([{ field: 'role', message: 'is not an accepted field' }]);
    expect(problem(await handlerWith(store)(request('contoso-unified', { token, body: '{"email":' }), context())).status).toBe(400);
    expect(problem(await handlerWith(store)(request('contoso-unified', { token, body: 'email=a@b.example', contentType: 'text/plain' }), context())).status).toBe(415);
    expect(store.calls).toEqual([]);
    expect(store.contracts()).toEqual(OrgConfigSchema.parse(sampleOrgConfig).contracts);
  });

  it('answers 404 for a contract that does not exist or cannot be one', async () => {
    const store = inMemoryPort();
    const token = await tokenFor(['admin']);
    const body = JSON.stringify({ email: 'ines.duarte@lisbon-it.example' });
    expect(problem(await handlerWith(store)(request('tailspin-gold', { token, body }), context()))).toMatchObject({ status: 404, detail: "There is no contract 'tailspin-gold'." });
    expect(problem(await handlerWith(store)(request('Not A Slug', { token, body }), context())).status).toBe(404);
  });

  it('answers 503 with Retry-After when the store is unavailable or contended, never a 500', async () => {
    const token = await tokenFor(['admin']);
    const body = JSON.stringify({ email: 'ines.duarte@lisbon-it.example' });
    const unavailable = customerContactHandler({ port: () => ({ registerCustomerContact: async () => ({ kind: 'failed', failure: { kind: 'unavailable', retryAfterSeconds: 7, reason: 'store answered 503' } }) }), tokenPolicy: () => policy });
    const contended = customerContactHandler({ port: () => ({ registerCustomerContact: async () => ({ kind: 'contended' }) }), tokenPolicy: () => policy });
    for (const handler of [unavailable, contended]) {
      const answer = await handler(request('contoso-unified', { token, body }), context());
      expect(problem(answer).status).toBe(503);
      expect(answer.headers).toHaveProperty('Retry-After');
    }
  });
});
