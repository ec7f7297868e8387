/** A Fargate service `web` in the default cluster of a running emulator, created through the real ECS client. */
import { CreateServiceCommand, RegisterTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';

export async function createWebService(ecs: ECSClient, desiredCount: number): Promise<void> {
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'app:v1', essential: true }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: td.taskDefinition?.taskDefinitionArn,
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }),
  );
}
