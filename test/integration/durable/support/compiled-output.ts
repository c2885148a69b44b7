/**
 * The durable tests load the fixture app from compiled JavaScript, as the host loads any app;
 * this builds when the emulator's or the fixture's sources are newer than their build.
 */
import path from 'node:path';
import { ensureCompiledSources, REPOSITORY_ROOT } from '../../../support/compiled-build';

export { REPOSITORY_ROOT };
export const DURABLE_APP = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'durable-app');

export function ensureCompiled(): void {
  ensureCompiledSources([path.join('infra', 'local'), path.join('test', 'fixtures', 'durable-app'), path.join('test', 'integration', 'durable', 'support')]);
}
