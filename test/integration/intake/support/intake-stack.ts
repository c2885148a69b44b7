/**
 * Baton on the whole offline stack for intake tests: HTTP in through the local host, tickets read
 * back from the Cosmos stand-in, emails from the email stand-in, orchestrations from the task hub
 * in Azurite. Requires the compiled app (`npm run build`), as the host loads dist/.
 */
import { TableClient } from '@azure/data-tables';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../../../infra/local/stack';
import { cosmosClientOptionsForStandIn } from '../../../../infra/local/services/cosmos-standin';
import type { StoredEmail } from '../../../../infra/local/services/email-schemas';
import { TicketSchema, type Ticket } from '../../../../shared/domain/ticket/ticket';
import { BATON_DATABASE, TICKETS_CONTAINER } from '../../../../shared/store/containers';

export interface IntakeStack {
  readonly stack: LocalStack;
  readonly ticketsUrl: string;
  post(body: string | Record<string, unknown>, options?: { readonly headers?: Record<string, string>; readonly form?: boolean }): Promise<Response>;
  ticketsOf(requesterEmail: string): Promise<Ticket[]>;
  mailTo(address: string): StoredEmail[];
  /** The orchestration's row in the task hub, if it exists. */
  orchestration(instanceId: string): Promise<Record<string, unknown> | undefined>;
  stop(): Promise<void>;
}

export { eventually } from '../../ticket-service/support/eventually';

/** Flattens a nested body into form fields the way the web form names them (requester.email …). */
export function formBody(body: Record<string, unknown>, prefix = ''): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null) {
      for (const [inner, innerValue] of formBody(value as Record<string, unknown>, name)) params.append(inner, innerValue);
    } else if (value === true) {
      params.append(name, 'on');
    } else if (value !== false && value !== undefined) {
      params.append(name, String(value));
    }
  }
  return params;
}

export async function startIntakeStack(options: LocalStackOptions = {}): Promise<IntakeStack> {
  const stack = await startLocalStack(options);
  const standIn = stack.services.cosmos;
  const email = stack.services.email;
  if (!standIn || !email) throw new Error('the intake tests need the Cosmos and email stand-ins');
  const cosmos = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
  const tickets = cosmos.database(BATON_DATABASE).container(TICKETS_CONTAINER);
  const ticketsUrl = `${stack.urls.host}/api/tickets`;
  const storage = stack.settings.AzureWebJobsStorage ?? '';
  const instances = TableClient.fromConnectionString(storage, `${stack.settings.BATON_TASK_HUB ?? ''}Instances`, { allowInsecureConnection: true });
  return {
    stack,
    ticketsUrl,
    post(body, postOptions = {}) {
      const text = typeof body === 'string' ? body : postOptions.form ? formBody(body).toString() : JSON.stringify(body);
      const contentType = postOptions.form ? 'application/x-www-form-urlencoded' : 'application/json';
      return fetch(ticketsUrl, { method: 'POST', headers: { 'content-type': contentType, ...postOptions.headers }, body: text, redirect: 'manual' });
    },
    async ticketsOf(requesterEmail) {
      const { resources } = await tickets.items
        .query<unknown>({ query: 'SELECT * FROM c WHERE c.requesterEmail = @email', parameters: [{ name: '@email', value: requesterEmail.toLowerCase() }] })
        .fetchAll();
      return resources.map((row) => TicketSchema.parse(row));
    },
    mailTo(address) {
      return email.messages({ to: address });
    },
    async orchestration(instanceId) {
      try {
        for await (const row of instances.listEntities<Record<string, unknown>>({ queryOptions: { filter: `InstanceId eq '${instanceId.replace(/'/g, "''")}'` } })) {
          return row;
        }
      } catch (error: unknown) {
        // The task hub's tables appear with the first orchestration.
        if ((error as { statusCode?: unknown }).statusCode !== 404) throw error;
      }
      return undefined;
    },
    async stop() {
      cosmos.dispose();
      await stack.stop();
    },
  };
}
