/**
 * The host tests run compiled JavaScript (the host child process, the fixture apps); this names
 * the fixture apps and builds when the host's sources are newer than their build.
 */
import path from 'node:path';
import { ensureCompiledSources, REPOSITORY_ROOT } from '../../../support/compiled-build';

export { REPOSITORY_ROOT };
export const FIXTURE_APP = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'http-timer-app');
export const EXTENSION_FIXTURE_APP = path.join(FIXTURE_APP, 'extension-app');
export const DURABLE_FIXTURE_APP = path.join(FIXTURE_APP, 'durable-app');
export const WEBHOOK_FIXTURE_APP = path.join(FIXTURE_APP, 'webhook-app');
export const WORKER_FIXTURE_APP = path.join(FIXTURE_APP, 'worker-app');

export function ensureCompiled(): void {
  ensureCompiledSources([path.join('infra', 'local'), path.join('test', 'fixtures', 'http-timer-app'), path.join('shared', 'clock.ts')]);
}
