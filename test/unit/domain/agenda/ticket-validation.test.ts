import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { descriptionClarity } from '../../../../shared/domain/intake/description-clarity';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { agendaCommands } from '../../../../shared/domain/agenda/agenda-commands';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import { validateTicket } from '../../../../shared/domain/agenda/validate-ticket';
import { validationAgenda } from '../../../../shared/domain/agenda/validation-agenda';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { applyAll, receivedTicket, T0 } from '../support/ticket-fixtures';
import { sampleOrg } from '../support/org-fixtures';

const org = sampleOrg();

/** What the agenda has the lifecycle do with a received ticket. */
function validationCommands(ticket: Ticket, now = T0) {
  return validationAgenda(ticket, org, now).due.flatMap(agendaCommands);
}

function chatTicket(fields: Record<string, unknown>): Ticket {
  const intake = IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken Ito', email: 'ken@fabrikam.com' }, description: 'Outlook broken', ...fields });
  return receiveTicket({ ticketNumber: 'BTN-2026-000200', intake, accessTokenHash: 'sha256:aabbccddeeff00112233', receivedAt: T0 }).ticket;
}

describe('ticket validation', () => {
  it('passes a complete, entitled web-form ticket and tells how to triage it', () => {
    const validation = validateTicket(receivedTicket(), org, T0);
    expect(validation).toEqual({ ok: true, contract: expect.objectContaining({ id: 'contoso-unified' }), plan: expect.objectContaining({ id: 'unified-enterprise' }) });
    expect(validationCommands(receivedTicket())).toEqual([
      { type: 'start-validation', actor: { role: 'system', id: 'baton' } },
      { type: 'triage', actor: { role: 'system', id: 'baton' }, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
    ]);
  });

  it('catches every gap of a chat ticket, each with its field', () => {
    const validation = validateTicket(chatTicket({}), org, T0);
    expect(validation.ok).toBe(false);
    const reasons = validation.ok ? [] : validation.reasons;
    expect(reasons.filter((reason) => reason.code === 'missing-field').map((reason) => reason.field).sort()).toEqual(
      ['businessImpact', 'company', 'productArea', 'requester.available24x7', 'requester.timeZone', 'scope', 'severity', 'tenantDomain', 'title'].sort(),
    );
    expect(reasons).toContainEqual({ code: 'malformed-field', field: 'description', message: 'The description must be at least 40 characters.' });
    expect(reasons.find((reason) => reason.field === 'tenantDomain')?.message).toBe('The onmicrosoft.com tenant domain is missing.');
  });

  it('flags malformed chat fields that the lenient channel let through', () => {
    const validation = validateTicket(chatTicket({ tenantDomain: 'fabrikam.com', productArea: 'Outlook', requester: { name: 'Ken Ito', email: 'ken@fabrikam.com', timeZone: 'Tokyo', available24x7: false } }), org, T0);
    const fields = validation.ok ? [] : validation.reasons.filter((reason) => reason.code === 'malformed-field').map((reason) => reason.field);
    expect(fields).toEqual(expect.arrayContaining(['tenantDomain', 'productArea', 'requester.timeZone']));
  });

  it('checks the tenant is registered to the contract, and the product area against catalogue and plan', () => {
    const unregistered = validateTicket(receivedTicket({ tenantDomain: 'contosolabs.onmicrosoft.com' }), org, T0);
    expect(unregistered.ok ? [] : unregistered.reasons).toEqual([expect.objectContaining({ code: 'tenant-domain-not-registered', field: 'tenantDomain' })]);
    const unknownArea = validateTicket(receivedTicket({ productArea: 'dynamics-365' }), org, T0);
    expect(unknownArea.ok ? [] : unknownArea.reasons).toEqual([expect.objectContaining({ code: 'product-area-unknown' })]);
  });

  it('does not serve a requester under the contract of the customer whose tenant and company they name', () => {
    const borrowed = receivedTicket({ requester: { name: 'Ken Ito', email: 'ken@fabrikam.com', timeZone: 'Asia/Tokyo', available24x7: true } });
    const validation = validateTicket(borrowed, org, T0);
    expect(validation.ok ? [] : validation.reasons.map((reason) => [reason.code, reason.field])).toEqual([
      ['tenant-domain-not-registered', 'tenantDomain'],
      ['company-not-on-contract', 'company'],
      ['severity-not-in-plan', 'severity'],
    ]);
    const rejected = applyAll(borrowed, validationCommands(borrowed));
    expect(rejected.status).toBe('rejected');
    expect(rejected.contractId).toBeUndefined();
    expect(rejected.tamEmail).toBeUndefined();
  });

  it('does not hold a malformed tenant or company against the contract as well: the form\'s reason says it', () => {
    const validation = validateTicket(chatTicket({ company: 'C', tenantDomain: 'contoso.com' }), org, T0);
    const reasons = validation.ok ? [] : validation.reasons;
    expect(reasons.filter((reason) => reason.field === 'company' || reason.field === 'tenantDomain').map((reason) => reason.code)).toEqual(['malformed-field', 'malformed-field']);
  });

  it('rejects a product area the plan does not cover', () => {
    const northwind = receivedTicket(
      { requester: { name: 'Lee Chen', email: 'lee@northwindtraders.com', timeZone: 'America/Chicago', available24x7: false }, company: 'Northwind Traders', tenantDomain: 'northwindtraders.onmicrosoft.com', severity: 'B', productArea: 'azure-compute' },
    );
    const validation = validateTicket(northwind, org, '2026-03-01T00:00:00.000Z');
    expect(validation.ok ? [] : validation.reasons).toEqual([expect.objectContaining({ code: 'product-area-not-covered', field: 'productArea' })]);
  });

  it('gives entitlement and information reasons together, not just the first', () => {
    const ticket = receivedTicket({
      requester: { name: 'Lee Chen', email: 'lee@northwindtraders.com', timeZone: 'America/Chicago', available24x7: true },
      company: 'Northwind Traders',
      tenantDomain: 'northwindtraders.onmicrosoft.com',
      severity: 'A',
      scope: 'on-premises',
      productArea: 'azure-networking',
      description: "It doesn't work!!! Please help, urgent, nothing works, it is not working at all. ASAP.",
    });
    const validation = validateTicket(ticket, org, T0);
    expect(validation.ok ? [] : validation.reasons.map((reason) => reason.code)).toEqual([
      'contract-not-active',
      'severity-not-in-plan',
      'on-premises-not-covered',
      'product-area-not-covered',
      'description-unclear',
    ]);
    const rejected = applyAll(ticket, validationCommands(ticket));
    expect(rejected.status).toBe('rejected');
    expect(rejected.timeline.at(-1)).toMatchObject({ type: 'ticket-rejected', visibility: 'customer' });
  });

  it('says which product area is unknown or outside the plan, and why a description is unclear, in words', () => {
    const unknownArea = validateTicket(receivedTicket({ productArea: 'dynamics-365' }), org, T0);
    expect(unknownArea.ok ? [] : unknownArea.reasons).toEqual([{ code: 'product-area-unknown', field: 'productArea', message: 'We do not support a product area called dynamics-365.' }]);
    const vague = "It doesn't work!!! Please help, urgent, nothing works, it is not working at all. ASAP.";
    const outsidePlan = validateTicket(
      receivedTicket({
        requester: { name: 'Olga Petrova', email: 'olga.petrova@outlook.com', timeZone: 'Europe/Berlin', available24x7: false },
        company: 'Wide World Importers',
        tenantDomain: 'wideworldimporters.onmicrosoft.com',
        severity: 'B',
        productArea: 'azure-networking',
        description: vague,
      }),
      org,
      T0,
    );
    const clarity = descriptionClarity(vague, org.lifecycle.clearDescriptionMinWords);
    if (clarity.clear) throw new Error('the description is vague');
    expect(outsidePlan.ok ? [] : outsidePlan.reasons).toEqual([
      { code: 'product-area-not-covered', field: 'productArea', message: 'The Modern Workplace plan does not cover azure-networking.' },
      { code: 'description-unclear', field: 'description', message: clarity.explanation },
    ]);
  });

  it('gives a field the form already refuses one reason only, not a second from the rules that read it', () => {
    const validation = validateTicket(chatTicket({ productArea: 'Outlook' }), org, T0);
    const reasons = validation.ok ? [] : validation.reasons;
    expect(reasons.filter((reason) => reason.field === 'productArea').map((reason) => reason.code)).toEqual(['malformed-field']);
    expect(reasons.filter((reason) => reason.field === 'description').map((reason) => reason.code)).toEqual(['malformed-field']);
    expect(reasons.map((reason) => reason.field)).not.toContain(undefined);
  });

  it('does not reject Severity A without 24x7 availability: it proposes B after triage', () => {
    const ticket = receivedTicket({ requester: { name: 'Aoife Byrne', email: 'aoife.byrne@contoso.com', timeZone: 'Europe/Dublin', available24x7: false } });
    const validation = validateTicket(ticket, org, T0);
    expect(validation).toMatchObject({ ok: true, severityProposal: { to: 'B' } });
    const after = applyAll(ticket, validationCommands(ticket));
    expect(after).toMatchObject({ status: 'triaged', severity: 'A', pendingDowngrade: { to: 'B', proposedBy: { role: 'system' } } });
  });

  it('is all a received ticket has on its agenda, due at once, and gone once the verdict is on record', () => {
    const ticket = receivedTicket();
    expect(ticketAgenda(ticket, org, T0)).toEqual({ due: [expect.objectContaining({ kind: 'validate', startsValidation: true, verdict: expect.objectContaining({ outcome: 'triaged' }) })] });
    const triaged = applyAll(ticket, validationCommands(ticket));
    expect(ticketAgenda(triaged, org, T0).due.map((item) => item.kind)).toEqual(['assign']);
  });

  it('rejects an entitled ticket no support queue takes, saying so', () => {
    const unrouted = { ...org, queues: org.queues.filter((queue) => !queue.productAreas.includes('exchange-online')) };
    const verdict = validationAgenda(receivedTicket(), unrouted, T0).due[0];
    expect(verdict).toMatchObject({ kind: 'validate', verdict: { outcome: 'rejected', reasons: [{ code: 'product-area-not-covered', field: 'productArea' }] } });
  });
});

describe('description clarity', () => {
  it.each([
    "It doesn't work",
    'Not working. Please help ASAP!!!',
    'Error. Urgent. See attached. Same as before, please fix it.',
    'Hi, it is broken again, thanks',
  ])('finds "%s" too vague', (description) => {
    expect(descriptionClarity(description, 8).clear).toBe(false);
  });

  it('accepts a description that says what fails, for whom and since when', () => {
    expect(descriptionClarity('Since 09:10 UTC outbound mail from all 400 users stays queued with 451 4.4.0 DNS query failed.', 8)).toEqual({ clear: true });
  });

  it('does not let vague phrases pad a description to length', () => {
    const padded = 'Outlook problem: it does not work, not working, still broken, error, issue, please help, urgent, ASAP, fix it';
    expect(descriptionClarity(padded, 8).clear).toBe(false);
    expect(descriptionClarity(padded, 1).clear).toBe(true);
  });
});
