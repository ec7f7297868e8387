/**
 * A tiny HTTP server on 127.0.0.1 that records each request body and answers with whatever the test's
 * responder returns, so a test can see exactly what a real SDK client sends and how it reads an answer.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface LoopbackReply {
  status: number;
  body: string;
  contentType?: string;
}

export interface LoopbackServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startLoopbackServer(respond: (req: RecordedRequest) => LoopbackReply): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const reply = respond(recorded);
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/xml' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export const dummyCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
