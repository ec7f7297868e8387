import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionsCoreApi, createActionsRuntime, type CoreApi } from '../../../../src/core/io/actions-runtime.js';
import { parseOutputFile } from '../../../helpers/run-action.js';

/** A stand-in for @actions/core that records every call as a line. */
function recordingCore(inputs: Record<string, string> = {}): { core: CoreApi; calls: string[] } {
  const calls: string[] = [];
  const core: CoreApi = {
    getInput: (name) => inputs[name] ?? '',
    info: (m) => calls.push(`info ${m}`),
    warning: (m) => calls.push(`warning ${m}`),
    error: (m) => calls.push(`error ${m}`),
    debug: (m) => calls.push(`debug ${m}`),
    startGroup: (n) => calls.push(`group ${n}`),
    endGroup: () => calls.push('endgroup'),
    setOutput: (n, v) => calls.push(`output ${n}=${v}`),
    setSecret: (s) => calls.push(`secret ${s}`),
    setFailed: (m) => calls.push(`failed ${m}`),
    appendSummary: async (md) => {
      calls.push(`summary ${md}`);
    },
  };
  return { core, calls };
}

const signals = { cancel: new AbortController().signal, hardCancel: new AbortController().signal };

describe('createActionsRuntime with a recording core', () => {
  it('reads inputs, and takes the workspace from GITHUB_WORKSPACE, else the current directory', () => {
    const { core } = recordingCore({ cluster: 'prod' });
    const rt = createActionsRuntime(signals, { core, env: { GITHUB_WORKSPACE: '/home/runner/work/app' } });
    expect(rt.inputs('cluster')).toBe('prod');
    expect(rt.workspace).toBe('/home/runner/work/app');
    expect(createActionsRuntime(signals, { core, env: {}, cwd: '/somewhere' }).workspace).toBe('/somewhere');
    expect(rt.cancel).toBe(signals.cancel);
    expect(rt.hardCancel).toBe(signals.hardCancel);
  });

  it('opens one runner group per outer group and prints inner groups as lines (the runner cannot nest)', async () => {
    const { core, calls } = recordingCore();
    const rt = createActionsRuntime(signals, { core, env: {} });
    const result = await rt.log.group('Deploy', async () => {
      rt.log.info('registering');
      await rt.log.group('Wait', async () => rt.log.warning('slow'));
      return 42;
    });
    expect(result).toBe(42);
    expect(calls).toEqual(['group Deploy', 'info registering', 'info ▸ Wait', 'warning slow', 'endgroup']);
  });

  it('closes the group when the body throws', async () => {
    const { core, calls } = recordingCore();
    const rt = createActionsRuntime(signals, { core, env: {} });
    await expect(rt.log.group('Deploy', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await rt.log.group('Next', async () => rt.log.debug('d'));
    expect(calls).toEqual(['group Deploy', 'endgroup', 'group Next', 'debug d', 'endgroup']);
  });

  it('redacts secrets from log lines and the summary, and registers token-like ones with the runner', async () => {
    const { core, calls } = recordingCore();
    const rt = createActionsRuntime(signals, { core, env: { GITHUB_STEP_SUMMARY: '/tmp/x' } });
    rt.outputs.mask('hunter2-long-secret');
    rt.log.info('token is hunter2-long-secret');
    rt.log.error('key AKIAIOSFODNN7EXAMPLE leaked');
    await rt.summary.append('| secret | hunter2-long-secret |');
    expect(calls).toEqual([
      'secret hunter2-long-secret',
      'info token is ***',
      'secret AKIAIOSFODNN7EXAMPLE',
      'error key *** leaked',
      'summary | secret | *** |\n\n',
    ]);
  });

  it('skips the summary (with a debug line) when GITHUB_STEP_SUMMARY is not set', async () => {
    const { core, calls } = recordingCore();
    const rt = createActionsRuntime(signals, { core, env: {} });
    await rt.summary.append('## hello');
    expect(calls).toEqual(['debug GITHUB_STEP_SUMMARY is not set; job summary skipped']);
  });

  it('writes summaries one at a time, and a failed write does not block later ones', async () => {
    const { core, calls } = recordingCore();
    let fail = true;
    const slow: CoreApi = {
      ...core,
      appendSummary: async (md) => {
        await new Promise((r) => setImmediate(r));
        if (fail) {
          fail = false;
          throw new Error('disk full');
        }
        await core.appendSummary(md);
      },
    };
    const rt = createActionsRuntime(signals, { core: slow, env: { GITHUB_STEP_SUMMARY: '/tmp/x' } });
    const first = rt.summary.append('one');
    const second = rt.summary.append('two');
    await expect(first).rejects.toThrow('disk full');
    await second;
    expect(calls).toEqual(['summary two\n\n']);
  });
});

describe('actionsCoreApi (the real @actions/core)', () => {
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const vars = ['INPUT_TASK-DEFINITION', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actions-runtime-'));
    for (const v of vars) saved[v] = process.env[v];
  });
  afterEach(() => {
    for (const v of vars) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads INPUT_* (trimmed), writes GITHUB_OUTPUT and appends to GITHUB_STEP_SUMMARY', async () => {
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '# before\n');
    process.env['INPUT_TASK-DEFINITION'] = '  deploy/td.json \n';
    process.env['GITHUB_OUTPUT'] = outputFile;
    process.env['GITHUB_STEP_SUMMARY'] = summaryFile;
    const rt = createActionsRuntime(signals, { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(rt.inputs('task-definition')).toBe('deploy/td.json');
    expect(rt.inputs('cluster')).toBe('');
    rt.outputs.set('taskArns', ['a', 'b']);
    rt.outputs.set('note', 'line1\nline2');
    await rt.summary.append('## deployed');
    await rt.summary.append('| a | b |');
    expect(parseOutputFile(readFileSync(outputFile, 'utf8'))).toEqual({ taskArns: '["a","b"]', note: 'line1\nline2' });
    expect(readFileSync(summaryFile, 'utf8')).toBe('# before\n## deployed\n\n| a | b |\n\n');
    expect(typeof actionsCoreApi.setFailed).toBe('function');
  });
});
