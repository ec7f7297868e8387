/**
 * Target health over simulated time (ELB User Guide, "Health checks for your target groups"; API reference,
 * TargetHealth reason codes): initial → healthy after HealthyThresholdCount × interval, initial → unhealthy after
 * UnhealthyThresholdCount × interval, draining for the deregistration delay, `unused` when no load balancer uses
 * the group. Driven through the API handlers and through the ElbBackend ECS uses.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ElbBackend, ServiceModule, World } from '../../../src/emulator/contracts.js';
import { createElbv2Module } from '../../../src/emulator/elbv2/index.js';
import { ManualSimClock } from '../../helpers/emulator/manual-sim-clock.js';
import { asQueryParams, awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let clock: ManualSimClock;
let elb: ServiceModule;
let backend: ElbBackend;
let world: World;
let lbArn: string;
let tgArn: string;
const call = (op: string, params: object = {}): Json => invoke<Json>(elb, world, op, asQueryParams(params) as object);

/** HTTP target group (ip targets, port 80): interval 10 s, healthy after 3 checks, unhealthy after 2. */
function setUp(attach: boolean): void {
  clock = new ManualSimClock();
  world = fakeWorld({ clock });
  const created = createElbv2Module({ clock, region: 'us-east-1', accountId: '123456789012' });
  elb = created.module;
  backend = created.backend;
  lbArn = call('CreateLoadBalancer', { Name: 'web', Subnets: ['a', 'b'] })['LoadBalancers'][0]['LoadBalancerArn'];
  tgArn = call('CreateTargetGroup', {
    Name: 'blue',
    Protocol: 'HTTP',
    Port: 80,
    VpcId: 'vpc-1',
    TargetType: 'ip',
    HealthCheckIntervalSeconds: 10,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 3,
    UnhealthyThresholdCount: 2,
  })['TargetGroups'][0]['TargetGroupArn'];
  call('ModifyTargetGroupAttributes', { TargetGroupArn: tgArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
  if (attach) attachListener();
}

function attachListener(): void {
  call('CreateListener', { LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }] });
}

const health = (targets?: { Id: string; Port?: number }[]): Json[] =>
  call('DescribeTargetHealth', targets ? { TargetGroupArn: tgArn, Targets: targets } : { TargetGroupArn: tgArn })['TargetHealthDescriptions'];
const stateOf = (id: string, port = 80): Json | undefined =>
  health().find((d) => d['Target']['Id'] === id && d['Target']['Port'] === port)?.['TargetHealth'];

describe('targets registered through the API', () => {
  beforeEach(() => setUp(true));

  it('go initial (registration, then initial checks) and become healthy after HealthyThresholdCount × interval', () => {
    call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1' }] });
    const [first] = health();
    expect(first).toMatchObject({
      Target: { Id: '10.0.0.1', Port: 80, AvailabilityZone: 'us-east-1a' },
      HealthCheckPort: '80',
      TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
    });
    clock.advanceSeconds(10);
    expect(stateOf('10.0.0.1')).toEqual({ State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' });
    clock.advanceSeconds(19.999);
    expect(stateOf('10.0.0.1')?.['State']).toBe('initial');
    clock.advance(1);
    expect(stateOf('10.0.0.1')).toEqual({ State: 'healthy' });
  });

  it('drain for the deregistration delay after DeregisterTargets, then disappear', () => {
    call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1' }, { Id: '10.0.0.2' }] });
    clock.advanceSeconds(30);
    call('DeregisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1' }] });
    expect(stateOf('10.0.0.1')).toEqual({ State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' });
    expect(stateOf('10.0.0.2')).toEqual({ State: 'healthy' });
    clock.advanceSeconds(29);
    expect(stateOf('10.0.0.1')?.['State']).toBe('draining');
    clock.advanceSeconds(1);
    expect(health().map((d) => d['Target']['Id'])).toEqual(['10.0.0.2']);
  });

  it('answer unused / Target.NotRegistered for an asked-for target that is not registered', () => {
    expect(health([{ Id: '10.9.9.9', Port: 8080 }])).toEqual([
      expect.objectContaining({
        Target: { Id: '10.9.9.9', Port: 8080 },
        TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' },
      }),
    ]);
  });

  it('reject targets that are not IP addresses in an ip target group, and unknown target groups', () => {
    expect(awsError(() => call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: 'i-0123456789abcdef0' }] })).code).toBe('ValidationError');
    expect(awsError(() => call('DescribeTargetHealth', { TargetGroupArn: `${tgArn}0` })).code).toBe('TargetGroupNotFound');
  });
});

describe('a target group no load balancer uses', () => {
  beforeEach(() => setUp(false));

  it('reports unused / Target.NotInUse, and health checks start when a listener forwards to it', () => {
    call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1' }] });
    clock.advanceSeconds(600);
    expect(stateOf('10.0.0.1')).toEqual({
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    });
    attachListener();
    expect(stateOf('10.0.0.1')?.['Reason']).toBe('Elb.RegistrationInProgress');
    clock.advanceSeconds(30);
    expect(stateOf('10.0.0.1')?.['State']).toBe('healthy');
  });

  it('removes deregistered targets at once (nothing to drain)', () => {
    call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1' }] });
    call('DeregisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1' }] });
    expect(health()).toEqual([]);
  });
});

describe('the ElbBackend used by ECS', () => {
  beforeEach(() => setUp(true));

  it('describes the target group with its health check timing and load balancers', () => {
    expect(backend.getTargetGroup(tgArn)).toEqual({
      arn: tgArn,
      name: 'blue',
      port: 80,
      protocol: 'HTTP',
      targetType: 'ip',
      loadBalancerArns: [lbArn],
      healthCheckIntervalSeconds: 10,
      healthyThresholdCount: 3,
      unhealthyThresholdCount: 2,
    });
    expect(backend.getTargetGroup(`${tgArn}0`)).toBeUndefined();
  });

  it('a failing target turns unhealthy after UnhealthyThresholdCount × interval (Target.FailedHealthChecks)', () => {
    backend.registerTarget(tgArn, { id: '10.0.0.7', port: 8080 }, false);
    expect(backend.targetHealth(tgArn, { id: '10.0.0.7', port: 8080 })).toBe('initial');
    clock.advanceSeconds(19);
    expect(backend.targetHealth(tgArn, { id: '10.0.0.7', port: 8080 })).toBe('initial');
    clock.advanceSeconds(1);
    expect(backend.targetHealth(tgArn, { id: '10.0.0.7', port: 8080 })).toBe('unhealthy');
    expect(stateOf('10.0.0.7', 8080)).toEqual({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' });
  });

  it('a healthy target whose checks start failing stays healthy until the unhealthy threshold is reached', () => {
    const target = { id: '10.0.0.8', port: 80 };
    backend.registerTarget(tgArn, target, true);
    clock.advanceSeconds(30);
    expect(backend.targetHealth(tgArn, target)).toBe('healthy');
    backend.registerTarget(tgArn, target, false);
    clock.advanceSeconds(19);
    expect(backend.targetHealth(tgArn, target)).toBe('healthy');
    clock.advanceSeconds(1);
    expect(backend.targetHealth(tgArn, target)).toBe('unhealthy');
  });

  it('deregisterTarget drains for the delay, then the target is gone; re-registering starts over', () => {
    const target = { id: '10.0.0.9', port: 80 };
    backend.registerTarget(tgArn, target, true);
    clock.advanceSeconds(30);
    backend.deregisterTarget(tgArn, target);
    expect(backend.targetHealth(tgArn, target)).toBe('draining');
    clock.advanceSeconds(30);
    expect(backend.targetHealth(tgArn, target)).toBeUndefined();
    backend.registerTarget(tgArn, target, true);
    expect(backend.targetHealth(tgArn, target)).toBe('initial');
  });

  it('registerTarget on an unknown target group throws TargetGroupNotFound', () => {
    expect(awsError(() => backend.registerTarget(`${tgArn}0`, { id: '10.0.0.1', port: 80 }, true)).code).toBe('TargetGroupNotFound');
  });
});
