/**
 * S2 (issue 10, defect 2): where a placeholder's value lands. The text is substituted whole, comments included, and
 * the parsed manifest says which placeholders ended up in its content (a value) rather than in a comment only.
 */
import { describe, expect, it } from '@jest/globals';
import { parseManifestText } from '../../../../src/core/manifests/parse.js';
import { resolvePlaceholders } from '../../../../src/core/manifests/placeholders.js';
import type { Placeholders } from '../../../../src/core/manifests/placeholders.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2';
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-stage/0123456789abcdef';
const used = (text: string, placeholders: Placeholders = { image: IMAGE }): string[] =>
  [...parseManifestText(text, 'td.yaml', placeholders, 'task-definition').placeholdersInContent].sort();

describe('resolvePlaceholders', () => {
  it('says which value each placeholder took and where it stands in the substituted text', () => {
    const text = '# <+artifact.image>\na: <+ primary.artifact.image >\nb: <+targetGroupArn>\n';
    const { text: out, resolved } = resolvePlaceholders(text, 'f', { image: IMAGE, targetGroupArn: TG });
    expect(out).toBe(`# ${IMAGE}\na: ${IMAGE}\nb: ${TG}\n`);
    expect(resolved.map((r) => r.name)).toEqual(['image', 'image', 'targetGroupArn']);
    expect(resolved.map((r) => out.slice(r.start, r.end))).toEqual([IMAGE, IMAGE, TG]);
    expect(resolved.map((r) => r.start)).toEqual([2, IMAGE.length + 6, 2 * IMAGE.length + 10]);
  });
});

describe('Manifest.placeholdersInContent', () => {
  it('counts a placeholder in a YAML value, plain or quoted or inside a longer string', () => {
    expect(used('image: <+artifact.image>\n')).toEqual(['image']);
    expect(used('image: "<+artifact.image>"\n')).toEqual(['image']);
    expect(used("note: 'built from <+artifact.image> today'\n")).toEqual(['image']);
    expect(used('script: |\n  # <+artifact.image>\n  run\n')).toEqual(['image']);
  });

  it('does not count a placeholder in a YAML comment, on its own line or after a value', () => {
    const text = 'containerDefinitions:\n  - name: web\n    # CI sets the image: <+artifact.image>\n    image: nginx:1.24 # <+artifact.image>\n';
    const m = parseManifestText(text, 'td.yaml', { image: IMAGE }, 'task-definition');
    expect([...m.placeholdersInContent]).toEqual([]);
    expect(m.value).toEqual({ containerDefinitions: [{ name: 'web', image: 'nginx:1.24' }] });
    expect(used('# <+artifact.image>\nfamily: web\n')).toEqual([]);
  });

  it('counts the value and not the comment when both are there, also after a byte order mark', () => {
    expect(used('# <+artifact.image>\nimage: <+artifact.image>\n')).toEqual(['image']);
    expect(used('\uFEFF# <+artifact.image>\nimage: <+artifact.image>\n')).toEqual(['image']);
    expect(used('\uFEFF# <+artifact.image>\nimage: nginx:1.24\n')).toEqual([]);
  });

  it('counts every placeholder in JSON (no comments there), wherever its string is', () => {
    expect(used('{"family": "web", "containerDefinitions": [{"image": "<+artifact.image>"}]}')).toEqual(['image']);
    const env = '{"containerDefinitions": [{"image": "nginx", "environment": [{"name": "FROM", "value": "<+artifact.image>"}]}]}';
    expect(used(env)).toEqual(['image']);
  });

  it('names each kind of placeholder, and none when there is none', () => {
    expect(used('tg: <+targetGroupArn>\n# <+artifact.image>\n', { image: IMAGE, targetGroupArn: TG })).toEqual(['targetGroupArn']);
    expect(used('family: web\n')).toEqual([]);
  });
});
