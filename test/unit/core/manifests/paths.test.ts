import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { isInside, resolveManifestPath, type ManifestRoots } from '../../../../src/core/manifests/paths.js';
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
    const real = await resolveManifestPath(ws.roots, 'deploy/td.json', 'task-definition');
    expect(real).toBe(realpathSync(path.join(ws.dir, 'deploy/td.json')));
  });

  it('accepts ./ and inner .. that stay inside, and an absolute path inside the workspace', async () => {
    const expected = realpathSync(path.join(ws.dir, 'deploy/td.json'));
    expect(await resolveManifestPath(ws.roots, './deploy/../deploy/td.json', 'task-definition')).toBe(expected);
    expect(await resolveManifestPath(ws.roots, path.join(ws.dir, 'deploy/td.json'), 'task-definition')).toBe(expected);
  });

  it('follows a symlink that stays inside the workspace', async () => {
    expect(await resolveManifestPath(ws.roots, 'link-in.json', 'task-definition')).toBe(
      realpathSync(path.join(ws.dir, 'deploy/td.json')),
    );
  });

  it('refuses a path that climbs out with ..', async () => {
    const userPath = `../${path.basename(outside)}/secret.json`;
    const e = await thrown(() => resolveManifestPath(ws.roots, userPath, 'task-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location).toEqual({ input: 'task-definition', file: userPath });
    expect((e as Error).message).toMatch(/leaves the workspace/);
  });

  it('refuses an absolute path elsewhere', async () => {
    const userPath = path.join(outside, 'secret.json');
    const e = await thrown(() => resolveManifestPath(ws.roots, userPath, 'service-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as Error).message).toContain("input 'service-definition'");
    expect((e as Error).message).toMatch(/leaves the workspace/);
  });

  it('refuses a symlink whose target is outside the workspace', async () => {
    const e = await thrown(() => resolveManifestPath(ws.roots, 'deploy/link-out.json', 'task-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location.file).toBe('deploy/link-out.json');
    expect((e as Error).message).toMatch(/symbolic link.*outside the workspace/);
  });

  it('refuses a file reached through a symlinked folder that points outside', async () => {
    const e = await thrown(() => resolveManifestPath(ws.roots, 'outdir/secret.json', 'task-definition'));
    expect((e as Error).message).toMatch(/outside the workspace/);
  });

  it('reports a missing file with the input and the path', async () => {
    const e = await thrown(() => resolveManifestPath(ws.roots, 'deploy/nope.yaml', 'scaling-policy'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location).toEqual({ input: 'scaling-policy', file: 'deploy/nope.yaml' });
    expect((e as Error).message).toMatch(/file not found/);
  });

  it('refuses a folder and an empty path', async () => {
    expect(((await thrown(() => resolveManifestPath(ws.roots, 'folder', 'task-definition'))) as Error).message).toMatch(
      /is not a file/,
    );
    const empty = await thrown(() => resolveManifestPath(ws.roots, '  ', 'task-definition'));
    expect((empty as ConfigurationError).location).toEqual({ input: 'task-definition' });
  });

  it('needs a workspace', async () => {
    const e = await thrown(() => resolveManifestPath({ workspace: '' }, 'td.json', 'task-definition'));
    expect((e as Error).message).toMatch(/GITHUB_WORKSPACE/);
  });
});

describe('isInside: by path segments, not by string prefix', () => {
  it('counts names that start with .. as inside, and a sibling sharing a prefix as outside', () => {
    expect(isInside('/ws', '/ws')).toBe(true);
    expect(isInside('/ws', '/ws/..td.json')).toBe(true);
    expect(isInside('/ws', '/ws/..cfg/td.json')).toBe(true);
    expect(isInside('/ws', '/ws/...')).toBe(true);
    expect(isInside('/ws', '/')).toBe(false);
    expect(isInside('/ws', '/other/td.json')).toBe(false);
    expect(isInside('/ws', '/ws-2/td.json')).toBe(false);
    expect(isInside('/ws', '/..td.json')).toBe(false);
  });
});

describe('resolveManifestPath: names starting with .., and RUNNER_TEMP (issue 10, defect 5)', () => {
  let ws: TempWorkspace;
  let runnerTemp: string;
  let elsewhere: string;
  beforeAll(() => {
    ws = tempWorkspace();
    ws.write('..td.json', '{}');
    ws.write('..cfg/td.json', '{}');
    runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
    writeFileSync(path.join(runnerTemp, 'task-definition-1a2b.json'), '{}');
    elsewhere = mkdtempSync(path.join(os.tmpdir(), 'manifests-elsewhere-'));
    writeFileSync(path.join(elsewhere, 'td.json'), '{}');
    symlinkSync(path.join(elsewhere, 'td.json'), path.join(runnerTemp, 'link-out.json'));
    symlinkSync(path.join(runnerTemp, 'task-definition-1a2b.json'), path.join(ws.dir, 'link-to-temp.json'));
  });
  afterAll(() => {
    ws.remove();
    rmSync(runnerTemp, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
  const inWs = (relative: string): string => realpathSync(path.join(ws.dir, relative));
  const inTemp = (name: string): string => realpathSync(path.join(runnerTemp, name));
  const withTemp = (): ManifestRoots => ({ workspace: ws.dir, runnerTemp });

  it('accepts ..td.json, ..cfg/td.json and a/../..td.json inside the workspace', async () => {
    expect(await resolveManifestPath(ws.roots, '..td.json', 'task-definition')).toBe(inWs('..td.json'));
    expect(await resolveManifestPath(ws.roots, '..cfg/td.json', 'task-definition')).toBe(inWs('..cfg/td.json'));
    expect(await resolveManifestPath(ws.roots, 'a/../..td.json', 'task-definition')).toBe(inWs('..td.json'));
    expect(await resolveManifestPath(ws.roots, './..cfg/../..td.json', 'task-definition')).toBe(inWs('..td.json'));
  });

  it('still refuses ../x, and ..cfg/../../x that climbs out', async () => {
    for (const userPath of [`../${path.basename(elsewhere)}/td.json`, `..cfg/../../${path.basename(elsewhere)}/td.json`, '..']) {
      const e = await thrown(() => resolveManifestPath(withTemp(), userPath, 'task-definition'));
      expect((e as ConfigurationError).location).toEqual({ input: 'task-definition', file: userPath });
      expect((e as Error).message).toMatch(/leaves the workspace/);
    }
  });

  it('accepts an absolute path inside the workspace, refuses one outside both the workspace and RUNNER_TEMP', async () => {
    expect(await resolveManifestPath(withTemp(), path.join(ws.dir, '..cfg/td.json'), 'task-definition')).toBe(inWs('..cfg/td.json'));
    const outside = path.join(elsewhere, 'td.json');
    const e = await thrown(() => resolveManifestPath(withTemp(), outside, 'service-definition'));
    expect((e as ConfigurationError).location).toEqual({ input: 'service-definition', file: outside });
    expect((e as Error).message).toMatch(/leaves the workspace .*; manifests must be inside it \(or under RUNNER_TEMP .*\)/);
  });

  it('accepts a file under RUNNER_TEMP, by absolute path or by a relative path that leads there', async () => {
    const file = path.join(runnerTemp, 'task-definition-1a2b.json');
    expect(await resolveManifestPath(withTemp(), file, 'task-definition')).toBe(inTemp('task-definition-1a2b.json'));
    const relative = path.relative(ws.dir, file);
    expect(relative.startsWith('..')).toBe(true);
    expect(await resolveManifestPath(withTemp(), relative, 'task-definition')).toBe(inTemp('task-definition-1a2b.json'));
  });

  it('refuses the RUNNER_TEMP file when RUNNER_TEMP is unset or empty', async () => {
    const file = path.join(runnerTemp, 'task-definition-1a2b.json');
    for (const roots of [ws.roots, { workspace: ws.dir, runnerTemp: '' }, { workspace: ws.dir, runnerTemp: undefined }]) {
      const e = await thrown(() => resolveManifestPath(roots, file, 'task-definition'));
      expect((e as Error).message).toMatch(/leaves the workspace .*; manifests must be inside it$/);
    }
  });

  it('follows symlinks between the two places, but not out of both', async () => {
    expect(await resolveManifestPath(withTemp(), 'link-to-temp.json', 'task-definition')).toBe(inTemp('task-definition-1a2b.json'));
    const e = await thrown(() => resolveManifestPath(withTemp(), path.join(runnerTemp, 'link-out.json'), 'task-definition'));
    expect((e as Error).message).toMatch(/symbolic link.*outside the workspace .* and outside RUNNER_TEMP/);
    const noTemp = await thrown(() => resolveManifestPath(ws.roots, 'link-to-temp.json', 'task-definition'));
    expect((noTemp as Error).message).toMatch(/symbolic link.*outside the workspace/);
  });
});
