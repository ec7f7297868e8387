import { describe, expect, it } from '@jest/globals';
import { CancelledError, ConfigurationError } from '../../../src/core/errors.js';
import type { ActionRuntime } from '../../../src/core/io/runtime.js';
import { runAction, type CancelSignalName, type RunDeps, type SignalSource } from '../../../src/core/run.js';
import { fakeRuntime, type FakeRuntime } from '../../helpers/fakes.js';

class FakeSignals implements SignalSource {
  readonly handlers = new Map<CancelSignalName, Set<(s: CancelSignalName) => void>>();
  on(signal: CancelSignalName, handler: (s: CancelSignalName) => void): void {
    if (!this.handlers.has(signal)) this.handlers.set(signal, new Set());
    this.handlers.get(signal)?.add(handler);
  }
  off(signal: CancelSignalName, handler: (s: CancelSignalName) => void): void {
    this.handlers.get(signal)?.delete(handler);
  }
  emit(signal: CancelSignalName): void {
    for (const h of this.handlers.get(signal) ?? []) h(signal);
  }
  count(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }
}

interface Harness {
  deps: RunDeps;
  signals: FakeSignals;
  failed: string[];
  exitCodes: number[];
  fake(): FakeRuntime;
}

/** runAction deps around a fake runtime whose cancel signals are the ones runAction created. */
function harness(): Harness {
  const signals = new FakeSignals();
  const failed: string[] = [];
  const exitCodes: number[] = [];
  let built: FakeRuntime | undefined;
  const deps: RunDeps = {
    signals,
    setFailed: (m) => failed.push(m),
    setExitCode: (c) => exitCodes.push(c),
    createRuntime: (s) => {
      built = fakeRuntime();
      built.rt.cancel = s.cancel;
      built.rt.hardCancel = s.hardCancel;
      return built.rt;
    },
  };
  return {
    deps,
    signals,
    failed,
    exitCodes,
    fake: () => {
      if (built === undefined) throw new Error('runtime not built yet');
      return built;
    },
  };
}

describe('runAction', () => {
  it('runs main with the runtime and reports nothing on success', async () => {
    const h = harness();
    let seen: ActionRuntime | undefined;
    await runAction('ecs-rolling', async (rt) => {
      seen = rt;
      rt.outputs.set('serviceName', 'web');
    }, h.deps);
    expect(seen).toBe(h.fake().rt);
    expect(h.fake().sink.outputs.get('serviceName')).toBe('web');
    expect(h.failed).toEqual([]);
    expect(h.exitCodes).toEqual([]);
    expect(h.signals.count()).toBe(0);
  });

  it('fails with the located message of a ConfigurationError', async () => {
    const h = harness();
    await runAction('ecs-rolling', async () => {
      throw new ConfigurationError('a value is required', { input: 'cluster' });
    }, h.deps);
    expect(h.failed).toEqual(["input 'cluster': a value is required"]);
    expect(h.exitCodes).toEqual([1]);
    expect(h.fake().log.messages('debug')).toEqual([]);
  });

  it('fails with code, message and request id of an AWS SDK error, and logs its stack at debug level', async () => {
    const h = harness();
    const aws = Object.assign(new Error('Service not found.'), {
      name: 'ServiceNotFoundException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'req-123' },
    });
    await runAction('ecs-rolling', async () => Promise.reject(aws), h.deps);
    expect(h.failed).toEqual(['ServiceNotFoundException: Service not found. (HTTP 400, request id req-123)']);
    expect(h.exitCodes).toEqual([1]);
    expect(h.fake().log.messages('debug')[0]).toMatch(/^ecs-rolling failed: ServiceNotFoundException: Service not found\.\n\s+at /);
  });

  it.each([
    ['a string', 'plain failure', 'plain failure'],
    ['an object', { code: 42, why: 'odd' }, '{"code":42,"why":"odd"}'],
    ['undefined', undefined, 'undefined'],
    ['an empty string', '', 'The action failed with an empty error'],
  ])('fails with %s stringified', async (_what, thrown, message) => {
    const h = harness();
    await runAction('x', async () => Promise.reject(thrown as unknown as Error), h.deps);
    expect(h.failed).toEqual([message]);
    expect(h.exitCodes).toEqual([1]);
  });

  it('fails (without throwing) when building the runtime fails', async () => {
    const h = harness();
    h.deps.createRuntime = () => {
      throw new Error('cannot read GITHUB_OUTPUT');
    };
    await expect(runAction('x', async () => undefined, h.deps)).resolves.toBeUndefined();
    expect(h.failed).toEqual(['cannot read GITHUB_OUTPUT']);
    expect(h.exitCodes).toEqual([1]);
  });

  it('redacts secrets from the failure message', async () => {
    const h = harness();
    await runAction('x', async (rt) => {
      rt.outputs.mask('super-secret-token');
      throw new Error('login with super-secret-token failed');
    }, h.deps);
    expect(h.failed).toEqual(['login with *** failed']);
  });

  it('aborts cancel on the first signal and hardCancel on the second, then removes its handlers', async () => {
    const h = harness();
    const observed: string[] = [];
    await runAction('ecs-rolling', async (rt) => {
      rt.cancel.addEventListener('abort', () => observed.push(`cancel ${describeReason(rt.cancel.reason)}`));
      rt.hardCancel.addEventListener('abort', () => observed.push(`hard ${describeReason(rt.hardCancel.reason)}`));
      h.signals.emit('SIGINT');
      expect(rt.cancel.aborted).toBe(true);
      expect(rt.hardCancel.aborted).toBe(false);
      h.signals.emit('SIGTERM');
      h.signals.emit('SIGTERM');
      throw rt.cancel.reason;
    }, h.deps);
    expect(observed).toEqual(['cancel CancelledError SIGINT', 'hard CancelledError SIGTERM']);
    expect(h.failed).toEqual(['The workflow was cancelled (SIGINT received)']);
    expect(h.exitCodes).toEqual([1]);
    expect(h.fake().log.messages('warning')).toEqual([
      'ecs-rolling: SIGINT received, cancelling (a second signal also stops rollback waits)',
      'ecs-rolling: SIGTERM received while cancelling: stopping now',
    ]);
    expect(h.signals.count()).toBe(0);
  });

  it('reports the cancellation, not "Request aborted", when an aborted SDK call surfaces an AbortError', async () => {
    const h = harness();
    await runAction('x', async () => {
      h.signals.emit('SIGTERM');
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    }, h.deps);
    expect(h.failed).toEqual(['The workflow was cancelled (SIGTERM received)']);
  });

  it('keeps the real handler wiring of process by default (installs and removes listeners)', async () => {
    const before = process.listenerCount('SIGINT');
    let during = -1;
    const deps: RunDeps = { ...harness().deps };
    delete deps.signals;
    await runAction('x', async () => {
      during = process.listenerCount('SIGINT');
    }, deps);
    expect(during).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

function describeReason(e: unknown): string {
  return e instanceof CancelledError ? `${e.name} ${e.signal}` : String(e);
}
