/**
 * How Application Auto Scaling names an ECS service: namespace `ecs`, dimension `ecs:service:DesiredCount`,
 * resource id `service/<cluster name>/<service name>` (names, never ARNs).
 */

export const ECS_NAMESPACE = 'ecs';
export const DESIRED_COUNT_DIMENSION = 'ecs:service:DesiredCount';

/** `arn:aws:ecs:<region>:<account>:cluster/<name>` → `<name>`; a plain name stays as it is. */
export function clusterNameOf(cluster: string): string {
  if (!cluster.startsWith('arn:')) return cluster;
  const resource = cluster.split(':').slice(5).join(':');
  return resource.startsWith('cluster/') ? resource.slice('cluster/'.length) : resource;
}

/**
 * `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>` (or the old `service/<name>`) → `<name>`; a plain name
 * stays as it is.
 */
export function serviceNameOf(service: string): string {
  if (!service.startsWith('arn:')) return service;
  const resource = service.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return parts[parts.length - 1] ?? resource;
}

/** The Application Auto Scaling resource id of an ECS service. */
export function ecsResourceId(cluster: string, service: string): string {
  return `service/${clusterNameOf(cluster)}/${serviceNameOf(service)}`;
}
