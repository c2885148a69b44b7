jest.mock('@azure/functions-core', () => require('../durable/support/functions-core-mock').mockCoreApi, { virtual: true });

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { capturedFunctions } from '../durable/support/functions-core-mock';

const FUNCTIONS_DIR = join(__dirname, '..', '..', '..', 'functions');
const shipped = z
  .object({ orchestrations: z.array(z.string()), activities: z.array(z.string()), retired: z.array(z.object({ name: z.string(), retiredOn: z.string() })) })
  .parse(JSON.parse(readFileSync(join(__dirname, 'durable-names-shipped.json'), 'utf8')));

/** Every function module, loaded as the host loads the app, so a name moved to another file still counts. */
function registrations(): ReadonlyMap<string, string> {
  for (const file of readdirSync(FUNCTIONS_DIR).filter((name) => name.endsWith('.ts'))) {
    jest.requireActual(join(FUNCTIONS_DIR, file));
  }
  return new Map([...capturedFunctions().values()].map((fn) => [fn.name, fn.triggerType]));
}

describe('durable names a deployed build has registered', () => {
  const registered = registrations();
  const durableNames = (trigger: string) => [...registered].filter(([, type]) => type === trigger).map(([name]) => name);

  it('keeps every orchestrator an in-flight history may still run', () => {
    for (const name of shipped.orchestrations) expect([name, registered.get(name)]).toEqual([name, 'orchestrationTrigger']);
  });

  it('keeps every activity an in-flight history may still call', () => {
    for (const name of shipped.activities) expect([name, registered.get(name)]).toEqual([name, 'activityTrigger']);
  });

  it('lists every durable name this build registers, so the next build keeps it', () => {
    expect(durableNames('orchestrationTrigger').sort()).toEqual([...shipped.orchestrations].sort());
    expect(durableNames('activityTrigger').sort()).toEqual([...shipped.activities].sort());
    expect(durableNames('entityTrigger')).toEqual([]);
  });

  it('retires a name only after listing it as retired, never while it is still listed as shipped', () => {
    const live = new Set([...shipped.orchestrations, ...shipped.activities]);
    expect(shipped.retired.filter((entry) => live.has(entry.name))).toEqual([]);
  });
});
