import { type Queue, QueueSchema } from '../../../../shared/domain/routing/queue';
import { routeToQueue } from '../../../../shared/domain/routing/route-to-queue';

const queues: Queue[] = [
  QueueSchema.parse({ id: 'identity-critical', name: 'Identity critical', productAreas: ['entra-id'], severities: ['A'], leadEngineerId: 'erin', coverage: '24x7' }),
  QueueSchema.parse({ id: 'identity', name: 'Identity', productAreas: ['entra-id', 'intune'], severities: ['A', 'B', 'C'], leadEngineerId: 'erin', coverage: 'business-hours' }),
  QueueSchema.parse({ id: 'messaging', name: 'Messaging', productAreas: ['exchange'], severities: ['B', 'C'], leadEngineerId: 'emil', coverage: 'business-hours' }),
];

describe('routing to a queue', () => {
  it('routes by product area and severity', () => {
    expect(routeToQueue(queues, 'exchange', 'C')).toMatchObject({ ok: true, queue: { id: 'messaging' } });
    expect(routeToQueue(queues, 'intune', 'A')).toMatchObject({ ok: true, queue: { id: 'identity' } });
  });

  it('lets the first matching queue win, so a specific queue listed first takes precedence', () => {
    expect(routeToQueue(queues, 'entra-id', 'A')).toMatchObject({ ok: true, queue: { id: 'identity-critical' } });
    expect(routeToQueue(queues, 'entra-id', 'B')).toMatchObject({ ok: true, queue: { id: 'identity' } });
  });

  it('says so when no queue takes the ticket', () => {
    expect(routeToQueue(queues, 'exchange', 'A')).toEqual({ ok: false, reason: 'no-queue', productArea: 'exchange', severity: 'A' });
    expect(routeToQueue(queues, 'teams', 'C')).toEqual({ ok: false, reason: 'no-queue', productArea: 'teams', severity: 'C' });
  });

  it('rejects a queue without product areas or severities', () => {
    expect(QueueSchema.safeParse({ id: 'empty', name: 'Empty', productAreas: [], severities: ['A'], leadEngineerId: 'erin', coverage: '24x7' }).success).toBe(false);
    expect(QueueSchema.safeParse({ id: 'empty', name: 'Empty', productAreas: ['exchange'], severities: [], leadEngineerId: 'erin', coverage: '24x7' }).success).toBe(false);
  });
});
