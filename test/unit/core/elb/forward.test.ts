import { describe, expect, it } from '@jest/globals';
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ConfigurationError } from '../../../../src/core/errors.js';
import {
  forwardOf,
  mainTargetGroup,
  replaceTargetGroup,
  requireForward,
  routeTargetGroup,
  withTargetGroups,
} from '../../../../src/core/elb/index.js';
import { BLUE_TG, GREEN_TG, PROD_LISTENER, PROD_RULE, SPARE_TG, forwardTo, route } from './fixtures.js';

const weighted = (blue: number, green: number, stickiness?: { Enabled: boolean; DurationSeconds?: number }): Action => ({
  Type: 'forward',
  Order: 2,
  ForwardConfig: {
    TargetGroups: [
      { TargetGroupArn: BLUE_TG, Weight: blue },
      { TargetGroupArn: GREEN_TG, Weight: green },
    ],
    ...(stickiness ? { TargetGroupStickinessConfig: stickiness } : {}),
  },
});
const oidc: Action = {
  Type: 'authenticate-oidc',
  Order: 1,
  AuthenticateOidcConfig: { Issuer: 'https://idp.test', AuthorizationEndpoint: 'https://idp.test/a', TokenEndpoint: 'https://idp.test/t', UserInfoEndpoint: 'https://idp.test/u', ClientId: 'c' },
};

describe('forwardOf', () => {
  it('reads a TargetGroupArn alone as one group of weight 1', () => {
    expect(forwardOf([{ Type: 'forward', TargetGroupArn: BLUE_TG }])).toEqual({ index: 0, targetGroups: [{ arn: BLUE_TG, weight: 1 }], stickiness: undefined });
  });

  it('reads a ForwardConfig with its weights and stickiness, after other actions in Order', () => {
    expect(forwardOf([oidc, weighted(90, 10, { Enabled: true, DurationSeconds: 300 })])).toEqual({
      index: 1,
      targetGroups: [
        { arn: BLUE_TG, weight: 90 },
        { arn: GREEN_TG, weight: 10 },
      ],
      stickiness: { enabled: true, durationSeconds: 300 },
    });
    // As ELBv2 describes a single-group forward: both forms, stickiness off.
    expect(forwardOf([forwardTo(GREEN_TG)])).toEqual({ index: 0, targetGroups: [{ arn: GREEN_TG, weight: 1 }], stickiness: { enabled: false } });
    // A tuple without a weight weighs 1.
    expect(forwardOf([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: BLUE_TG }] } }])?.targetGroups).toEqual([{ arn: BLUE_TG, weight: 1 }]);
  });

  it('finds none in a list without forward action, and requireForward says where', () => {
    const fixed: Action[] = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }];
    expect(forwardOf(fixed)).toBeUndefined();
    const error = (() => {
      try {
        requireForward(fixed, 'the default rule of listener 80 of load balancer shop', { input: 'prod-listener' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      "input 'prod-listener': the default rule of listener 80 of load balancer shop has no forward action (its actions: fixed-response); it must forward to a target group",
    );
  });
});

describe('the target group of a route', () => {
  it('is the only group with a weight above 0', () => {
    expect(routeTargetGroup(route(PROD_LISTENER, PROD_RULE, [weighted(0, 1)], false))).toBe(GREEN_TG);
    expect(routeTargetGroup(route(PROD_LISTENER, PROD_RULE, [forwardTo(BLUE_TG)], true))).toBe(BLUE_TG);
  });

  it('is an error when traffic is split or goes nowhere', () => {
    const split = requireForward([weighted(50, 50)], 'rule X');
    expect(() => mainTargetGroup(split, 'rule X', { input: 'prod-listener-rule' })).toThrow(
      `input 'prod-listener-rule': rule X splits traffic between ${BLUE_TG} (weight 50), ${GREEN_TG} (weight 50); finish or undo that traffic shift first`,
    );
    expect(() => mainTargetGroup(requireForward([weighted(0, 0)], 'rule X'), 'rule X')).toThrow('rule X forwards to no target group with a weight above 0');
    expect(() => routeTargetGroup(route(PROD_LISTENER, PROD_RULE, [{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301' } }], false))).toThrow(
      `rule ${PROD_RULE} (priority 10) of listener 80 (HTTP) of load balancer shop has no forward action (its actions: redirect)`,
    );
  });
});

describe('rebuilding actions', () => {
  it('replaces one group by another at its weight, without duplicating the new one', () => {
    const groups = [
      { arn: BLUE_TG, weight: 1 },
      { arn: SPARE_TG, weight: 0 },
    ];
    expect(replaceTargetGroup(groups, BLUE_TG, GREEN_TG)).toEqual([
      { arn: GREEN_TG, weight: 1 },
      { arn: SPARE_TG, weight: 0 },
    ]);
    expect(replaceTargetGroup([...groups, { arn: GREEN_TG, weight: 0 }], BLUE_TG, GREEN_TG)).toEqual([
      { arn: GREEN_TG, weight: 1 },
      { arn: SPARE_TG, weight: 0 },
    ]);
  });

  it('forwards to one group with a plain TargetGroupArn when nothing else needs a ForwardConfig', () => {
    expect(withTargetGroups([forwardTo(BLUE_TG)], [{ arn: GREEN_TG, weight: 1 }])).toEqual([{ Type: 'forward', TargetGroupArn: GREEN_TG }]);
  });

  it('keeps order, stickiness and the other actions; an OIDC action keeps its stored secret', () => {
    const actions = [oidc, weighted(100, 0, { Enabled: true, DurationSeconds: 60 })];
    expect(
      withTargetGroups(actions, [
        { arn: BLUE_TG, weight: 90 },
        { arn: GREEN_TG, weight: 10 },
      ]),
    ).toEqual([
      { ...oidc, AuthenticateOidcConfig: { ...oidc.AuthenticateOidcConfig, UseExistingClientSecret: true } },
      {
        Type: 'forward',
        Order: 2,
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: BLUE_TG, Weight: 90 },
            { TargetGroupArn: GREEN_TG, Weight: 10 },
          ],
          TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 },
        },
      },
    ]);
    // Sticky with one group: still a ForwardConfig, so the stickiness survives.
    expect(withTargetGroups([weighted(1, 0, { Enabled: true, DurationSeconds: 60 })], [{ arn: GREEN_TG, weight: 1 }])[0]?.ForwardConfig).toEqual({
      TargetGroups: [{ TargetGroupArn: GREEN_TG, Weight: 1 }],
      TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 },
    });
  });
});
