import { BATON_NOTE_AUTHOR, vendorUpdateFor } from '../../../shared/vendor/vendor-observation';
import { evolve } from '../../../shared/domain/commands/evolve';
import { decide } from '../../../shared/domain/commands/decide';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import type { ServiceRequest } from '../../../shared/vendor/vendor-schemas';
import { context } from '../domain/support/ticket-fixtures';
import { minutesAfterT0, withVendorCase, workedTicket } from '../orchestration/support/lifecycle-tickets';

const ticket = withVendorCase(workedTicket());

function vendorCase(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  const at = minutesAfterT0(31);
  return {
    id: 'SR-1',
    title: '[BTN-2026-000042] Outbound mail stuck in queue for all users',
    description: 'Mail is stuck.',
    severity: 'critical',
    supportTopicId: 'exchange-online',
    organization: { id: 'contoso.onmicrosoft.com' },
    primaryContact: { firstName: 'Chloé', lastName: 'Dubois', email: 'chloe.dubois@css.example' },
    status: 'open',
    scope: null,
    notes: [],
    createdDate: at,
    lastModifiedDate: at,
    lastClosedDate: null,
    ...overrides,
  };
}

function present<Value>(value: Value | null): Value {
  if (value === null) throw new Error('expected a vendor update');
  return value;
}

function applied(current: Ticket, command: NonNullable<ReturnType<typeof vendorUpdateFor>>): Ticket {
  const decision = decide(current, command, minutesAfterT0(60), context);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.events.reduce(evolve, current);
}

describe('what a vendor case tells the ticket', () => {
  it('records a vendor engineer note with the case status, and nothing the second time', () => {
    const note = { text: 'We see throttling on the transport service.', createdByName: 'Vendor support engineer', createdDate: minutesAfterT0(50) };
    const update = vendorUpdateFor(ticket, vendorCase({ status: 'in-progress', notes: [note] }));
    expect(update).toMatchObject({ type: 'vendor-update', status: 'investigating', note: 'Vendor support engineer: We see throttling on the transport service.' });
    const after = applied(ticket, present(update));
    expect(vendorUpdateFor(after, vendorCase({ status: 'in-progress', notes: [note] }))).toBeNull();
  });

  it('carries the scope the vendor found, once', () => {
    const update = vendorUpdateFor(ticket, vendorCase({ scope: 'on-premises' }));
    expect(update).toMatchObject({ scope: 'on-premises', note: expect.stringContaining('on-premises') });
    expect(vendorUpdateFor(applied(ticket, present(update)), vendorCase({ scope: 'on-premises' }))).toBeNull();
  });

  it('ignores our own notes on the case and cases of other tickets', () => {
    const ours = { text: 'Any news?', createdByName: BATON_NOTE_AUTHOR, createdDate: minutesAfterT0(40) };
    expect(vendorUpdateFor(ticket, vendorCase({ notes: [ours] }))).toBeNull();
    expect(vendorUpdateFor(ticket, vendorCase({ id: 'SR-9', status: 'resolved' }))).toBeNull();
  });

  it('maps a resolved case to a solution provided', () => {
    expect(vendorUpdateFor(ticket, vendorCase({ status: 'resolved' }))).toMatchObject({ status: 'solution-provided' });
  });
});
