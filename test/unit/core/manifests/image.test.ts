import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { setContainerImage } from '../../../../src/core/manifests/image.js';
import { thrown } from './workspace.js';

const td = {
  family: 'web',
  containerDefinitions: [
    { name: 'web', image: 'web:1' },
    { name: 'proxy', image: 'envoy:1' },
  ],
};

describe('setContainerImage (inputs container-name + image)', () => {
  it('sets the image of the named container only, without touching the original', () => {
    const out = setContainerImage(td, 'proxy', 'envoy:2');
    expect(out.containerDefinitions).toEqual([
      { name: 'web', image: 'web:1' },
      { name: 'proxy', image: 'envoy:2' },
    ]);
    expect(td.containerDefinitions[1]?.image).toBe('envoy:1');
    expect(out.family).toBe('web');
  });

  it("names input 'container-name' and lists the containers there are when no container matches", async () => {
    const e = await thrown(() => setContainerImage(td, 'Web', 'web:2'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location).toEqual({ input: 'container-name' });
    expect((e as Error).message).toBe(
      "input 'container-name': no container named 'Web' in the task definition; its containers are 'web', 'proxy'",
    );
  });

  it('refuses an empty image', async () => {
    const e = await thrown(() => setContainerImage(td, 'web', ' '));
    expect((e as ConfigurationError).location).toEqual({ input: 'image' });
  });
});
