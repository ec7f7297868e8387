/**
 * Loaded into an action process with NODE_OPTIONS=--import=<this file> (benchmarks only). Appends JSON lines to
 * the file named by BENCH_PRELOAD_OUT: the process's peak RSS and uptime when its first HTTP request starts
 * (the first AWS request), and its peak RSS at exit. Uses only Node built-ins and writes synchronously.
 */
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';

const out = process.env['BENCH_PRELOAD_OUT'];
if (out !== undefined && out !== '') {
  const write = (event: string): void => {
    const usage = process.resourceUsage();
    const mem = process.memoryUsage();
    const line = {
      event,
      uptimeMs: performance.now(),
      maxRssKiB: usage.maxRSS,
      rssBytes: mem.rss,
      heapTotalBytes: mem.heapTotal,
      heapUsedBytes: mem.heapUsed,
      externalBytes: mem.external,
      arrayBuffersBytes: mem.arrayBuffers,
      pid: process.pid,
    };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  };
  let seen = false;
  const first = (): void => {
    if (seen) return;
    seen = true;
    write('first-request');
  };
  subscribe('http.client.request.created', first);
  subscribe('http.client.request.start', first);
  subscribe('undici:request:create', first);
  process.once('exit', () => write('exit'));
}
