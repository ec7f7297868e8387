/**
 * B1–B3, everything mode deploy decides before its first change (only reads): the routes and their target groups,
 * the blue service and the stage name, the container port the stage target group needs, the desired count, and the
 * CreateService request of the stage service. A problem here fails the step with nothing changed.
 */
import type { ContainerDefinition, CreateServiceCommandInput, Service, Tag } from '@aws-sdk/client-ecs';
import { describeTargetGroup, routeTargetGroup } from '../../core/elb/index.js';
import { describeTaskDefinition } from '../../core/ecs/task-definitions.js';
import { toCreateServiceInput } from '../../core/deploy/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { BLUE, COLOUR_TAG, GREEN, REPLACES_TAG, blueOf, colourOf, describePair, isActive, namesOf, otherName } from './colours.js';
import type { BlueGreenDeps } from './deps.js';
import { STAGE_TARGET_GROUP_SENTINEL, type DeployOptions } from './options.js';
import { findRoutes, type Routes } from './routes.js';

export interface DeployPlan {
  routes: Routes;
  prodTargetGroupArn: string;
  stageTargetGroupArn: string;
  blue: Service | undefined;
  stageName: string;
  /** The stage service as it is now (ACTIVE or DRAINING from an earlier run), if ECS knows it. */
  stageNow: Service | undefined;
  desiredCount: number;
  /** The container and port the stage target group's targets are (for the healthy-targets wait). */
  binding: { containerName: string; containerPort: number };
  /** CreateService for the stage service, all but the task definition. */
  request: (taskDefinitionArn: string) => CreateServiceCommandInput;
}

export async function planDeploy(deps: BlueGreenDeps, o: DeployOptions): Promise<DeployPlan> {
  const call = { signal: deps.signal };
  const routes = await findRoutes(deps.elb, o.routes, call);
  const prodTargetGroupArn = routeTargetGroup(routes.prod, 'prod-listener');
  const stageTargetGroupArn = routeTargetGroup(routes.stage, 'stage-listener');
  if (prodTargetGroupArn === stageTargetGroupArn) {
    throw new ConfigurationError(
      `the stage listener already points at the prod target group ${prodTargetGroupArn}: both routes forward to it, so a ` +
        'stage service behind it would take prod traffic; point the stage listener (or rule) at another target group',
      { input: o.routes.stageRule !== undefined ? 'stage-listener-rule' : 'stage-listener' },
    );
  }
  const pair = await describePair(deps.ecs, o.cluster, o.baseName, call);
  const blue = chooseBlue([pair.one, pair.two], o.baseName);
  const stageName = blue?.serviceName !== undefined ? otherName(blue.serviceName) : namesOf(o.baseName)[0];
  const stageNow = pair.byName.get(stageName);
  const group = await describeTargetGroup(deps.elb, stageTargetGroupArn, call);
  const containers = await containersOf(deps, o);
  checkPort(containers, group.port, stageTargetGroupArn, o.taskDefinition.kind === 'file' ? 'task-definition' : 'task-definition-arn');
  const binding = bindingOf(o.serviceDefinition, group.port);
  const desiredCount = chooseDesiredCount(o, blue);
  const tags: Tag[] = [
    { key: COLOUR_TAG, value: GREEN },
    ...(blue?.serviceName !== undefined ? [{ key: REPLACES_TAG, value: blue.serviceName }] : []),
  ];
  const request = (taskDefinitionArn: string): CreateServiceCommandInput => {
    const definition = withStageTargetGroup(o.serviceDefinition, stageTargetGroupArn);
    const input = toCreateServiceInput(definition, { cluster: o.cluster, serviceName: stageName, taskDefinitionArn, desiredCountInput: desiredCount });
    const kept = (input.tags ?? []).filter((t) => t.key !== COLOUR_TAG && t.key !== REPLACES_TAG);
    return { ...input, tags: [...kept, ...tags] };
  };
  return { routes, prodTargetGroupArn, stageTargetGroupArn, blue, stageName, stageNow, desiredCount, binding, request };
}

/** B2: the ACTIVE service tagged BLUE (or the only ACTIVE one); two ACTIVE services with no clear BLUE are refused. */
function chooseBlue(services: Array<Service | undefined>, base: string): Service | undefined {
  const blue = blueOf(services);
  const active = services.filter(isActive);
  if (blue === undefined && active.some((s) => colourOf(s) !== GREEN)) {
    const colours = active.map((s) => `${s.serviceName ?? ''} (${COLOUR_TAG}=${colourOf(s) ?? 'none'})`).join(', ');
    throw new ConfigurationError(
      `cannot tell which service of ${base} is live: ${colours}; exactly one ACTIVE service must be tagged ${COLOUR_TAG}=${BLUE}`,
      { input: 'service' },
    );
  }
  return blue;
}

async function containersOf(deps: BlueGreenDeps, o: DeployOptions): Promise<ContainerDefinition[]> {
  if (o.taskDefinition.kind === 'file') return o.taskDefinition.definition.containerDefinitions ?? [];
  const td = await describeTaskDefinition(deps.ecs, o.taskDefinition.ref, { signal: deps.signal, input: o.taskDefinition.input });
  return td.containerDefinitions ?? [];
}

/** B3: some container maps the target group's port (as its container or host port). */
export function checkPort(containers: readonly ContainerDefinition[], port: number | undefined, targetGroupArn: string, input = 'task-definition'): void {
  if (port === undefined) return;
  const maps = containers.some((c) => (c.portMappings ?? []).some((m) => m.containerPort === port || m.hostPort === port));
  if (!maps) {
    throw new ConfigurationError(`No container definition has port mapping that matches the target port: ${port} for target group: ${targetGroupArn}`, { input });
  }
}

function bindingOf(definition: CreateServiceCommandInput, port: number | undefined): DeployPlan['binding'] {
  const entry = (definition.loadBalancers ?? []).find((lb) => lb.targetGroupArn === STAGE_TARGET_GROUP_SENTINEL);
  return { containerName: entry?.containerName ?? '', containerPort: entry?.containerPort ?? port ?? 0 };
}

function chooseDesiredCount(o: DeployOptions, blue: Service | undefined): number {
  if (o.sameAsRunning) {
    if (blue === undefined) {
      throw new ConfigurationError('same-as-running copies the live service, and there is no live (BLUE) service yet', { input: 'same-as-running' });
    }
    return blue.runningCount ?? blue.desiredCount ?? 0;
  }
  return o.serviceDefinition.desiredCount ?? 0; // readOptions refused a definition without one
}

/** The service definition with `<+targetGroupArn>` (the sentinel readOptions put in its place) resolved (B3). */
function withStageTargetGroup(definition: CreateServiceCommandInput, arn: string): CreateServiceCommandInput {
  return JSON.parse(JSON.stringify(definition).split(STAGE_TARGET_GROUP_SENTINEL).join(arn)) as CreateServiceCommandInput;
}
