/**
 * Baton's whole offline stack for API tests, on a virtual clock that stands still (so no SLA
 * timer, shift change or watchdog moves a ticket under a test), plus what the tests need around
 * it: tickets seeded in a chosen state through the ticket service, staff tokens from the dev
 * issuer, and forged tokens (expired, wrong audience, foreign signature) signed locally.
 */
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { generateKeyPair, SignJWT } from 'jose';
import { loadOrCreateSigningKey } from '../../../../infra/local/identity/dev-signing-key';
import { cosmosClientOptionsForStandIn } from '../../../../infra/local/services/cosmos-standin';
import { startLocalStack, type LocalStack } from '../../../../infra/local/stack';
import { VENDOR_CALLBACK_SECRET_SETTING } from '../../../../shared/vendor/vendor-callback-secrets';
import { hashRequesterToken } from '../../../../shared/auth/requester-token';
import type { StaffRole } from '../../../../shared/auth/staff-token';
import { loadConfig } from '../../../../shared/config';
import type { Command } from '../../../../shared/domain/commands/commands';
import type { OrgConfig } from '../../../../shared/domain/org/org-config';
import type { EngineerRef } from '../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { newTicketNumber } from '../../../../shared/store/ticket-number-allocation';
import { createTicketServices, type TicketServices } from '../../../../shared/ticket-service/ticket-services';
import { applyCommands, assignedTicket, storyIntake } from '../../../unit/http-api/support/ticket-story';
import { ensureCompiled } from './compiled-app';

export const VENDOR_CALLBACK_SECRET = 'api-tests-vendor-callback-secret-0001';

/** A Tuesday afternoon in November: AMER and EMEA are both on shift. */
export const STACK_START = '2026-11-24T14:00:00.000Z';

export interface StaffIdentity {
  /** The token's `oid`: the sample roster's engineer id for engineers and team leads. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly StaffRole[];
}

export const STAFF = {
  assignedEngineer: { id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] },
  otherEngineer: { id: 'lukas-weber', name: 'Lukas Weber', email: 'lukas.weber@css.example', roles: ['engineer'] },
  teamLead: { id: 'grace-okafor', name: 'Grace Okafor', email: 'grace.okafor@css.example', roles: ['team-lead'] },
  tam: { id: 'tom-reyes', name: 'Tom Reyes', email: 'tom.reyes@css.example', roles: ['tam'] },
  admin: { id: 'desk-admin', name: 'Desk Admin', email: 'desk.admin@css.example', roles: ['admin'] },
  /** Another person's token that carries the assigned engineer's address: it must not act as her. */
  assignedEngineersEmail: { id: 'f3a1c2d4-lookalike', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] },
} as const satisfies Record<string, StaffIdentity>;

export type ForgedToken = 'expired' | 'wrong-audience' | 'wrong-issuer' | 'bad-signature' | 'no-role';

export interface SeededTicket {
  readonly ticket: Ticket;
  readonly token: string;
}

export interface ApiStack {
  readonly stack: LocalStack;
  /** The host's base URL; API routes start with `/api/`. */
  readonly baseUrl: string;
  readonly org: OrgConfig;
  seedTicket(options?: { readonly engineer?: EngineerRef; readonly then?: (ticket: Ticket) => readonly Command[]; readonly intakeOverrides?: Record<string, unknown> }): Promise<SeededTicket>;
  staffToken(identity: StaffIdentity): Promise<string>;
  forgedToken(kind: ForgedToken): Promise<string>;
  stop(): Promise<void>;
}

async function forge(stack: LocalStack, kind: ForgedToken): Promise<string> {
  const identity = stack.services.identity;
  if (identity === undefined) throw new Error('the stack runs without its dev issuer');
  const key = await loadOrCreateSigningKey(path.join(stack.dataDirectory, 'identity'));
  const nowSeconds = Math.floor(stack.now().getTime() / 1000);
  const signingKey = kind === 'bad-signature' ? (await generateKeyPair('RS256')).privateKey : key.privateKey;
  return new SignJWT({
    oid: 'forged-user',
    name: 'Mallory Example',
    email: 'mallory@css.example',
    roles: kind === 'no-role' ? ['reader'] : ['admin'],
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(kind === 'wrong-issuer' ? 'https://login.example.com/other-tenant/v2.0' : identity.issuer)
    .setAudience(kind === 'wrong-audience' ? 'api://some-other-app' : identity.audience)
    .setSubject('forged-user')
    .setIssuedAt(kind === 'expired' ? nowSeconds - 7200 : nowSeconds)
    .setExpirationTime(kind === 'expired' ? nowSeconds - 3600 : nowSeconds + 3600)
    .sign(signingKey);
}

export async function startApiStack(): Promise<ApiStack> {
  ensureCompiled();
  const stack = await startLocalStack({
    clock: { virtual: true, startAt: STACK_START },
    hostLogLevel: 'warn',
    // Configured, so that an unsigned callback is refused as such rather than as "not set up".
    settings: { [VENDOR_CALLBACK_SECRET_SETTING]: VENDOR_CALLBACK_SECRET },
  });
  const cosmos = stack.services.cosmos;
  if (cosmos === undefined) throw new Error('the stack runs without its Cosmos stand-in');
  const clientOptions = cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key);
  const client = new CosmosClient(clientOptions);
  let services: TicketServices;
  let org: OrgConfig;
  try {
    services = createTicketServices(loadConfig(stack.settings), { cosmosClient: client, clock: { now: () => stack.now() } });
    const load = await services.orgConfig();
    if (load.kind !== 'loaded') throw new Error(`the organisation configuration did not load: ${load.kind}`);
    org = load.config;
  } catch (error) {
    client.dispose();
    await stack.stop();
    throw error;
  }

  return {
    stack,
    baseUrl: stack.urls.host,
    org,
    async seedTicket(options = {}) {
      // The token intake would hand out: derived from the number under the stack's access secret.
      const ticketNumber = newTicketNumber(stack.now());
      const derived = await services.accessToken(ticketNumber);
      if (!derived.ok) throw new Error(`the access token of ${ticketNumber} cannot be derived: ${derived.reason}`);
      const { token } = derived;
      // Received an hour ago, so the SLA clocks have run a little by "now".
      const receivedAt = new Date(stack.now().getTime() - 3_600_000).toISOString();
      const assigned = assignedTicket({
        ticketNumber,
        accessTokenHash: hashRequesterToken(token),
        receivedAt,
        ...(options.engineer === undefined ? {} : { engineer: options.engineer }),
        ...(options.intakeOverrides === undefined ? {} : { intake: storyIntake(options.intakeOverrides) }),
      });
      const ticket = options.then === undefined ? assigned : applyCommands(assigned, options.then(assigned));
      const created = await services.repository.create(ticket, { org, now: stack.now().toISOString() });
      if (created.kind !== 'created') throw new Error(`seeding ${ticket.ticketNumber} failed: ${created.kind}`);
      return { ticket: created.ticket, token };
    },
    async staffToken(identity) {
      const issuer = stack.services.identity;
      if (issuer === undefined) throw new Error('the stack runs without its dev issuer');
      return issuer.mintToken({ id: identity.id, name: identity.name, email: identity.email, roles: [...identity.roles] });
    },
    forgedToken: (kind) => forge(stack, kind),
    async stop() {
      client.dispose();
      clientOptions.agent?.destroy();
      await stack.stop();
    },
  };
}
