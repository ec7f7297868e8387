// Bundles every action found under actions/ into dist/<name>/index.js with @vercel/ncc.
// A new action is one new folder under actions/ plus its entry point src/actions/<name>/index.ts.
// The sources are first compiled with tsc (ncc's own TypeScript loader treats a .ts entry with top-level await as
// CommonJS and fails), then each compiled entry is bundled.
// Usage: node scripts/build.mjs [outDir] [action...]   (default: dist, every action)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outRoot = resolve(root, process.argv[2] ?? 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const only = process.argv.slice(3);
const actions = readdirSync(join(root, 'actions'))
  .filter((name) => only.length === 0 || only.includes(name))
  .filter((name) => statSync(join(root, 'actions', name)).isDirectory())
  .sort();
if (actions.length === 0) throw new Error('no actions found under actions/');

// The compiled tree's path ends up in the bundles' module comments, so it is fixed; a lock keeps two builds
// (e.g. parallel test runs) from compiling into it at once.
const lock = join(root, '.build', 'build.lock');
acquireLock(lock);
process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
const compiled = join(root, '.build', 'dist-src');
rmSync(compiled, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.dist.json')], {
  cwd: root,
  stdio: 'inherit',
});

// A full build replaces the output folder; a build of named actions replaces only their folders.
if (only.length === 0) rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });
for (const name of actions) {
  rmSync(join(outRoot, name), { recursive: true, force: true });
  if (!existsSync(join(root, 'src', 'actions', name, 'index.ts'))) throw new Error(`actions/${name} has no entry point src/actions/${name}/index.ts`);
  const entry = join(compiled, 'src', 'actions', name, 'index.js');
  const out = join(outRoot, name);
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  console.log(`built ${name} -> ${out}/index.js (${statSync(join(out, 'index.js')).size} bytes)`);
}

function acquireLock(dir) {
  mkdirSync(join(dir, '..'), { recursive: true });
  const until = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // the owner has not written its pid yet
      }
      if (Number.isInteger(owner) && !isAlive(owner)) rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`another build holds ${dir}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
