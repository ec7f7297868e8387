/**
 * Elastic Load Balancing v2 (AWS Query protocol, API version 2015-12-01). Handlers receive the parameters as
 * parseQueryBody decodes them and return the `<Action>Result` content; errors are AwsServiceError with the
 * ELBv2 codes (LoadBalancerNotFound, TargetGroupNotFound, ListenerNotFound, RuleNotFound, ValidationError…).
 */
import type { ElbBackend, OperationHandler, ServiceModule, SimClock } from '../contracts.js';
import type { ElbContext, ElbHandler } from './context.js';
import { describeLoadBalancer, loadBalancerHandlers } from './load-balancers.js';
import { describeListener, listenerHandlers } from './listeners.js';
import { ruleHandlers } from './rules.js';
import { ElbStore } from './store.js';
import { tagHandlers, tagList } from './tags.js';
import { describeTargetGroup, targetGroupHandlers } from './target-groups.js';
import { targetHealthAt } from './target-health.js';
import { createElbBackend, targetHandlers } from './targets.js';
import { routeOf, setRouteWeights } from './traffic.js';

export interface ElbModuleContext {
  clock: SimClock;
  region: string;
  accountId: string;
}

export function createElbv2Module(ctx: ElbModuleContext): { module: ServiceModule; backend: ElbBackend } {
  const store = new ElbStore(ctx.clock, `${ctx.region}a`);
  const elb: ElbContext = { store, scope: { region: ctx.region, accountId: ctx.accountId }, clock: ctx.clock };
  const handlers: Record<string, ElbHandler> = {
    ...loadBalancerHandlers(elb),
    ...targetGroupHandlers(elb),
    ...listenerHandlers(elb),
    ...ruleHandlers(elb),
    ...targetHandlers(elb),
    ...tagHandlers(elb),
  };
  const operations: Record<string, OperationHandler> = {};
  for (const [name, handler] of Object.entries(handlers)) operations[name] = (params) => handler(params);

  const module: ServiceModule = {
    service: 'elasticloadbalancing',
    operations,
    reset: () => store.clear(),
    dump: () => {
      const now = ctx.clock.now();
      return {
        loadBalancers: [...store.loadBalancers.values()].map((lb) => ({
          ...describeLoadBalancer(lb),
          Tags: tagList(store, lb.arn),
          Listeners: store.listenersOf(lb.arn).map((l) => ({
            ...describeListener(l),
            Rules: store.rulesOf(l.arn).map((r) => ({ RuleArn: r.arn, Priority: r.priority, Conditions: r.conditions, Actions: r.actions })),
          })),
        })),
        targetGroups: [...store.targetGroups.values()].map((tg) => ({
          ...describeTargetGroup(tg),
          Tags: tagList(store, tg.arn),
          Targets: [...tg.targets.values()].flatMap((t) => {
            const health = targetHealthAt(tg, t, now);
            return health ? [{ Id: t.id, Port: t.port, ...health }] : [];
          }),
        })),
      };
    },
  };
  const backend: ElbBackend = {
    ...createElbBackend(store),
    route: (arn) => routeOf(store, arn),
    setRouteWeights: (arn, weights) => setRouteWeights(store, arn, weights),
  };
  return { module, backend };
}
