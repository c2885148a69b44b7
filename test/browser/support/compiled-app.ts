/**
 * The local stack runs Baton from `dist/` (package.json `main`), so a browser test needs a build
 * at least as new as the app's sources.
 */
import path from 'node:path';
import { ensureCompiledSources, REPOSITORY_ROOT } from '../../support/compiled-build';

export { REPOSITORY_ROOT };

export function ensureAppCompiled(): void {
  ensureCompiledSources(['functions', 'shared', path.join('infra', 'local')]);
}
