/** Reading what memory-preload.ts wrote for one process. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PreloadSnapshot {
  uptimeMs: number;
  maxRssKiB: number;
  rssBytes: number;
  heapTotalBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
}

export interface PreloadReport {
  firstRequest?: PreloadSnapshot;
  exit?: PreloadSnapshot;
}

const preloadPath = join(import.meta.dirname, 'memory-preload.js');

/** Environment that loads the preload, and the file it reports to. */
export function preloadEnv(): { env: Record<string, string>; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-mem-')), 'report.jsonl');
  return { env: { NODE_OPTIONS: `--import=${pathToFileURL(preloadPath).href}`, BENCH_PRELOAD_OUT: file }, file };
}

export function readPreload(file: string): PreloadReport {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const report: PreloadReport = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const { event, ...value } = JSON.parse(line) as PreloadSnapshot & { event: string; pid: number };
    if (event === 'first-request') report.firstRequest = value;
    if (event === 'exit') report.exit = value;
  }
  return report;
}

export const kibToMiB = (kib: number): number => kib / 1024;
export const bytesToMiB = (bytes: number): number => bytes / 2 ** 20;

/** `heap 40.1/52.3 MiB, external 3.2 MiB`: where the memory was at that moment. */
export function describeMemory(s: PreloadSnapshot | undefined): string {
  if (s === undefined) return 'n/a';
  const mib = (b: number): string => bytesToMiB(b).toFixed(1);
  return `rss ${mib(s.rssBytes)} MiB (heap used ${mib(s.heapUsedBytes)} of ${mib(s.heapTotalBytes)}, external ${mib(s.externalBytes)}, array buffers ${mib(s.arrayBuffersBytes)})`;
}
