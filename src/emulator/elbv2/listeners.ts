/** CreateListener, DescribeListeners, ModifyListener, DeleteListener. */
import { AwsServiceError } from '../contracts.js';
import { normalizeActions } from './actions.js';
import type { ElbContext, ElbHandler } from './context.js';
import { listenerArn, ruleArn } from './ids.js';
import { missing, optInt, optStr, paginate, reqStr, strList, structList, validationError } from './params.js';
import type { Params } from './params.js';
import type { ElbStore, Json, ListenerRec, LoadBalancerRec } from './store.js';
import { applyTags, readTags } from './tags.js';

/** Listener protocols per load balancer type, in the order AWS's ValidationError lists them. */
const PROTOCOLS_BY_TYPE: Record<string, string[]> = {
  application: ['HTTPS', 'HTTP'],
  network: ['TLS', 'TCP', 'TCP_UDP', 'UDP'],
  gateway: ['GENEVE'],
};

export function describeListener(l: ListenerRec): Json {
  return {
    ListenerArn: l.arn,
    LoadBalancerArn: l.loadBalancerArn,
    Port: l.port,
    Protocol: l.protocol,
    Certificates: l.certificates,
    SslPolicy: l.sslPolicy,
    DefaultActions: l.defaultActions,
    AlpnPolicy: l.alpnPolicy,
  };
}

/** Applies Protocol/Port/SslPolicy/Certificates/AlpnPolicy/DefaultActions from `params` onto `target`. */
function applyListenerParams(store: ElbStore, lb: LoadBalancerRec, target: ListenerRec, params: Params): void {
  const protocol = optStr(params, 'Protocol');
  if (protocol !== undefined) {
    const allowed = PROTOCOLS_BY_TYPE[lb.type] ?? [];
    if (!allowed.includes(protocol)) {
      throw validationError(`Listener protocol '${protocol}' must be one of '${allowed.join(', ')}'`);
    }
    target.protocol = protocol;
  }
  const port = optInt(params, 'Port');
  if (port !== undefined) {
    if (port < 1 || port > 65535) throw validationError(`Port '${port}' must be between 1 and 65535`);
    target.port = port;
  }
  const sslPolicy = optStr(params, 'SslPolicy');
  if (sslPolicy !== undefined) target.sslPolicy = sslPolicy;
  const certificates = structList(params, 'Certificates');
  if (certificates.length > 0) target.certificates = certificates;
  const alpn = strList(params, 'AlpnPolicy');
  if (alpn.length > 0) target.alpnPolicy = alpn;
  if (params['DefaultActions'] !== undefined) {
    target.defaultActions = normalizeActions(structList(params, 'DefaultActions'), store, lb);
  }
  if ((target.protocol === 'HTTPS' || target.protocol === 'TLS') && !target.certificates) {
    throw new AwsServiceError('CertificateNotFound', `A certificate must be specified for ${target.protocol} listeners`);
  }
  if ((target.protocol === 'HTTPS' || target.protocol === 'TLS') && !target.sslPolicy) {
    target.sslPolicy = 'ELBSecurityPolicy-2016-08';
  }
  if (target.protocol === 'HTTP' || target.protocol === 'TCP' || target.protocol === 'UDP' || target.protocol === 'TCP_UDP') {
    delete target.sslPolicy;
    delete target.certificates;
  }
}

function checkPortFree(store: ElbStore, listener: ListenerRec): void {
  const clash = store
    .listenersOf(listener.loadBalancerArn)
    .find((other) => other.arn !== listener.arn && other.port === listener.port);
  if (clash) {
    throw new AwsServiceError('DuplicateListener', `A listener already exists on this port for this load balancer '${listener.loadBalancerArn}'`);
  }
}

export function listenerHandlers(ctx: ElbContext): Record<string, ElbHandler> {
  const { store } = ctx;

  const create: ElbHandler = (params) => {
    const lb = store.loadBalancer(reqStr(params, 'LoadBalancerArn'));
    if (params['DefaultActions'] === undefined) throw missing('DefaultActions');
    if (lb.type !== 'gateway') {
      if (params['Port'] === undefined) throw validationError('A listener port must be specified');
      if (params['Protocol'] === undefined) throw validationError('A listener protocol must be specified');
    }
    const arn = listenerArn(lb.arn);
    const listener: ListenerRec = { arn, loadBalancerArn: lb.arn, defaultActions: [], defaultRuleArn: ruleArn(arn) };
    applyListenerParams(store, lb, listener, params);
    const tags = readTags(params);
    const same = store
      .listenersOf(lb.arn)
      .find((other) => other.port === listener.port && JSON.stringify(describeListener({ ...other, arn: '' })) === JSON.stringify(describeListener({ ...listener, arn: '' })));
    if (same) return { Listeners: [describeListener(same)] }; // CreateListener is idempotent for identical settings.
    checkPortFree(store, listener);
    store.listeners.set(arn, listener);
    if (tags.size > 0) applyTags(store, arn, tags);
    store.refreshUsage();
    return { Listeners: [describeListener(listener)] };
  };

  const describe: ElbHandler = (params) => {
    const lbArn = optStr(params, 'LoadBalancerArn');
    const arns = strList(params, 'ListenerArns');
    if (lbArn !== undefined && arns.length > 0) {
      throw validationError('Listener ARNs and a load balancer ARN cannot be specified at the same time');
    }
    if (lbArn === undefined && arns.length === 0) {
      throw validationError('You must specify either listener ARNs or a load balancer ARN');
    }
    let found: ListenerRec[];
    if (lbArn !== undefined) {
      store.loadBalancer(lbArn);
      found = store.listenersOf(lbArn);
    } else {
      found = arns.map((arn) => store.listener(arn));
    }
    const { page, nextMarker } = paginate(found, params);
    return { Listeners: page.map(describeListener), NextMarker: nextMarker };
  };

  const modify: ElbHandler = (params) => {
    const listener = store.listener(reqStr(params, 'ListenerArn'));
    const lb = store.loadBalancer(listener.loadBalancerArn);
    const updated: ListenerRec = { ...listener, defaultActions: [...listener.defaultActions] };
    applyListenerParams(store, lb, updated, params);
    checkPortFree(store, updated);
    Object.assign(listener, updated);
    if (updated.sslPolicy === undefined) delete listener.sslPolicy;
    if (updated.certificates === undefined) delete listener.certificates;
    store.refreshUsage();
    return { Listeners: [describeListener(listener)] };
  };

  const remove: ElbHandler = (params) => {
    const listener = store.listener(reqStr(params, 'ListenerArn'));
    for (const rule of store.rulesOf(listener.arn)) {
      store.rules.delete(rule.arn);
      store.tags.delete(rule.arn);
    }
    store.listeners.delete(listener.arn);
    store.tags.delete(listener.arn);
    store.tags.delete(listener.defaultRuleArn);
    store.refreshUsage();
    return {};
  };

  return { CreateListener: create, DescribeListeners: describe, ModifyListener: modify, DeleteListener: remove };
}
