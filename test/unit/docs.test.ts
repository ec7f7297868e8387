/**
 * The documentation stays true to the repository (docs/README.md):
 * - every rule id cited anywhere (code comments, test names, READMEs, docs: `S3`, `R6`, ranges like `R1–R6`) is
 *   defined exactly once in docs/contract.md, as a heading `### R6: …` or a bold anchor `**R6**`;
 * - every Markdown link in the repository stays inside it and points at a file that exists (and, for a link into a
 *   Markdown file, at a heading that exists there);
 * - no file names a document outside the repository (the contract and the architecture live in docs/).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const CONTRACT = 'docs/contract.md';
const THIS_FILE = 'test/unit/docs.test.ts';
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.build', '.tmp', 'coverage', '.git']);

/** Where citations are looked for, and in which kinds of file. */
const CITING = ['src', 'test', 'bench', 'scripts', 'actions', 'examples', 'docs', 'README.md', 'eslint.config.js'];
const CITING_EXTENSIONS = ['.ts', '.js', '.mjs', '.md', '.yml', '.yaml'];

/** The rule families and how many rules each has; the contract must define exactly these. */
const FAMILIES: Record<string, number> = { S: 13, R: 8, N: 5, T: 5, C: 3, B: 7, D: 5 };

/** A rule id: family letter and 1–99. (No rule is numbered 0, so identifiers like `T0` are not citations.) */
const ID = String.raw`([SRCBTDN])([1-9][0-9]?)`;
/** `Amazon S3` / `AWS S3` is the storage service, not rule S3. */
const NOT_A_SERVICE = String.raw`(?<!Amazon |AWS )`;

// ---------------------------------------------------------------------------------------------------------------
// Files

function walk(path: string, out: string[] = []): string[] {
  const stat = statSync(path);
  if (stat.isFile()) {
    out.push(path);
    return out;
  }
  for (const entry of readdirSync(path).sort()) {
    if (SKIPPED_FOLDERS.has(entry)) continue;
    walk(join(path, entry), out);
  }
  return out;
}

function repoPath(path: string): string {
  return relative(root, path).split(sep).join('/');
}

function citingFiles(): string[] {
  return CITING.map((p) => join(root, p))
    .filter((p) => existsSync(p))
    .flatMap((p) => walk(p))
    .filter((f) => CITING_EXTENSIONS.some((ext) => f.endsWith(ext)))
    .map(repoPath);
}

function markdownFiles(): string[] {
  return walk(root)
    .filter((f) => f.endsWith('.md'))
    .map(repoPath);
}

function read(file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// Rule ids

interface Citation {
  id: string;
  line: number;
}

/** Every rule id `text` cites; a range `R1–R6` (en dash or hyphen, second letter optional) cites each id in it. */
function citedIds(text: string): Citation[] {
  const out: Citation[] = [];
  text.split('\n').forEach((lineText, i) => {
    const line = i + 1;
    const range = new RegExp(String.raw`${NOT_A_SERVICE}\b${ID}\s*[–-]\s*([SRCBTDN])?([1-9][0-9]?)\b`, 'g');
    const rest = lineText.replace(range, (whole, family: string, from: string, family2: string | undefined, to: string) => {
      const a = Number(from);
      const b = Number(to);
      if ((family2 !== undefined && family2 !== family) || b < a) return whole; // not a range: read as single ids
      for (let n = a; n <= b; n++) out.push({ id: `${family}${n}`, line });
      return ' ';
    });
    for (const m of rest.matchAll(new RegExp(String.raw`${NOT_A_SERVICE}\b${ID}\b`, 'g'))) {
      out.push({ id: `${m[1] ?? ''}${m[2] ?? ''}`, line });
    }
  });
  return out;
}

/** The ids docs/contract.md defines: `### R6: …` headings and `**R6**` bold anchors, each with its line. */
function definedIds(markdown: string): Citation[] {
  const out: Citation[] = [];
  const heading = new RegExp(String.raw`^#{1,6}\s+${ID}\b`);
  const bold = new RegExp(String.raw`^\*\*${ID}\b`);
  stripCode(markdown)
    .split('\n')
    .forEach((lineText, i) => {
      const m = heading.exec(lineText) ?? bold.exec(lineText);
      if (m !== null) out.push({ id: `${m[1] ?? ''}${m[2] ?? ''}`, line: i + 1 });
    });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown links

/** Fenced code blocks blanked (line numbers kept) and inline code spans emptied: links and headings in code are text. */
function stripCode(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence === undefined && open !== null) {
        fence = open[1]?.[0];
        return '';
      }
      if (fence !== undefined) {
        if (new RegExp(`^\\s{0,3}\\${fence}{3,}\\s*$`).test(line)) fence = undefined;
        return '';
      }
      return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (span) => span.replace(/`/g, '').replace(/[[\]()]/g, ' '));
    })
    .join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_ -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a Markdown file offers: its headings (duplicates get -1, -2…) and `<a id|name="…">`. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const raw = markdown.split('\n');
  stripCode(markdown)
    .split('\n')
    .forEach((line, i) => {
      const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (h !== null) {
        // The heading text with its code spans intact (stripCode blanked their brackets).
        const text = (/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw[i] ?? '')?.[1] ?? '').replace(/`/g, '');
        const base = slug(text);
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        anchors.add(n === 0 ? base : `${base}-${n}`);
      }
      for (const a of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(a[1] ?? '');
    });
  return anchors;
}

interface Link {
  target: string;
  line: number;
}

/** Inline links and images `[text](target "title")` and reference definitions `[label]: target`. */
function linksOf(markdown: string): Link[] {
  const out: Link[] = [];
  stripCode(markdown)
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g)) out.push({ target: m[1] ?? '', line: i + 1 });
      const ref = /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(line);
      if (ref !== null) out.push({ target: ref[1] ?? '', line: i + 1 });
    });
  return out;
}

const WEB = /^(?:https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What is wrong with one link of `file` (a path relative to `repoRoot`), or undefined when it is fine. */
function linkProblem(repoRoot: string, file: string, target: string, readText: (path: string) => string): string | undefined {
  if (target === '') return 'empty link';
  if (WEB.test(target) || target.startsWith('//')) return undefined;
  if (SCHEME.test(target)) return `${target} is not a web link and points outside the repository`;
  const hash = target.indexOf('#');
  const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const from = join(repoRoot, file);
  const resolved = pathPart === '' ? from : pathPart.startsWith('/') ? join(repoRoot, pathPart) : resolve(dirname(from), pathPart);
  const inRepo = relative(repoRoot, resolved);
  if (inRepo === '..' || inRepo.startsWith(`..${sep}`) || isAbsolute(inRepo)) {
    return `${target} points outside the repository`;
  }
  if (!existsSync(resolved)) return `${target}: ${inRepo.split(sep).join('/')} does not exist`;
  if (anchor !== undefined && anchor !== '' && resolved.endsWith('.md') && statSync(resolved).isFile()) {
    if (!anchorsOf(readText(resolved)).has(anchor.toLowerCase())) return `${target}: no heading #${anchor} in ${inRepo.split(sep).join('/')}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

describe('the checks themselves', () => {
  it('reads single ids, ranges and lists, and leaves Amazon S3 and identifiers like T0 alone', () => {
    const text = 'R7 manual rollback\n(S7–S9, R8)\nR1-R3 and T1–T5\nstored in Amazon S3; const T0 = 1; S13';
    expect(citedIds(text).map((c) => `${c.id}@${c.line}`)).toEqual([
      'R7@1',
      'S7@2', 'S8@2', 'S9@2', 'R8@2',
      'R1@3', 'R2@3', 'R3@3', 'T1@3', 'T2@3', 'T3@3', 'T4@3', 'T5@3',
      'S13@4',
    ]);
  });

  it('finds rule definitions in headings and bold anchors, not in code blocks', () => {
    const md = '## S1: one\ntext R2\n**C3** bold\n```\n### B4: in code\n```\n### N5 plain';
    expect(definedIds(md).map((c) => c.id)).toEqual(['S1', 'C3', 'N5']);
  });

  it("makes GitHub's anchors from headings", () => {
    expect(slug('S1: Manifests are AWS request shapes')).toBe('s1-manifests-are-aws-request-shapes');
    expect(slug('ecs-rolling (R1–R8)')).toBe('ecs-rolling-r1r8');
    expect(slug('src/core/ — what the actions share')).toBe('srccore--what-the-actions-share');
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n<a id="x"></a>')]).toEqual(['a', 'a-1', 'x']);
  });

  it('flags links that leave the repository, miss their file or their heading, and accepts the rest', () => {
    const md = [
      '[ok](contract.md) [web](https://docs.aws.amazon.com/) [anchor](contract.md#s3-everything-is-checked-before-the-first-change)',
      '[up](../../outside.md) [abs](/nowhere/else.md) [file](file:///etc/passwd)',
      '[gone](missing.md) [bad anchor](contract.md#no-such-heading) `[code](../../ignored.md)`',
      '[ref]: ../../also-outside.md',
    ].join('\n');
    const problems = linksOf(md).map((l) => [l.target, linkProblem(root, 'docs/example.md', l.target, (p) => readFileSync(p, 'utf8'))]);
    expect(problems).toEqual([
      ['contract.md', undefined],
      ['https://docs.aws.amazon.com/', undefined],
      ['contract.md#s3-everything-is-checked-before-the-first-change', undefined],
      ['../../outside.md', expect.stringContaining('outside the repository')],
      ['/nowhere/else.md', expect.stringContaining('does not exist')],
      ['file:///etc/passwd', expect.stringContaining('outside the repository')],
      ['missing.md', expect.stringContaining('does not exist')],
      ['contract.md#no-such-heading', expect.stringContaining('no heading')],
      ['../../also-outside.md', expect.stringContaining('outside the repository')],
    ]);
  });
});

describe('docs/contract.md defines the rule ids', () => {
  const defined = definedIds(read(CONTRACT));

  it('defines each id once', () => {
    const ids = defined.map((d) => d.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice).toEqual([]);
  });

  it('defines every rule of every family, and no other', () => {
    const expected = Object.entries(FAMILIES).flatMap(([family, count]) => Array.from({ length: count }, (_, i) => `${family}${i + 1}`));
    expect(defined.map((d) => d.id).sort()).toEqual(expected.sort());
  });

  it('every rule id cited in the repository is defined there', () => {
    const known = new Set(defined.map((d) => d.id));
    const files = citingFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', CONTRACT, 'src/core/run.ts', 'actions/ecs-rolling/README.md']));
    const citations = files.flatMap((file) => citedIds(read(file)).map((c) => ({ file, ...c })));
    expect(citations.length).toBeGreaterThan(100);
    const undefinedIds = citations.filter((c) => !known.has(c.id)).map((c) => `${c.file}:${c.line} cites ${c.id}`);
    expect(undefinedIds).toEqual([]);
  });
});

describe('Markdown links stay inside the repository', () => {
  const files = markdownFiles();

  it('finds the documents that must be checked', () => {
    for (const f of ['README.md', 'docs/README.md', CONTRACT, 'docs/architecture.md', 'docs/adding-an-action.md', 'bench/README.md', 'src/emulator/README.md']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^actions\/[^/]+\/README\.md$/.test(f)).length).toBeGreaterThanOrEqual(2);
  });

  it('every link points at an existing file (and heading) inside the repository', () => {
    const problems = files.flatMap((file) =>
      linksOf(read(file)).flatMap((l) => {
        const p = linkProblem(root, file, l.target, (path) => readFileSync(path, 'utf8'));
        return p === undefined ? [] : [`${file}:${l.line}: ${p}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('README.md links the docs', () => {
    const targets = linksOf(read('README.md')).map((l) => l.target);
    expect(targets).toEqual(expect.arrayContaining(['docs/README.md', 'docs/contract.md', 'docs/architecture.md']));
  });
});

describe('no file names a document outside the repository', () => {
  it('cites docs/ rather than SPEC, DEVELOPERS.md, ARCHITECTURE.md or ../shared', () => {
    const outside = /\.\.\/shared\/|\b(?:SPEC|DEVELOPERS|ARCHITECTURE)\.md\b|\bSPEC\b/;
    const hits = citingFiles()
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) =>
        read(file)
          .split('\n')
          .flatMap((line, i) => (outside.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(hits).toEqual([]);
  });
});
