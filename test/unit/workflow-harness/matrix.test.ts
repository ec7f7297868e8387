/** Matrix expansion of the workflow harness, against the examples in GitHub's documentation of include/exclude. */
import { describe, expect, it } from '@jest/globals';
import { cellName, expandMatrix, jobStrategy } from '../../helpers/workflow-harness/matrix.js';

describe('expandMatrix', () => {
  it('is the product of the axes minus the excluded combinations', () => {
    const cells = expandMatrix({ os: ['linux', 'mac'], node: [20, 24], exclude: [{ os: 'mac', node: 20 }] });
    expect(cells).toEqual([
      { os: 'linux', node: 20 },
      { os: 'linux', node: 24 },
      { os: 'mac', node: 24 },
    ]);
  });

  it('merges an include into every cell whose original values it keeps, and adds one that fits none', () => {
    // GitHub's documented example: fruit × animal with includes.
    const cells = expandMatrix({
      fruit: ['apple', 'pear'],
      animal: ['cat', 'dog'],
      include: [{ color: 'green' }, { color: 'pink', animal: 'cat' }, { fruit: 'apple', shape: 'circle' }, { fruit: 'banana' }, { fruit: 'banana', animal: 'cat' }],
    });
    expect(cells).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it('takes a matrix of includes only (a list of regions with their clusters)', () => {
    expect(expandMatrix({ include: [{ region: 'a', cluster: 'x' }, { region: 'b', cluster: 'y' }] })).toEqual([
      { region: 'a', cluster: 'x' },
      { region: 'b', cluster: 'y' },
    ]);
  });
});

describe('jobStrategy', () => {
  it('evaluates a matrix from an expression and reads max-parallel and fail-fast', () => {
    const s = jobStrategy(
      { matrix: "${{ fromJSON('{\"region\":[\"a\",\"b\",\"c\"]}') }}", 'max-parallel': 2, 'fail-fast': false },
      { contexts: {} },
    );
    expect(s).toEqual({ cells: [{ region: 'a' }, { region: 'b' }, { region: 'c' }], maxParallel: 2, failFast: false });
    expect(jobStrategy({ matrix: { region: ['a'] } }, { contexts: {} })).toMatchObject({ maxParallel: 1, failFast: true });
    expect(jobStrategy(undefined, { contexts: {} })).toBeUndefined();
    expect(() => jobStrategy({ matrix: { region: [] } }, { contexts: {} })).toThrow('no cell');
  });

  it('names a cell as GitHub shows it', () => {
    expect(cellName('deploy', { region: 'eu-west-1', cluster: 'prod-eu' })).toBe('deploy (eu-west-1, prod-eu)');
    expect(cellName('deploy', undefined)).toBe('deploy');
  });
});
