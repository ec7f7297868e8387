import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { CancelledError, ConfigurationError } from '../../../../src/core/errors.js';
import { pointRouteAt, RouteSwapError, swapRoutes } from '../../../../src/core/elb/index.js';
import {
  BLUE_TG,
  GREEN_TG,
  PROD_DEFAULT_RULE,
  PROD_LISTENER,
  SPARE_TG,
  STAGE_LISTENER,
  STAGE_RULE,
  awsError,
  forwardTo,
  route,
  rule,
} from './fixtures.js';
import { rejectionOf } from '../../../helpers/rejection.js';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const elb = new ElasticLoadBalancingV2Client({ region: 'us-east-1' });

const prodActions: Action[] = [forwardTo(BLUE_TG)];
const stageActions: Action[] = [forwardTo(GREEN_TG)];
const prod = route(PROD_LISTENER, PROD_DEFAULT_RULE, prodActions, true);
const stage = route(STAGE_LISTENER, STAGE_RULE, stageActions, false, 8080);

/** ELBv2 answers DescribeRules with the rules as they are live. */
function live(prodLive: Action[] = prodActions, stageLive: Action[] = stageActions): void {
  elbMock.on(DescribeRulesCommand).resolves({ Rules: [rule(PROD_DEFAULT_RULE, prodLive, true), rule(STAGE_RULE, stageLive)] });
}

/** Every command sent, in order, as `Name input`. */
function sent(): { name: string; input: unknown; options: unknown }[] {
  return elbMock.calls().map((c) => {
    const command = c.args[0] as { constructor: { name: string }; input: unknown };
    return { name: command.constructor.name.replace(/Command$/, ''), input: command.input, options: (c.args as unknown[])[1] };
  });
}

beforeEach(() => {
  elbMock.reset();
  elbMock.on(ModifyListenerCommand).resolves({});
  elbMock.on(ModifyRuleCommand).resolves({});
});

describe('swapRoutes', () => {
  it('reads both rules, then changes the default rule with ModifyListener and the other rule with ModifyRule', async () => {
    live();
    const calls: string[] = [];
    const [first, second] = await swapRoutes(elb, prod, stage, { onCall: (op) => calls.push(op) });
    expect(calls).toEqual(['DescribeRules', 'ModifyListener', 'ModifyRule']);
    expect(sent().map(({ name, input }) => ({ name, input }))).toEqual([
      { name: 'DescribeRules', input: { RuleArns: [PROD_DEFAULT_RULE, STAGE_RULE] } },
      { name: 'ModifyListener', input: { ListenerArn: PROD_LISTENER, DefaultActions: [{ Type: 'forward', TargetGroupArn: GREEN_TG }] } },
      { name: 'ModifyRule', input: { RuleArn: STAGE_RULE, Actions: [{ Type: 'forward', TargetGroupArn: BLUE_TG }] } },
    ]);
    expect(first.after).toEqual([{ arn: GREEN_TG, weight: 1 }]);
    expect(second.before).toEqual([{ arn: GREEN_TG, weight: 1 }]);
    expect(second.after).toEqual([{ arn: BLUE_TG, weight: 1 }]);
  });

  it('keeps stickiness and weight-0 groups of a weighted forward, and works from what is live, not from the route', async () => {
    const sticky: Action = {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: BLUE_TG, Weight: 1 },
          { TargetGroupArn: SPARE_TG, Weight: 0 },
        ],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 120 },
      },
    };
    live([sticky]);
    await swapRoutes(elb, prod, stage);
    expect(sent()[1]?.input).toEqual({
      ListenerArn: PROD_LISTENER,
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: GREEN_TG, Weight: 1 },
              { TargetGroupArn: SPARE_TG, Weight: 0 },
            ],
            TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 120 },
          },
        },
      ],
    });
  });

  it('puts the first change back when the second fails, and says so', async () => {
    live();
    elbMock.on(ModifyRuleCommand).rejects(awsError('ValidationError', 'injected'));
    const error = await rejectionOf(swapRoutes(elb, prod, stage));
    expect(error).toBeInstanceOf(RouteSwapError);
    const swap = error as RouteSwapError;
    expect(swap.failedChange).toBe('second');
    expect(swap.restored).toBe(true);
    expect(swap.message).toMatch(/the second change \(rule .+ of listener 8080 \(HTTP\) of load balancer shop\) failed: ValidationError: injected/);
    expect(swap.message).toContain('The first change was put back');
    expect(sent().map((c) => c.name)).toEqual(['DescribeRules', 'ModifyListener', 'ModifyRule', 'ModifyListener']);
    expect(sent()[3]?.input).toEqual({ ListenerArn: PROD_LISTENER, DefaultActions: [{ Type: 'forward', TargetGroupArn: BLUE_TG }] });
  });

  it('reports both errors when putting the first change back fails too', async () => {
    live();
    elbMock.on(ModifyRuleCommand).rejects(awsError('ValidationError', 'second broke'));
    elbMock.on(ModifyListenerCommand).resolvesOnce({}).rejects(awsError('AccessDenied', 'restore broke', 403));
    const swap = (await rejectionOf(swapRoutes(elb, prod, stage))) as RouteSwapError;
    expect(swap.restored).toBe(false);
    expect(swap.restoreErrors).toHaveLength(1);
    expect(swap.message).toContain('second broke');
    expect(swap.message).toContain('Putting the routes back failed too: AccessDenied: restore broke');
  });

  it('puts both back when the second change may have been applied (a 5xx or timeout after the retries)', async () => {
    live();
    elbMock.on(ModifyRuleCommand).rejectsOnce(awsError('InternalFailure', 'try later', 500)).resolves({});
    const swap = (await rejectionOf(swapRoutes(elb, prod, stage))) as RouteSwapError;
    expect(swap.restored).toBe(true);
    expect(sent().map((c) => `${c.name} ${JSON.stringify(c.input)}`).slice(3)).toEqual([
      `ModifyRule ${JSON.stringify({ RuleArn: STAGE_RULE, Actions: [{ Type: 'forward', TargetGroupArn: GREEN_TG }] })}`,
      `ModifyListener ${JSON.stringify({ ListenerArn: PROD_LISTENER, DefaultActions: [{ Type: 'forward', TargetGroupArn: BLUE_TG }] })}`,
    ]);
  });

  it('changes nothing more when the first change is refused', async () => {
    live();
    elbMock.on(ModifyListenerCommand).rejects(awsError('ValidationError', 'refused'));
    const swap = (await rejectionOf(swapRoutes(elb, prod, stage))) as RouteSwapError;
    expect(swap.failedChange).toBe('first');
    expect(swap.message).toContain('Nothing was changed.');
    expect(sent().map((c) => c.name)).toEqual(['DescribeRules', 'ModifyListener']);
  });

  it('honours a cancel only before the first change', async () => {
    live();
    const before = new AbortController();
    before.abort(new CancelledError('SIGINT'));
    expect(await rejectionOf(swapRoutes(elb, prod, stage, { signal: before.signal }))).toBeInstanceOf(CancelledError);
    expect(sent().filter((c) => c.name.startsWith('Modify'))).toHaveLength(0);

    elbMock.resetHistory();
    const during = new AbortController();
    elbMock.on(ModifyListenerCommand).callsFake(() => {
      during.abort(new CancelledError('SIGINT')); // the workflow is cancelled while the first change is on its way
      return {};
    });
    const changes = await swapRoutes(elb, prod, stage, { signal: during.signal });
    expect(changes).toHaveLength(2);
    const modifies = sent().filter((c) => c.name.startsWith('Modify'));
    expect(modifies.map((c) => c.name)).toEqual(['ModifyListener', 'ModifyRule']);
    // The changes are sent without the abort signal, so the SDK cannot cut them off either.
    expect(modifies.map((c) => c.options)).toEqual([undefined, undefined]);
    expect(sent()[0]?.options).toEqual({ abortSignal: during.signal });
  });

  it('refuses routes that forward to the same group, or one route twice, before any change', async () => {
    live(prodActions, prodActions);
    const same = await rejectionOf(swapRoutes(elb, prod, stage));
    expect(same).toBeInstanceOf(ConfigurationError);
    expect(same.message).toContain(`both forward to ${BLUE_TG}: there is nothing to swap`);
    expect((await rejectionOf(swapRoutes(elb, prod, prod))).message).toContain('with itself');
    expect(sent().filter((c) => c.name.startsWith('Modify'))).toHaveLength(0);
  });
});

describe('pointRouteAt', () => {
  it('sets weights on the live rule, and sends nothing when it already forwards that way', async () => {
    live();
    const shift = await pointRouteAt(elb, stage, [
      { arn: GREEN_TG, weight: 90 },
      { arn: BLUE_TG, weight: 10 },
    ]);
    expect(shift.changed).toBe(true);
    expect(sent()[1]).toMatchObject({
      name: 'ModifyRule',
      input: {
        RuleArn: STAGE_RULE,
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: GREEN_TG, Weight: 90 },
                { TargetGroupArn: BLUE_TG, Weight: 10 },
              ],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
      },
    });

    elbMock.resetHistory();
    const same = await pointRouteAt(elb, prod, [{ arn: BLUE_TG, weight: 100 }]);
    expect(same).toEqual({ changed: false, before: [{ arn: BLUE_TG, weight: 1 }], after: [{ arn: BLUE_TG, weight: 100 }] });
    expect(sent().map((c) => c.name)).toEqual(['DescribeRules']);
  });

  it('does not send a change once cancelled', async () => {
    live();
    const cancelled = new AbortController();
    cancelled.abort(new CancelledError('SIGTERM'));
    expect(await rejectionOf(pointRouteAt(elb, prod, [{ arn: GREEN_TG, weight: 1 }], { signal: cancelled.signal }))).toBeInstanceOf(CancelledError);
    expect(sent().filter((c) => c.name.startsWith('Modify'))).toHaveLength(0);
  });
});
