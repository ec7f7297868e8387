/** A listener of a load balancer, by ARN or by port. */
import { DescribeListenersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ElasticLoadBalancingV2Client, Listener } from '@aws-sdk/client-elastic-load-balancing-v2';
import { httpOptions } from '../aws/call-options.js';
import { checkArnKind, isArn, lookupError, lookupOne } from './lookup-errors.js';
import { allPages } from './pages.js';
import type { ElbLookupOptions, ListenerInfo, LoadBalancerInfo } from './types.js';

const NOT_FOUND = ['ListenerNotFoundException', 'ListenerNotFound'];

export function toListenerInfo(l: Listener): ListenerInfo {
  return {
    arn: l.ListenerArn ?? '',
    loadBalancerArn: l.LoadBalancerArn ?? '',
    port: l.Port,
    protocol: l.Protocol,
    defaultActions: l.DefaultActions ?? [],
  };
}

/** Every listener of the load balancer (DescribeListeners, all pages). */
export async function listListeners(
  elb: ElasticLoadBalancingV2Client,
  loadBalancerArn: string,
  opts: ElbLookupOptions = {},
): Promise<ListenerInfo[]> {
  const listeners = await allPages(async (Marker) => {
    opts.onCall?.('DescribeListeners');
    const out = await elb.send(
      new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn, ...(Marker !== undefined ? { Marker } : {}) }),
      httpOptions(opts),
    );
    return { items: out.Listeners, next: out.NextMarker };
  });
  return listeners.map(toListenerInfo);
}

/**
 * The listener `ref` of load balancer `lb`: a listener ARN (which must belong to `lb`) or a port (a number, or a
 * string of digits). Not found → ConfigurationError naming the ARN or port, the load balancer and `opts.input`.
 */
export async function findListener(
  elb: ElasticLoadBalancingV2Client,
  lb: LoadBalancerInfo,
  ref: string | number,
  opts: ElbLookupOptions = {},
): Promise<ListenerInfo> {
  const text = String(ref).trim();
  if (isArn(text)) return listenerByArn(elb, lb, text, opts);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw lookupError(`'${text}' is neither a listener ARN nor a port (1-65535) of load balancer ${lb.name}`, opts);
  }
  const port = Number(text);
  const listeners = await listListeners(elb, lb.arn, opts);
  const found = listeners.find((l) => l.port === port);
  if (found !== undefined) return found;
  const ports = listeners.map((l) => l.port).filter((p) => p !== undefined);
  const has = ports.length === 0 ? 'it has no listeners' : `it listens on ${ports.sort((a, b) => a - b).join(', ')}`;
  throw lookupError(`load balancer ${lb.name} has no listener on port ${port} (${has})`, opts);
}

async function listenerByArn(
  elb: ElasticLoadBalancingV2Client,
  lb: LoadBalancerInfo,
  arn: string,
  opts: ElbLookupOptions,
): Promise<ListenerInfo> {
  checkArnKind(arn, 'listener', 'a listener', opts);
  const what = `listener '${arn}' of load balancer ${lb.name}`;
  const found = await lookupOne(what, 'DescribeListeners', NOT_FOUND, opts, async () => {
    const out = await elb.send(new DescribeListenersCommand({ ListenerArns: [arn] }), httpOptions(opts));
    return out.Listeners?.[0];
  });
  const listener = toListenerInfo(found);
  if (listener.loadBalancerArn !== lb.arn) {
    throw lookupError(`listener '${arn}' belongs to load balancer '${listener.loadBalancerArn}', not to ${lb.name} (${lb.arn})`, opts);
  }
  return listener;
}
