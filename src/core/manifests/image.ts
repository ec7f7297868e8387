/** S2: inputs `container-name` + `image` set the image of one named container (for files without placeholders). */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../errors.js';

/**
 * A copy of `taskDefinition` in which the container named `containerName` runs `image`. A name that matches no
 * container is a ConfigurationError for input `container-name` listing the containers there are.
 */
export function setContainerImage<T extends { containerDefinitions?: ContainerDefinition[] | undefined }>(
  taskDefinition: T,
  containerName: string,
  image: string,
): T {
  const containers = taskDefinition.containerDefinitions ?? [];
  if (!containers.some((c) => c.name === containerName)) {
    const names = containers.map((c) => c.name).filter((n): n is string => n !== undefined);
    const there =
      names.length === 0
        ? 'the task definition has no named containers'
        : `its containers are ${names.map((n) => `'${n}'`).join(', ')}`;
    throw new ConfigurationError(`no container named '${containerName}' in the task definition; ${there}`, {
      input: 'container-name',
    });
  }
  if (image.trim() === '') throw new ConfigurationError('the image is empty', { input: 'image' });
  return {
    ...taskDefinition,
    containerDefinitions: containers.map((c) => (c.name === containerName ? { ...c, image } : c)),
  };
}
