/** The workflow harness's expression language (test/helpers/workflow-harness/expressions.ts). */
import { describe, expect, it } from '@jest/globals';
import { condition, evaluate, evaluateValue, interpolate, type ExpressionContext } from '../../helpers/workflow-harness/expressions.js';

const ctx: ExpressionContext = {
  contexts: {
    inputs: { 'task-definition-arn': '', strategy: 'ecs-rolling', dry: true, count: 2 },
    steps: { deploy: { outputs: { taskDefinitionArn: 'arn:td/web:3' }, outcome: 'success' } },
    needs: { a: { result: 'success', outputs: { x: '1' } }, b: { result: 'failure', outputs: {} } },
    matrix: { region: 'eu-west-1' },
    env: { CLUSTER: 'prod' },
    github: { sha: 'abc', event: { inputs: { service: 'web' } } },
    secrets: { TOKEN: 's3cret' },
  },
};

describe('evaluate', () => {
  it('reads context paths with dashes, indexes and case-insensitive names; a missing property is null', () => {
    expect(evaluate('inputs.strategy', ctx)).toBe('ecs-rolling');
    expect(evaluate("steps.deploy.outputs['taskDefinitionArn']", ctx)).toBe('arn:td/web:3');
    expect(evaluate('STEPS.Deploy.Outputs.TASKDEFINITIONARN', ctx)).toBe('arn:td/web:3');
    expect(evaluate('inputs.task-definition-arn', ctx)).toBe('');
    expect(evaluate('needs.c.outputs.x', ctx)).toBeNull();
    expect(evaluate('github.event.inputs.service', ctx)).toBe('web');
    expect(() => evaluate('nope.x', ctx)).toThrow("unknown context 'nope'");
  });

  it('compares loosely as GitHub documents (strings without case, mixed types as numbers)', () => {
    expect(evaluate("inputs.strategy == 'ECS-ROLLING'", ctx)).toBe(true);
    expect(evaluate("inputs.count == '2'", ctx)).toBe(true);
    expect(evaluate('inputs.dry == 1', ctx)).toBe(true);
    expect(evaluate("null == ''", ctx)).toBe(false);
    expect(evaluate('inputs.count > 1 && inputs.count <= 2', ctx)).toBe(true);
    expect(evaluate("inputs.strategy != 'ecs-canary'", ctx)).toBe(true);
  });

  it('returns an operand from && and ||, and negates with !', () => {
    expect(evaluate("inputs.task-definition-arn || 'latest'", ctx)).toBe('latest');
    expect(evaluate("inputs.strategy && 'yes'", ctx)).toBe('yes');
    expect(evaluate('!inputs.task-definition-arn', ctx)).toBe(true);
    expect(evaluate("!(inputs.strategy == 'ecs-rolling')", ctx)).toBe(false);
  });

  it('has format, toJSON, fromJSON, contains, startsWith, endsWith, join and the object filter', () => {
    expect(evaluate("format('{0}/{1} {{x}}', env.CLUSTER, matrix.region)", ctx)).toBe('prod/eu-west-1 {x}');
    expect(evaluate("fromJSON('{\"a\":[1,2]}').a[1]", ctx)).toBe(2);
    expect(evaluate('toJSON(matrix)', ctx)).toBe('{\n  "region": "eu-west-1"\n}');
    expect(evaluate("contains(needs.*.result, 'failure')", ctx)).toBe(true);
    expect(evaluate("contains('Hello', 'ell')", ctx)).toBe(true);
    expect(evaluate("startsWith(matrix.region, 'EU-') && endsWith(matrix.region, '-1')", ctx)).toBe(true);
    expect(evaluate("join(needs.*.result, '+')", ctx)).toBe('success+failure');
  });

  it('refuses what it does not know instead of guessing', () => {
    expect(() => evaluate('hashFiles("x")', ctx)).toThrow();
    expect(() => evaluate("inputs.strategy == 'x", ctx)).toThrow('unterminated string');
    expect(() => evaluate('inputs.strategy ==', ctx)).toThrow('unexpected end');
  });
});

describe('interpolation and conditions', () => {
  it('keeps the type of a whole ${{ }} and turns embedded ones into text', () => {
    expect(evaluateValue("${{ fromJSON('[1,2]') }}", ctx)).toEqual([1, 2]);
    expect(interpolate('web:${{ github.sha }}-${{ inputs.dry }}', ctx)).toBe('web:abc-true');
    expect(evaluateValue({ a: ['${{ matrix.region }}'] }, ctx)).toEqual({ a: ['eu-west-1'] });
  });

  it('adds success() to a condition without a status function, as the runner does', () => {
    const failed: ExpressionContext = { ...ctx, status: { success: false, failure: true, cancelled: false } };
    expect(condition(undefined, ctx)).toBe(true);
    expect(condition(undefined, failed)).toBe(false);
    expect(condition("inputs.strategy == 'ecs-rolling'", failed)).toBe(false);
    expect(condition('${{ failure() }}', failed)).toBe(true);
    expect(condition('always()', failed)).toBe(true);
    expect(condition('failure() && needs.b.result == \'failure\'', failed)).toBe(true);
    expect(condition('cancelled()', failed)).toBe(false);
    expect(condition('failure()', ctx)).toBe(false);
  });
});
