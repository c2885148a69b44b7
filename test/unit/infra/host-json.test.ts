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

const rawHostJson: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../host.json'), 'utf8'));
const hostJson = HostJsonSchema.parse(rawHostJson);
const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

/** Every setting of the file as its dotted path and the value written the way the README writes it. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [leafPath, leafValue] of leaves(inner, prefix === '' ? key : `${prefix}.${key}`)) found.set(leafPath, leafValue);
    }
  } else {
    found.set(prefix, value === '' ? '""' : String(value));
  }
  return found;
}

/** The README's "Why host.json says what it says" section. */
function hostJsonSection(): string {
  const start = readme.indexOf('### Why host.json says what it says');
  const end = readme.indexOf('\n## ', start + 1);
  const next = readme.indexOf('\n### ', start + 1);
  return readme.slice(start, Math.min(...[end, next].filter((index) => index > start)));
}

/** `path` `value` pairs the README states, keyed by the path, for every path the file has. */
function readmeClaims(settings: ReadonlyMap<string, string>): Map<string, string> {
  const spans = [...hostJsonSection().matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
  const claims = new Map<string, string>();
  spans.forEach((span, index) => {
    if (settings.has(span)) claims.set(span, spans[index + 1] ?? '');
  });
  return claims;
}

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

  describe('as the README explains it', () => {
    const settings = leaves(rawHostJson);
    const claims = readmeClaims(settings);

    it('explains every setting the file sets', () => {
      const unexplained = [...settings.keys()].filter((setting) => !claims.has(setting));
      expect(unexplained).toEqual([]);
    });

    it('states the value the file gives each setting', () => {
      const differing = [...claims].filter(([setting, claimed]) => settings.get(setting) !== claimed);
      expect(differing).toEqual([]);
    });

    it('names no setting the file does not have', () => {
      const topLevel = new Set([...settings.keys()].map((setting) => setting.split('.')[0]));
      const named = [...hostJsonSection().matchAll(/`([A-Za-z]+(?:\.[A-Za-z]+)+)`/g)].map((match) => match[1] ?? '');
      const unknown = named.filter((span) => topLevel.has(span.split('.')[0]) && !settings.has(span));
      expect(unknown).toEqual([]);
    });
  });
});
