/**
 * B2: the two services take turns as `<base>__1` and `<base>__2`; the live one is tagged `BG_VERSION=BLUE`, the
 * stage one `BG_VERSION=GREEN`. Tags written on the services carry what a later job needs (B7): which service the
 * stage one replaces, and the desired count the old one had before the swap set it to 0.
 */
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import type { AwsCallOptions } from '../../core/aws/call-options.js';
import { describeServices, tagValue } from '../../core/ecs/services.js';

export const COLOUR_TAG = 'BG_VERSION';
export const BLUE = 'BLUE';
export const GREEN = 'GREEN';
/** On the stage service: the name of the service it replaces (removed when a rollback undid the release). */
export const REPLACES_TAG = 'BG_REPLACES';
/** On the old service after a swap downsized it: its desired count before. */
export const DOWNSIZED_FROM_TAG = 'BG_DOWNSIZED_FROM';

export function baseNameOf(name: string): string {
  return name.replace(/__[12]$/, '');
}

export function namesOf(base: string): [string, string] {
  return [`${base}__1`, `${base}__2`];
}

export function otherName(name: string): string {
  return name.endsWith('__1') ? `${baseNameOf(name)}__2` : `${baseNameOf(name)}__1`;
}

/** The two services of `base` as they are now (ACTIVE or DRAINING or INACTIVE; absent when ECS does not know them), with tags. */
export async function describePair(
  ecs: ECSClient,
  cluster: string,
  base: string,
  opts: AwsCallOptions = {},
): Promise<{ one: Service | undefined; two: Service | undefined; byName: Map<string, Service> }> {
  const [one, two] = namesOf(base);
  const byName = await describeServices(ecs, cluster, [one, two], { ...opts, tags: true });
  return { one: byName.get(one), two: byName.get(two), byName };
}

export function isActive(s: Service | undefined): s is Service {
  return s?.status === 'ACTIVE';
}

export function colourOf(s: Service | undefined): string | undefined {
  return tagValue(s, COLOUR_TAG);
}

/**
 * The ACTIVE service tagged BLUE; when none is, the only ACTIVE one not tagged GREEN (a service that ran before
 * blue/green). A GREEN one is a stage service never swapped in: never blue.
 */
export function blueOf(services: readonly (Service | undefined)[]): Service | undefined {
  const active = services.filter(isActive);
  const tagged = active.filter((s) => colourOf(s) === BLUE);
  if (tagged.length === 1) return tagged[0];
  const untagged = active.filter((s) => colourOf(s) === undefined);
  return tagged.length === 0 && untagged.length === 1 ? untagged[0] : undefined;
}
