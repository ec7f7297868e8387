// Fails when the committed dist/ (or the root action.yml generated with it) differs from a fresh build (CI's dist check).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fresh = mkdtempSync(join(tmpdir(), 'dist-check-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), fresh], { cwd: root, stdio: 'inherit' });
  const list = (dir) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort();
  const committed = list(join(root, 'dist'));
  const built = list(fresh);
  const problems = [];
  for (const f of new Set([...committed, ...built])) {
    if (!committed.includes(f)) problems.push(`missing from dist/: ${f}`);
    else if (!built.includes(f)) problems.push(`stale file in dist/: ${f}`);
    else if (!readFileSync(join(root, 'dist', f)).equals(readFileSync(join(fresh, f)))) problems.push(`differs: dist/${f}`);
  }
  const rootAction = execFileSync(process.execPath, [join(root, 'scripts', 'root-action.mjs'), '--print'], { cwd: root, encoding: 'utf8' });
  if (readFileSync(join(root, 'action.yml'), 'utf8') !== rootAction) problems.push('differs: action.yml (generated from actions/*/action.yml)');
  if (problems.length > 0) {
    console.error(`dist/ is not what the sources build (run npm run build and commit dist/):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches a fresh build (${committed.length} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
