import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { resolveManifestPath } from '../../../../src/core/manifests/paths.js';
import { tempWorkspace, thrown } from './workspace.js';
import type { TempWorkspace } from './workspace.js';

describe('resolveManifestPath', () => {
  let ws: TempWorkspace;
  let outside: string;
  beforeAll(() => {
    ws = tempWorkspace();
    ws.write('deploy/td.json', '{}');
    outside = mkdtempSync(path.join(os.tmpdir(), 'manifests-outside-'));
    writeFileSync(path.join(outside, 'secret.json'), '{}');
    symlinkSync(path.join(outside, 'secret.json'), path.join(ws.dir, 'deploy/link-out.json'));
    symlinkSync(path.join(ws.dir, 'deploy/td.json'), path.join(ws.dir, 'link-in.json'));
    symlinkSync(outside, path.join(ws.dir, 'outdir'));
    mkdirSync(path.join(ws.dir, 'folder'));
  });
  afterAll(() => {
    ws.remove();
    rmSync(outside, { recursive: true, force: true });
  });

  it('resolves a relative path against the workspace', async () => {
    const real = await resolveManifestPath(ws.dir, 'deploy/td.json', 'task-definition');
    expect(real).toBe(realpathSync(path.join(ws.dir, 'deploy/td.json')));
  });

  it('accepts ./ and inner .. that stay inside, and an absolute path inside the workspace', async () => {
    const expected = realpathSync(path.join(ws.dir, 'deploy/td.json'));
    expect(await resolveManifestPath(ws.dir, './deploy/../deploy/td.json', 'task-definition')).toBe(expected);
    expect(await resolveManifestPath(ws.dir, path.join(ws.dir, 'deploy/td.json'), 'task-definition')).toBe(expected);
  });

  it('follows a symlink that stays inside the workspace', async () => {
    expect(await resolveManifestPath(ws.dir, 'link-in.json', 'task-definition')).toBe(
      realpathSync(path.join(ws.dir, 'deploy/td.json')),
    );
  });

  it('refuses a path that climbs out with ..', async () => {
    const userPath = `../${path.basename(outside)}/secret.json`;
    const e = await thrown(() => resolveManifestPath(ws.dir, userPath, 'task-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location).toEqual({ input: 'task-definition', file: userPath });
    expect((e as Error).message).toMatch(/leaves the workspace/);
  });

  it('refuses an absolute path elsewhere', async () => {
    const userPath = path.join(outside, 'secret.json');
    const e = await thrown(() => resolveManifestPath(ws.dir, userPath, 'service-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as Error).message).toContain("input 'service-definition'");
    expect((e as Error).message).toMatch(/leaves the workspace/);
  });

  it('refuses a symlink whose target is outside the workspace', async () => {
    const e = await thrown(() => resolveManifestPath(ws.dir, 'deploy/link-out.json', 'task-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location.file).toBe('deploy/link-out.json');
    expect((e as Error).message).toMatch(/symbolic link.*outside the workspace/);
  });

  it('refuses a file reached through a symlinked folder that points outside', async () => {
    const e = await thrown(() => resolveManifestPath(ws.dir, 'outdir/secret.json', 'task-definition'));
    expect((e as Error).message).toMatch(/outside the workspace/);
  });

  it('reports a missing file with the input and the path', async () => {
    const e = await thrown(() => resolveManifestPath(ws.dir, 'deploy/nope.yaml', 'scaling-policy'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location).toEqual({ input: 'scaling-policy', file: 'deploy/nope.yaml' });
    expect((e as Error).message).toMatch(/file not found/);
  });

  it('refuses a folder and an empty path', async () => {
    expect(((await thrown(() => resolveManifestPath(ws.dir, 'folder', 'task-definition'))) as Error).message).toMatch(
      /is not a file/,
    );
    const empty = await thrown(() => resolveManifestPath(ws.dir, '  ', 'task-definition'));
    expect((empty as ConfigurationError).location).toEqual({ input: 'task-definition' });
  });

  it('needs a workspace', async () => {
    const e = await thrown(() => resolveManifestPath('', 'td.json', 'task-definition'));
    expect((e as Error).message).toMatch(/GITHUB_WORKSPACE/);
  });
});
