/**
 * Paths of the repository, found from this file whether it runs compiled (.build/bench/lib) or from source.
 * (test/helpers/run-action.ts's `repoRoot` is two levels up from its own file, which is .build/ once compiled.)
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'actions'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${from}`);
    dir = up;
  }
}

export const repoRoot = findRoot(import.meta.dirname);
export const node24 = join(repoRoot, 'node_modules', 'node', 'bin', 'node');
/** The entry point the runner starts for an action (`runs.main`): dist/<action>/index.js, or dist/index.js for 'root'. */
export const bundlePath = (action: string): string => (action === 'root' ? join(repoRoot, 'dist', 'index.js') : join(repoRoot, 'dist', action, 'index.js'));
