/** image and container-name (src/core/action/image.ts): the choice, the registered-revision refusal, the is-used check. */
import { describe, expect, it } from '@jest/globals';
import {
  checkImageIsUsed,
  containerImageOf,
  imagePlaceholders,
  refuseContainerNameForRegistered,
} from '../../../../src/core/action/index.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { configurationErrorOf } from '../../../helpers/errors.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const IMAGE = 'registry.example.com/web:2';

describe('imagePlaceholders and containerImageOf', () => {
  it('fill placeholders with the image, and set it in a container only with container-name', () => {
    expect(imagePlaceholders({ image: undefined, containerName: undefined })).toEqual({});
    expect(imagePlaceholders({ image: IMAGE, containerName: undefined })).toEqual({ image: IMAGE });
    expect(containerImageOf({ image: IMAGE, containerName: undefined })).toBeUndefined();
    expect(containerImageOf({ image: IMAGE, containerName: 'web' })).toEqual({ containerName: 'web', image: IMAGE });
  });
});

describe('refuseContainerNameForRegistered', () => {
  it('refuses container-name, naming the input and saying what the action does with a registered revision', () => {
    const error = configurationErrorOf(() =>
      refuseContainerNameForRegistered({ image: IMAGE, containerName: 'web' }, 'runs as it was registered'),
    );
    expect(error.location).toEqual({ input: 'container-name' });
    expect(error.message).toBe(
      "input 'container-name': container-name and image set a container image in a task-definition file; a registered " +
        'task definition (task-definition-arn) runs as it was registered',
    );
  });

  it('accepts an image alone (it fills placeholders of the other manifests)', () => {
    expect(() => refuseContainerNameForRegistered({ image: IMAGE, containerName: undefined }, 'x')).not.toThrow();
  });
});

describe('checkImageIsUsed', () => {
  const workspace = makeWorkspace({
    'plain.yaml': 'family: web\n',
    'placeholder.yaml': 'family: web\ncontainerDefinitions:\n  - image: <+ primary.artifact.image >\n',
    'comment.yaml': 'family: web\ncontainerDefinitions:\n  # CI sets the image: <+artifact.image>\n  - image: nginx:1.24\n',
    'env.json': '{"containerDefinitions": [{"image": "nginx", "environment": [{"name": "BUILT", "value": "<+artifact.image>"}]}]}',
  });

  it('passes when any named manifest has the placeholder', async () => {
    await expect(
      checkImageIsUsed({ workspace }, { image: IMAGE, containerName: undefined }, [
        { input: 'task-definition', path: 'plain.yaml' },
        { input: 'service-definition', path: undefined },
        { input: 'run-task-request', path: 'placeholder.yaml' },
      ]),
    ).resolves.toBeUndefined();
  });

  it('fails on input image when no manifest uses it', async () => {
    const error = await checkImageIsUsed({ workspace }, { image: IMAGE, containerName: undefined }, [
      { input: 'task-definition', path: 'plain.yaml' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).location).toEqual({ input: 'image' });
    expect((error as ConfigurationError).message).toContain('the image would not be used: no manifest has an <+artifact.image> placeholder');
  });

  it('reads nothing without an image, or when container-name places it', async () => {
    const missing = [{ input: 'task-definition', path: 'does-not-exist.yaml' }];
    // Reading that file fails, so a check that read it would reject:
    await expect(checkImageIsUsed({ workspace }, { image: IMAGE, containerName: undefined }, missing)).rejects.toThrow();
    await expect(checkImageIsUsed({ workspace }, { image: undefined, containerName: undefined }, missing)).resolves.toBeUndefined();
    await expect(checkImageIsUsed({ workspace }, { image: IMAGE, containerName: 'web' }, missing)).resolves.toBeUndefined();
  });

  it('fails on input image when the placeholder is only in a YAML comment (issue 10, defect 2)', async () => {
    const error = await checkImageIsUsed({ workspace }, { image: IMAGE, containerName: undefined }, [
      { input: 'task-definition', path: 'comment.yaml' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).location).toEqual({ input: 'image' });
    expect((error as ConfigurationError).message).toContain('placeholder outside comments');
  });

  it('passes when the placeholder is in a JSON string that is not an image (it is still a value)', async () => {
    await expect(
      checkImageIsUsed({ workspace }, { image: IMAGE, containerName: undefined }, [{ input: 'task-definition', path: 'env.json' }]),
    ).resolves.toBeUndefined();
  });

  it('passes with container-name even when the placeholder is only in a comment', async () => {
    await expect(
      checkImageIsUsed({ workspace }, { image: IMAGE, containerName: 'web' }, [{ input: 'task-definition', path: 'comment.yaml' }]),
    ).resolves.toBeUndefined();
  });
});
