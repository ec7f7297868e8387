// Bundles every action found under actions/ into dist/<name>/index.js with @vercel/ncc.
// A new action is one new folder under actions/ plus its entry point src/actions/<name>/index.ts.
// Usage: node scripts/build.mjs [outDir]   (default: dist)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outRoot = resolve(root, process.argv[2] ?? 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const actions = readdirSync(join(root, 'actions'))
  .filter((name) => statSync(join(root, 'actions', name)).isDirectory())
  .sort();
if (actions.length === 0) throw new Error('no actions found under actions/');

rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });
for (const name of actions) {
  const entry = join(root, 'src', 'actions', name, 'index.ts');
  if (!existsSync(entry)) throw new Error(`actions/${name} has no entry point ${entry}`);
  const out = join(outRoot, name);
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  console.log(`built ${name} -> ${out}/index.js (${statSync(join(out, 'index.js')).size} bytes)`);
}
