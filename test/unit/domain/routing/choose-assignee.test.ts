import { type AssignmentRequest, chooseAssignee } from '../../../../shared/domain/routing/choose-assignee';
import { QueueSchema } from '../../../../shared/domain/routing/queue';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { followTheSun, withEvaOnCall } from '../roster/support/roster-fixtures';

const queue = QueueSchema.parse({ id: 'identity', name: 'Identity', productAreas: ['entra-id', 'exchange', 'intune'], severities: ['A', 'B'], leadEngineerId: 'erin', coverage: '24x7' });

// 10:00 UTC on a November Monday: only EMEA (eva, emil, erin) is on shift.
const emeaMorning = '2026-11-23T10:00:00.000Z';
// 16:30 UTC: EMEA and AMER overlap.
const overlap = '2026-11-23T16:30:00.000Z';

const assign = (overrides: Partial<AssignmentRequest>) =>
  chooseAssignee({ roster: followTheSun, queue, productArea: 'entra-id', at: emeaMorning, openTicketLoad: {}, ...overrides });

const assigneeId = (overrides: Partial<AssignmentRequest>): string | undefined => {
  const decision = assign(overrides);
  return decision.ok ? decision.engineer.id : undefined;
};

describe('choosing an assignee', () => {
  it('picks the on-shift engineer with the skill and the lowest load', () => {
    expect(assign({ openTicketLoad: { eva: 2, erin: 0 } })).toMatchObject({ ok: true, engineer: { id: 'erin' }, openTickets: 0 });
    expect(assigneeId({ openTicketLoad: { eva: 1 }, at: overlap })).toBe('ana');
  });

  it('never picks an engineer who is off shift', () => {
    expect(assigneeId({ openTicketLoad: { eva: 2 } })).not.toBe('ana');
    expect(['ana', 'bob', 'eva', 'erin']).toContain(assigneeId({ at: overlap }));
    expect(assigneeId({ at: '2026-11-23T02:00:00.000Z' })).toBe('ping');
  });

  it('never picks an engineer without the product area', () => {
    expect(assigneeId({ productArea: 'intune' })).toBe('eva');
    expect(assigneeId({ productArea: 'exchange', openTicketLoad: { eva: 2 } })).toBe('emil');
  });

  it('never picks an engineer at capacity', () => {
    expect(assigneeId({ openTicketLoad: { eva: 3, erin: 0 } })).toBe('erin');
    expect(assign({ openTicketLoad: { eva: 3, erin: 1 } })).toEqual({ ok: false, reason: 'all-at-capacity', escalateTo: 'erin' });
  });

  it('breaks ties deterministically: engineers before team leads, then by id', () => {
    expect(assigneeId({})).toBe('eva');
    expect(assigneeId({ productArea: 'exchange', at: overlap })).toBe('ana');
    expect(assigneeId({ at: overlap, excludeEngineerIds: ['eva'] })).toBe('ana');
  });

  it('gives the same answer whatever order the roster lists its engineers in', () => {
    const reversed = RosterSchema.parse({ ...followTheSun, engineers: [...followTheSun.engineers].reverse() });
    expect(assigneeId({ roster: reversed, productArea: 'exchange', at: overlap })).toBe('ana');
    expect(assigneeId({ roster: reversed, at: overlap, excludeEngineerIds: ['eva'] })).toBe('ana');
    expect(assigneeId({ roster: reversed })).toBe('eva');
  });

  it('skips excluded engineers, such as the one handing off', () => {
    expect(assigneeId({ excludeEngineerIds: ['eva'] })).toBe('erin');
    expect(assign({ excludeEngineerIds: ['ana', 'bob', 'eva', 'erin', 'ping'] })).toEqual({ ok: false, reason: 'all-skilled-excluded', escalateTo: 'erin' });
  });

  it('prefers the requested region when someone there qualifies', () => {
    expect(assigneeId({ at: overlap, preferRegion: 'EMEA', openTicketLoad: { eva: 2, erin: 0, ana: 0, bob: 0 } })).toBe('erin');
    expect(assigneeId({ preferRegion: 'APAC' })).toBe('eva');
  });

  it('says why nobody can take the ticket, for the caller to escalate to the queue lead', () => {
    // At 20:00 UTC only AMER works and has nobody for intune; at 02:00 APAC's intune engineer carries no tickets.
    expect(assign({ productArea: 'intune', at: '2026-11-23T20:00:00.000Z' })).toEqual({ ok: false, reason: 'no-skilled-engineer-on-shift', escalateTo: 'erin' });
    expect(assign({ productArea: 'intune', at: '2026-11-23T02:00:00.000Z' })).toEqual({ ok: false, reason: 'all-at-capacity', escalateTo: 'erin' });
    const noIntune = RosterSchema.parse({ ...followTheSun, engineers: followTheSun.engineers.filter((engineer) => !engineer.skills.includes('intune')) });
    expect(assign({ roster: noIntune, productArea: 'intune' })).toEqual({ ok: false, reason: 'no-skilled-engineer', escalateTo: 'erin' });
    expect(assign({ productArea: 'teams' })).toEqual({ ok: false, reason: 'product-area-outside-queue', escalateTo: 'erin' });
  });
});

describe('choosing an assignee among engineers on call', () => {
  // 17:30 UTC on a November Monday: AMER (ana, bob) is on shift; EMEA's shift is over, Eva is on call.
  const evening = '2026-11-23T17:30:00.000Z';
  const onCallAssign = (overrides: Partial<AssignmentRequest>) =>
    chooseAssignee({ roster: withEvaOnCall(followTheSun), queue, productArea: 'intune', at: evening, openTicketLoad: {}, ...overrides });
  const onCallAssigneeId = (overrides: Partial<AssignmentRequest>): string | undefined => {
    const decision = onCallAssign(overrides);
    return decision.ok ? decision.engineer.id : undefined;
  };

  it('lets someone on call take 24x7 work, and leaves business-hours work for the next shift', () => {
    expect(onCallAssign({ coverage: '24x7' })).toMatchObject({ ok: true, engineer: { id: 'eva' } });
    expect(onCallAssign({ coverage: 'business-hours' })).toEqual({ ok: false, reason: 'no-skilled-engineer-on-shift', escalateTo: 'erin' });
    expect(onCallAssign({})).toEqual({ ok: false, reason: 'no-skilled-engineer-on-shift', escalateTo: 'erin' });
  });

  it('calls on someone on call only when nobody on shift can take the ticket, whatever the loads', () => {
    expect(onCallAssigneeId({ productArea: 'entra-id', coverage: '24x7', openTicketLoad: { ana: 2, bob: 1 } })).toBe('bob');
    expect(onCallAssigneeId({ productArea: 'entra-id', coverage: '24x7', openTicketLoad: { ana: 3, bob: 2 } })).toBe('eva');
  });

  it('still keeps a ticket in the region it was handed to when someone there is on call', () => {
    expect(onCallAssigneeId({ productArea: 'entra-id', coverage: '24x7', preferRegion: 'EMEA' })).toBe('eva');
  });
});
