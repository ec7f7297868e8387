/**
 * The `image` and `container-name` inputs (S2), as every action that takes a task definition reads them: `image`
 * fills the `<+artifact.image>` placeholders of the manifests, or, with `container-name`, is set as that container's
 * image in the task definition file. Both are checked before any AWS call (S3).
 */
import { ConfigurationError } from '../errors.js';
import type { Inputs } from '../inputs.js';
import { loadManifest, type ManifestRoots, type Placeholders } from '../manifests/index.js';

export interface ImageChoice {
  image: string | undefined;
  /** With `image`: the container whose image is set (S2). */
  containerName: string | undefined;
}

/** A manifest input and the file it names (undefined when the input is not set). */
export interface ManifestFile {
  input: string;
  path: string | undefined;
}

export const NO_IMAGE: ImageChoice = { image: undefined, containerName: undefined };

/** `image` and `container-name`; container-name needs the image it sets. */
export function readImageChoice(inputs: Inputs): ImageChoice {
  const image = inputs.optional('image');
  const containerName = inputs.optional('container-name');
  if (containerName !== undefined && image === undefined) {
    throw new ConfigurationError(`container-name '${containerName}' is given, so the image to set is required`, { input: 'image' });
  }
  return { image, containerName };
}

/** The placeholders `image` fills in every manifest. */
export function imagePlaceholders(choice: ImageChoice): Placeholders {
  return choice.image === undefined ? {} : { image: choice.image };
}

/** With container-name: the container and the image the task definition file gets. */
export function containerImageOf(choice: ImageChoice): { containerName: string; image: string } | undefined {
  return choice.containerName !== undefined && choice.image !== undefined
    ? { containerName: choice.containerName, image: choice.image }
    : undefined;
}

/**
 * A registered task definition has no file to set an image in, so container-name is refused, naming the input.
 * `use`: what the action does with a registered revision ("is deployed as it was registered").
 */
export function refuseContainerNameForRegistered(choice: ImageChoice, use: string): void {
  if (choice.containerName === undefined) return;
  throw new ConfigurationError(
    'container-name and image set a container image in a task-definition file; a registered task definition ' +
      `(task-definition-arn) ${use}`,
    { input: 'container-name' },
  );
}

/**
 * `image` without `container-name` only works through a placeholder: an image no manifest uses would be silently
 * ignored, so it is an error on input `image`. Used means replaced in a manifest's content — a value, not a comment
 * (`# CI sets <+artifact.image>` above the file's own image uses nothing). The manifests are parsed again with the
 * same placeholders (their loaders already refused anything wrong in them). Nothing to check without an image, or
 * with container-name.
 */
export async function checkImageIsUsed(roots: ManifestRoots, choice: ImageChoice, files: readonly ManifestFile[]): Promise<void> {
  if (choice.image === undefined || choice.containerName !== undefined) return;
  for (const { input, path } of files) {
    if (path === undefined) continue;
    const manifest = await loadManifest(roots, path, input, imagePlaceholders(choice));
    if (manifest.placeholdersInContent.has('image')) return;
  }
  throw new ConfigurationError(
    'the image would not be used: no manifest has an <+artifact.image> placeholder outside comments; set ' +
      'container-name to choose the container that runs it',
    { input: 'image' },
  );
}
