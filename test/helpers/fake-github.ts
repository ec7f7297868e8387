/** A loopback fake of the GitHub REST API that records every call (tests point GITHUB_API_URL at it). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedGitHubCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export interface FakeGitHub {
  url: string;
  calls: RecordedGitHubCall[];
  stop(): Promise<void>;
}

/** `failWith`: answer every call with this HTTP status (to check that API failures are only warnings). */
export async function startFakeGitHub(options: { failWith?: number } = {}): Promise<FakeGitHub> {
  const calls: RecordedGitHubCall[] = [];
  let nextId = 1000;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      calls.push({ method: req.method ?? '', path: req.url ?? '', body, authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (options.failWith !== undefined) {
        res.statusCode = options.failWith;
        res.end(JSON.stringify({ message: 'fake failure' }));
        return;
      }
      res.statusCode = 201;
      nextId += 1;
      res.end(JSON.stringify({ id: nextId, ...body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
