import { describe, expect, it } from '@jest/globals';
import { Outputs, toOutputText } from '../../../../src/core/io/outputs.js';
import { RecordingOutputSink } from '../../../helpers/fakes.js';

function outputs(): { o: Outputs; sink: RecordingOutputSink; calls: string[] } {
  const sink = new RecordingOutputSink();
  const calls: string[] = [];
  const o = new Outputs({
    setOutput: (n, v) => {
      calls.push(`output ${n}`);
      sink.setOutput(n, v);
    },
    setSecret: (s) => {
      calls.push(`secret ${s}`);
      sink.setSecret(s);
    },
  });
  return { o, sink, calls };
}

describe('Outputs', () => {
  it('writes strings as they are, numbers and booleans as text, objects and arrays as JSON', () => {
    const { o, sink } = outputs();
    o.set('taskDefinitionArn', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3');
    o.set('runningCount', 2);
    o.set('firstDeployment', false);
    o.set('taskArns', ['arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef']);
    o.set('exitCodes', { t1: { app: 0 } });
    expect(Object.fromEntries(sink.outputs)).toEqual({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      runningCount: '2',
      firstDeployment: 'false',
      taskArns: '["arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef"]',
      exitCodes: '{"t1":{"app":0}}',
    });
    expect(sink.secrets).toEqual([]);
  });

  it('lists outputs in the order first set; setting again replaces the value in place', () => {
    const { o } = outputs();
    o.set('serviceName', 'web');
    o.set('rolledBack', false);
    o.set('serviceName', 'api');
    expect(o.entries()).toEqual([
      ['serviceName', 'api'],
      ['rolledBack', 'false'],
    ]);
    expect(o.get('serviceName')).toBe('api');
    expect(o.get('missing')).toBeUndefined();
  });

  it('masks a token-like value before the output is written', () => {
    const { o, calls } = outputs();
    o.set('token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a');
    expect(calls).toEqual(['secret ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'output token']);
  });

  it('registers explicit secrets and redacts them (and token-like values) from text', () => {
    const { o, sink } = outputs();
    o.mask('delegate-token-value');
    expect(sink.secrets).toEqual(['delegate-token-value']);
    expect(o.redact('env DELEGATE_TOKEN=delegate-token-value, key AKIAIOSFODNN7EXAMPLE')).toBe(
      'env DELEGATE_TOKEN=***, key ***',
    );
  });

  it('refuses an invalid output name (a programming bug)', () => {
    const { o } = outputs();
    expect(() => o.set('bad name', 'x')).toThrow(/BUG: invalid output name/);
    expect(() => o.set('', 'x')).toThrow(/BUG/);
  });

  it('toOutputText', () => {
    expect(toOutputText('a')).toBe('a');
    expect(toOutputText(1.5)).toBe('1.5');
    expect(toOutputText(true)).toBe('true');
    expect(toOutputText([])).toBe('[]');
  });
});
