import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SETTING } from '../../../shared/config/settings';

const HostJsonSchema = z.looseObject({
  version: z.literal('2.0'),
  functionTimeout: z.string().regex(/^\d\d:\d\d:\d\d$/),
  extensionBundle: z.object({ id: z.string(), version: z.string() }),
  extensions: z.looseObject({
    http: z.looseObject({ routePrefix: z.string().optional() }).optional(),
    durableTask: z.looseObject({
      hubName: z.string(),
      storageProvider: z.looseObject({ maxQueuePollingInterval: z.string(), partitionCount: z.number().int() }),
      tracing: z.looseObject({ traceInputsAndOutputs: z.boolean() }),
    }),
  }),
});

const hostJson = HostJsonSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../host.json'), 'utf8')));

function seconds(timeSpan: string): number {
  const [hours = 0, minutes = 0, secs = 0] = timeSpan.split(':').map(Number);
  return hours * 3600 + minutes * 60 + secs;
}

describe('host.json', () => {
  it('takes Durable Functions from the v4 extension bundle', () => {
    expect(hostJson.extensionBundle).toEqual({ id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' });
  });

  it('names the task hub from the per-environment app setting', () => {
    expect(hostJson.extensions.durableTask.hubName).toBe(`%${SETTING.taskHub}%`);
  });

  it('polls the Durable queues often enough that SLA timers fire within seconds of their due time', () => {
    expect(seconds(hostJson.extensions.durableTask.storageProvider.maxQueuePollingInterval)).toBeLessThanOrEqual(5);
  });

  it('keeps ticket contents (customer emails, descriptions) out of Durable tracing', () => {
    expect(hostJson.extensions.durableTask.tracing.traceInputsAndOutputs).toBe(false);
  });

  it('serves from the site root (API routes carry api/ themselves) with a bounded function timeout', () => {
    expect(hostJson.extensions.http?.routePrefix).toBe('');
    expect(seconds(hostJson.functionTimeout)).toBeGreaterThan(0);
    expect(seconds(hostJson.functionTimeout)).toBeLessThanOrEqual(30 * 60);
  });
});
