/** The test fakes behave like what they stand in for, and complain when asked for what they were not given. */
import { describe, expect, it } from '@jest/globals';
import { Inputs } from '../../../src/core/inputs.js';
import { FakeTime, RecordingLogger, fakeInputs, fakeRuntime } from '../../helpers/fakes.js';

describe('RecordingLogger', () => {
  it('records lines with their group nesting, and closes groups on throw', async () => {
    const log = new RecordingLogger();
    log.info('start');
    await log.group('Deploy', async () => {
      log.info('registering');
      await log.group('Wait', async () => {
        log.warning('slow');
        expect(log.openGroups()).toEqual(['Deploy', 'Wait']);
      });
      await expect(log.group('Broken', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
      log.debug('after');
    });
    log.error('done');
    expect(log.lines()).toEqual([
      'start',
      '▼ Deploy',
      '  registering',
      '  ▼ Wait',
      '    [warning] slow',
      '  ▼ Broken',
      '  [debug] after',
      '[error] done',
    ]);
    expect(log.messages('warning')).toEqual(['slow']);
    expect(log.messages()).toEqual(['start', 'registering', 'slow', 'after', 'done']);
    expect(log.entries[4]?.groups).toEqual(['Deploy', 'Wait']);
  });
});

describe('FakeTime', () => {
  it('sleep advances the clock at once and records each sleep', async () => {
    const time = new FakeTime(0);
    const seen: number[] = [];
    time.onSleep = (_ms, now) => seen.push(now);
    await time.sleep(1_000);
    await time.sleep(250);
    expect(time.clock.now()).toBe(1_250);
    expect(time.sleeps).toEqual([1_000, 250]);
    expect(time.totalSlept()).toBe(1_250);
    expect(seen).toEqual([1_000, 1_250]);
  });
  it('sleep rejects with the reason of an aborted signal, without advancing', async () => {
    const time = new FakeTime(0);
    const c = new AbortController();
    c.abort(new Error('cancelled'));
    await expect(time.sleep(5_000, c.signal)).rejects.toThrow('cancelled');
    expect(time.clock.now()).toBe(0);
  });
  it('refuses to move the clock backwards', () => {
    expect(() => new FakeTime(0).clock.advance(-1)).toThrow(/negative/);
  });
});

describe('fakeInputs', () => {
  it('throws naming an input the test did not give', () => {
    const source = fakeInputs({ cluster: ' prod ' });
    expect(source('cluster')).toBe('prod');
    expect(() => source('service')).toThrow("fake inputs: input 'service' was read but the test did not give it");
  });
  it('with declared names, reads absent declared inputs as unset', () => {
    const source = fakeInputs({ cluster: 'prod' }, { declared: ['cluster', 'service'] });
    expect(source('service')).toBe('');
    expect(() => source('other')).toThrow(/'other'/);
    expect(new Inputs(source, ['cluster', 'service']).optional('service')).toBeUndefined();
  });
});

describe('fakeRuntime', () => {
  it('wires inputs, outputs, summary, time and cancellation', async () => {
    const f = fakeRuntime({ inputs: { cluster: 'prod' }, env: { AWS_REGION: 'eu-west-1' } });
    expect(f.rt.inputs('cluster')).toBe('prod');
    expect(f.rt.env['AWS_REGION']).toBe('eu-west-1');
    f.rt.outputs.set('serviceName', 'web');
    expect(f.sink.outputs.get('serviceName')).toBe('web');
    f.rt.outputs.mask('secret-value-123');
    await f.rt.summary.append('token secret-value-123');
    expect(f.summary).toEqual(['token ***']);
    await f.rt.sleep(10);
    expect(f.rt.clock.now()).toBe(f.time.clock.now());
    expect(f.time.sleeps).toEqual([10]);
    expect(f.rt.cancel.aborted).toBe(false);
    f.cancel('SIGINT');
    expect(f.rt.cancel.aborted).toBe(true);
    expect(f.rt.hardCancel.aborted).toBe(false);
    f.hardCancel('SIGTERM');
    expect(f.rt.hardCancel.reason).toBe('SIGTERM');
  });
});
