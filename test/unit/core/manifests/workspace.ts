/** Temporary workspaces (under os.tmpdir()) holding manifest files, for the manifest tests. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestRoots } from '../../../../src/core/manifests/index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/manifests');

/** The text of a fixture under test/fixtures/manifests. */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export interface TempWorkspace {
  readonly dir: string;
  /** The workspace as the manifest loaders take it (no RUNNER_TEMP). */
  readonly roots: ManifestRoots;
  /** Writes `text` at `relative` (folders created) and returns the relative path. */
  write(relative: string, text: string): string;
  remove(): void;
}

/** A fresh directory under os.tmpdir(); also a sibling "outside" folder is easy to make from `dir`'s parent. */
export function tempWorkspace(prefix = 'manifests-ws-'): TempWorkspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    roots: { workspace: dir },
    write(relative, text) {
      const full = path.join(dir, relative);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      return relative;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` and returns what it threw (failing the test if it did not throw). */
export async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but none was thrown');
}
