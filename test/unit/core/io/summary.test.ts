import { describe, expect, it } from '@jest/globals';
import { SummaryBuilder, escapeCell, escapeHtml } from '../../../../src/core/io/summary.js';

describe('SummaryBuilder', () => {
  it('is empty until something is added', () => {
    const b = new SummaryBuilder();
    expect(b.isEmpty()).toBe(true);
    expect(b.toString()).toBe('');
  });

  it('joins blocks with blank lines', () => {
    const md = new SummaryBuilder().heading('ECS rolling deploy').paragraph('Deployed **web**.').heading('Outputs', 3).toString();
    expect(md).toBe('## ECS rolling deploy\n\nDeployed **web**.\n\n### Outputs\n');
  });

  it('builds a key/value table from pairs or a record, in order', () => {
    const fromPairs = new SummaryBuilder()
      .keyValueTable([
        ['serviceName', 'web'],
        ['firstDeployment', false],
      ])
      .toString();
    expect(fromPairs).toBe('| Name | Value |\n| --- | --- |\n| serviceName | web |\n| firstDeployment | false |\n');
    const fromRecord = new SummaryBuilder().keyValueTable({ b: 2, a: undefined }, ['Output', 'Value']).toString();
    expect(fromRecord).toBe('| Output | Value |\n| --- | --- |\n| b | 2 |\n| a |  |\n');
  });

  it('escapes pipes and line breaks in cells and pads short rows', () => {
    const md = new SummaryBuilder().table(['Task', 'Reason', 'Code'], [['t1', 'Essential container exited\nsee | logs'], ['t2']]).toString();
    expect(md.split('\n')).toEqual([
      '| Task | Reason | Code |',
      '| --- | --- | --- |',
      '| t1 | Essential container exited<br>see \\| logs |  |',
      '| t2 |  |  |',
      '',
    ]);
  });

  it('fences code with more backticks than the code contains', () => {
    expect(new SummaryBuilder().codeBlock('a\n', 'diff').toString()).toBe('```diff\na\n```\n');
    expect(new SummaryBuilder().codeBlock('x ```` y').toString()).toBe('`````\nx ```` y\n`````\n');
  });

  it('wraps details, escaping the summary line', () => {
    const inner = new SummaryBuilder().paragraph('body').toString();
    expect(new SummaryBuilder().details('Diff <task def>', inner).toString()).toBe(
      '<details><summary>Diff &lt;task def&gt;</summary>\n\nbody\n\n</details>\n',
    );
  });

  it('keeps headings on one line', () => {
    expect(new SummaryBuilder().heading('a\nb', 1).toString()).toBe('# a b\n');
  });
});

describe('escapeCell / escapeHtml', () => {
  it('escapes backslashes before pipes so a cell cannot end early', () => {
    expect(escapeCell('a\\|b')).toBe('a\\\\\\|b');
    expect(escapeCell('l1\r\nl2\rl3')).toBe('l1<br>l2<br>l3');
    expect(escapeCell(undefined)).toBe('');
    expect(escapeCell(0)).toBe('0');
  });
  it('escapes HTML specials', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
