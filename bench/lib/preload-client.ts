/** Reading what memory-preload.ts wrote for one process. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PreloadReport {
  firstRequest?: { uptimeMs: number; maxRssKiB: number; rssBytes: number };
  exit?: { uptimeMs: number; maxRssKiB: number; rssBytes: number };
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
    const entry = JSON.parse(line) as { event: string; uptimeMs: number; maxRssKiB: number; rssBytes: number };
    const value = { uptimeMs: entry.uptimeMs, maxRssKiB: entry.maxRssKiB, rssBytes: entry.rssBytes };
    if (entry.event === 'first-request') report.firstRequest = value;
    if (entry.event === 'exit') report.exit = value;
  }
  return report;
}

export const kibToMiB = (kib: number): number => kib / 1024;
