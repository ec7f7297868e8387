/**
 * pointRoutesAt (B5): two routes pointed at given groups and weights as one unit — the last step of a gradual
 * shift (prod from a weighted forward to the new group alone, stage to the old one) — with swapRoutes' guarantees:
 * the rules read again first, a cancel honoured only before the first change, the first put back when the second
 * fails.
 */
import { beforeEach, expect, it } from '@jest/globals';
import { DescribeRulesCommand, ElasticLoadBalancingV2Client, ModifyListenerCommand, ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { CancelledError } from '../../../../src/core/errors.js';
import { pointRoutesAt, RouteSwapError } from '../../../../src/core/elb/index.js';
import { BLUE_TG, GREEN_TG, PROD_DEFAULT_RULE, PROD_LISTENER, STAGE_LISTENER, STAGE_RULE, awsError, forwardTo, route, rule } from './fixtures.js';
import { rejectionOf } from '../../../helpers/rejection.js';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const elb = new ElasticLoadBalancingV2Client({ region: 'us-east-1' });

const split: Action[] = [
  { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: BLUE_TG, Weight: 50 }, { TargetGroupArn: GREEN_TG, Weight: 50 }] } },
];
const prod = route(PROD_LISTENER, PROD_DEFAULT_RULE, split, true);
const stage = route(STAGE_LISTENER, STAGE_RULE, [forwardTo(GREEN_TG)], false, 8080);
const moves = [
  { route: prod, groups: [{ arn: GREEN_TG, weight: 1 }] },
  { route: stage, groups: [{ arn: BLUE_TG, weight: 1 }] },
] as const;

beforeEach(() => {
  elbMock.reset();
  elbMock.on(DescribeRulesCommand).resolves({ Rules: [rule(PROD_DEFAULT_RULE, split, true), rule(STAGE_RULE, [forwardTo(GREEN_TG)])] });
  elbMock.on(ModifyListenerCommand).resolves({});
});

it('moves a split prod route to the new group alone and the stage route to the old one', async () => {
  elbMock.on(ModifyRuleCommand).resolves({});
  const [p, s] = await pointRoutesAt(elb, moves[0], moves[1]);
  expect(p.before).toEqual([{ arn: BLUE_TG, weight: 50 }, { arn: GREEN_TG, weight: 50 }]);
  expect(p.after).toEqual([{ arn: GREEN_TG, weight: 1 }]);
  expect(s.after).toEqual([{ arn: BLUE_TG, weight: 1 }]);
  expect(elbMock.commandCalls(ModifyListenerCommand)[0]?.args[0].input.DefaultActions).toEqual([{ Type: 'forward', TargetGroupArn: GREEN_TG }]);
  expect(elbMock.commandCalls(ModifyRuleCommand)[0]?.args[0].input.Actions).toEqual([{ Type: 'forward', TargetGroupArn: BLUE_TG }]);
});

it('puts the prod route back to its weights when the stage change fails', async () => {
  elbMock.on(ModifyRuleCommand).rejects(awsError('ValidationError', 'refused'));
  const e = await rejectionOf(pointRoutesAt(elb, moves[0], moves[1]));
  expect(e).toBeInstanceOf(RouteSwapError);
  expect((e as RouteSwapError).restored).toBe(true);
  const sentToProd = elbMock.commandCalls(ModifyListenerCommand).map((c) => c.args[0].input.DefaultActions);
  expect(sentToProd).toHaveLength(2);
  expect(sentToProd[1]?.[0]?.ForwardConfig?.TargetGroups).toEqual([
    { TargetGroupArn: BLUE_TG, Weight: 50 },
    { TargetGroupArn: GREEN_TG, Weight: 50 },
  ]);
});

it('changes nothing when cancelled before the first change', async () => {
  const controller = new AbortController();
  controller.abort(new CancelledError('SIGINT'));
  await expect(pointRoutesAt(elb, moves[0], moves[1], { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  expect(elbMock.commandCalls(ModifyListenerCommand)).toHaveLength(0);
});
