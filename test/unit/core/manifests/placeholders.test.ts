import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { lineAt, substitutePlaceholders } from '../../../../src/core/manifests/placeholders.js';
import { ManifestError } from '../../../../src/core/manifests/problems.js';
import { thrown } from './workspace.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2';
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-stage/0123456789abcdef';

describe('substitutePlaceholders (S2)', () => {
  it('resolves <+artifact.image> and <+primary.artifact.image> to the image input', () => {
    const text = 'a: <+artifact.image>\nb: "<+primary.artifact.image>"\n';
    expect(substitutePlaceholders(text, 'td.yaml', { image: IMAGE })).toBe(`a: ${IMAGE}\nb: "${IMAGE}"\n`);
  });

  it('resolves <+targetGroupArn> to the stage target group', () => {
    expect(substitutePlaceholders('targetGroupArn: <+targetGroupArn>', 's.yaml', { targetGroupArn: TG })).toBe(
      `targetGroupArn: ${TG}`,
    );
  });

  it('leaves text without placeholders (and <other> angle brackets) alone', () => {
    const text = 'executionRoleArn: <ecsInstanceRole Role ARN>\n';
    expect(substitutePlaceholders(text, 'td.yaml', {})).toBe(text);
  });

  it('reports a placeholder with no value with the file, the line and the missing input', async () => {
    const text = 'family: web\ncontainerDefinitions:\n  - name: web\n    image: <+artifact.image>\n';
    const e = await thrown(() => substitutePlaceholders(text, 'deploy/td.yaml', {}, 'task-definition'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).location).toEqual({ input: 'task-definition', file: 'deploy/td.yaml', line: 4 });
    expect((e as Error).message).toBe(
      "input 'task-definition', deploy/td.yaml:4: placeholder <+artifact.image> has no value: it needs input 'image'",
    );
  });

  it('says where <+targetGroupArn> gets its value when it has none', async () => {
    const e = await thrown(() => substitutePlaceholders('x: 1\ny: <+targetGroupArn>', 's.yaml', { image: IMAGE }));
    expect((e as ConfigurationError).location.line).toBe(2);
    expect((e as Error).message).toMatch(/blue\/green stage target group/);
  });

  it('reports unknown placeholders, listing the known ones', async () => {
    const e = await thrown(() => substitutePlaceholders('\n\nimage: <+foo>', 'td.yaml', { image: IMAGE }));
    expect((e as ConfigurationError).location).toEqual({ file: 'td.yaml', line: 3 });
    expect((e as Error).message).toMatch(/unknown placeholder <\+foo>.*<\+artifact\.image>/);
  });

  it('reports every unresolved placeholder at once', async () => {
    const e = await thrown(() => substitutePlaceholders('a: <+artifact.image>\nb: <+x>\nc: <+targetGroupArn>', 'f', {}));
    expect(e).toBeInstanceOf(ManifestError);
    expect((e as ManifestError).problems.map((p) => p.location.line)).toEqual([1, 2, 3]);
    expect((e as Error).message).toMatch(/3 problems/);
  });

  it('refuses a value that would change the document structure', async () => {
    const e = await thrown(() => substitutePlaceholders('image: <+artifact.image>', 'f', { image: 'a" b: c' }));
    expect((e as Error).message).toMatch(/characters an image reference or ARN cannot contain/);
  });
});

describe('lineAt', () => {
  it('counts lines from 1', () => {
    expect(lineAt('ab\ncd\nef', 0)).toBe(1);
    expect(lineAt('ab\ncd\nef', 2)).toBe(1);
    expect(lineAt('ab\ncd\nef', 3)).toBe(2);
    expect(lineAt('ab\ncd\nef', 7)).toBe(3);
  });
});
