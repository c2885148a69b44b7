/**
 * The API tests run Baton itself in the local host, which loads the compiled functions; this
 * builds when Baton's or the host's sources are newer than their build.
 */
import path from 'node:path';
import { ensureCompiledSources, REPOSITORY_ROOT } from '../../../support/compiled-build';

export { REPOSITORY_ROOT };

export function ensureCompiled(): void {
  ensureCompiledSources(['functions', 'shared', path.join('infra', 'local')]);
}
