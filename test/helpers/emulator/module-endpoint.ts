/**
 * Serves emulator service modules on 127.0.0.1 the way AWS addresses them (Query form `Action` for ELBv2,
 * `X-Amz-Target` for JSON 1.1), so module tests can drive them with the real SDK clients before (and
 * independently of) the full emulator server. Only for tests of the modules themselves.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../../../src/emulator/contracts.js';
import type { ServiceModule, World } from '../../../src/emulator/contracts.js';
import { parseQueryBody, queryErrorXml, queryResponseXml } from '../../../src/emulator/query-protocol.js';

export interface ModuleEndpoint {
  url: string;
  close(): Promise<void>;
}

export async function serveModules(modules: { query?: ServiceModule; json: Record<string, ServiceModule> }, world: World): Promise<ModuleEndpoint> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const requestId = randomUUID();
      const target = req.headers['x-amz-target'];
      if (typeof target === 'string') {
        const [prefix = '', operation = ''] = target.split('.');
        const module = modules.json[prefix];
        const reply = (status: number, payload: unknown) => {
          res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId });
          res.end(JSON.stringify(payload));
        };
        const handler = module?.operations[operation];
        if (!handler) return reply(400, { __type: 'UnknownOperationException', message: `Unknown operation ${target}` });
        try {
          reply(200, handler(JSON.parse(body || '{}') as Record<string, unknown>, world) ?? {});
        } catch (err) {
          if (!(err instanceof AwsServiceError)) throw err;
          reply(err.status, { __type: err.code, message: err.message });
        }
        return;
      }
      const { action, params } = parseQueryBody(body);
      const handler = modules.query?.operations[action];
      const reply = (status: number, xml: string) => {
        res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
        res.end(xml);
      };
      if (!handler) return reply(400, queryErrorXml(new AwsServiceError('InvalidAction', `Unknown action ${action}`), requestId));
      try {
        reply(200, queryResponseXml(action, handler(params, world), requestId));
      } catch (err) {
        if (!(err instanceof AwsServiceError)) throw err;
        reply(err.status, queryErrorXml(err, requestId));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
