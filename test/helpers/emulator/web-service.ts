/** A Fargate service `web` in the default cluster of a running emulator, created through the real ECS client. */
import { CreateServiceCommand, RegisterTaskDefinitionCommand, type ContainerDefinition, type ECSClient } from '@aws-sdk/client-ecs';

/** Registers a revision of the Fargate task definition `web` (one essential container `web` running `image`). */
export async function registerWeb(ecs: ECSClient, image: string, container: Partial<ContainerDefinition> = {}): Promise<string> {
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image, essential: true, ...container }],
    }),
  );
  return td.taskDefinition?.taskDefinitionArn ?? '';
}

export async function createWebService(ecs: ECSClient, desiredCount: number): Promise<void> {
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: await registerWeb(ecs, 'app:v1'),
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }),
  );
}
