/**
 * One HTTP endpoint for every emulated service, addressed the way the AWS SDK v3 clients address them:
 * JSON 1.1 by `X-Amz-Target` (ECS, Application Auto Scaling, CloudWatch Logs), JSON 1.0 by `X-Amz-Target`
 * (CloudWatch, awsQuery-compatible errors) and the AWS Query protocol by form `Action` (ELBv2). Each call is logged, may meet an injected fault or the throttle, then reaches its module.
 * `/_emulator/...` is the control API (control.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAutoScalingModule } from './autoscaling/index.js';
import { createCloudWatchModule } from './cloudwatch/index.js';
import { AwsServiceError, type EmulatorOptions, type ServiceModule, type World } from './contracts.js';
import { CallLog, Faults, handleControl, Throttle, throttlingError, type CallRecord } from './control.js';
import { parseRegisterSpec } from './ecs/container-instances.js';
import { createEcsModule } from './ecs/index.js';
import { createElbv2Module } from './elbv2/index.js';
import { createLogsModule } from './logs/index.js';
import { parseQueryBody, queryErrorXml, queryResponseXml } from './query-protocol.js';
import { createRandom } from './random.js';
import { createSimClock } from './sim-clock.js';

export interface ServerOptions extends EmulatorOptions {
  /** Seed for fault draws and generated ids (default 1). */
  seed?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** JSON target prefix → module name. */
const JSON_TARGETS: Record<string, string> = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  AnyScaleFrontendService: 'application-autoscaling',
  Logs_20140328: 'logs',
  GraniteServiceVersion20100801: 'monitoring',
};
const MAX_BODY = 16 * 1024 * 1024;

interface Call {
  service: string;
  operation: string;
  params: Record<string, unknown>;
  protocol: 'json' | 'query';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new AwsServiceError('RequestEntityTooLarge', 'Request body too large', 413));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Works out service, operation and parameters; throws the error AWS answers for an unroutable request. */
function route(req: IncomingMessage, body: string, modules: Map<string, ServiceModule>): Call {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const dot = target.lastIndexOf('.');
    const service = JSON_TARGETS[target.slice(0, dot)];
    const operation = target.slice(dot + 1);
    if (!service || !modules.get(service)?.operations[operation]) {
      throw new AwsServiceError('UnknownOperationException', `Operation ${target} is not supported by this endpoint.`);
    }
    let params: unknown;
    try {
      params = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      throw new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.');
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new AwsServiceError('SerializationException', 'Expected a JSON object as the request body.');
    }
    return { service, operation, params: params as Record<string, unknown>, protocol: 'json' };
  }
  const query = parseQueryBody(body);
  if (query.action === '') throw new AwsServiceError('MissingAction', 'Missing Action parameter', 400);
  if (!modules.get('elasticloadbalancing')?.operations[query.action]) {
    throw new AwsServiceError('InvalidAction', `Could not find operation ${query.action} for version ${query.version || '2015-12-01'}`);
  }
  return { service: 'elasticloadbalancing', operation: query.action, params: query.params, protocol: 'query' };
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const jsonContentType = (module: ServiceModule | undefined): string => `application/x-amz-json-${module?.json?.version ?? '1.1'}`;

function sendError(res: ServerResponse, protocol: 'json' | 'query', err: AwsServiceError, requestId: string, module?: ServiceModule): void {
  if (protocol === 'query') {
    send(res, err.status, 'text/xml', queryErrorXml(err, requestId), { 'x-amzn-requestid': requestId });
    return;
  }
  const compatible = module?.json?.queryCompatible;
  if (compatible !== undefined) {
    const body = JSON.stringify({ __type: compatible.errorShape(err.code), message: err.message });
    send(res, err.status, jsonContentType(module), body, { 'x-amzn-requestid': requestId, 'x-amzn-query-error': `${err.code};${err.fault}` });
    return;
  }
  const body = JSON.stringify({ __type: err.code, message: err.message });
  send(res, err.status, jsonContentType(module), body, { 'x-amzn-requestid': requestId, 'x-amzn-errortype': err.code });
}

export async function startEmulatorServer(options: ServerOptions = {}): Promise<RunningEmulator> {
  const seed = options.seed ?? 1;
  const clock = createSimClock(options.speed ?? 1);
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const taskStartMs = options.taskStartMs ?? 1000;
  const ids = createRandom(seed + 1);
  const base = { clock, region, accountId };
  const elb = createElbv2Module(base);
  const logs = createLogsModule(base);
  const autoscaling = createAutoScalingModule(base);
  const cloudwatch = createCloudWatchModule(base);
  const assembled: { world?: World } = {};
  const ecs = createEcsModule({
    ...base,
    taskStartMs,
    stageMs: options.stageMs ?? taskStartMs,
    waitForDeregistrationDelay: options.waitForDeregistrationDelay,
    random: createRandom(seed + 2),
    world: () => assembled.world as World,
  });
  const world: World = {
    region,
    accountId,
    clock,
    taskStartMs,
    elb: elb.backend,
    logs: logs.backend,
    ecs: ecs.backend,
    autoscaling: autoscaling.backend,
    cloudwatch: cloudwatch.backend,
  };
  assembled.world = world;
  const modules = new Map<string, ServiceModule>(
    [ecs.module, elb.module, autoscaling.module, logs.module, cloudwatch.module].map((m) => [m.service, m]),
  );
  const calls = new CallLog();
  const faults = new Faults(createRandom(seed));
  const throttle = new Throttle(options.throttle ?? false);
  const controls = {
    calls,
    faults,
    reset() {
      clock.cancelAll();
      for (const m of modules.values()) m.reset();
      calls.clear();
      faults.clear();
      throttle.reset();
    },
    registerContainerInstances: (body: unknown) => ecs.registerContainerInstances(parseRegisterSpec(body)),
    hooks: ecs.hooks,
    state: () => ({
      emulator: { region, accountId, speed: clock.speed, taskStartMs, throttle: throttle.enabled, simNow: clock.now(), pendingTimers: clock.pending() },
      ...Object.fromEntries([...modules.values()].map((m) => [m.service, m.dump()])),
    }),
  };

  async function handleAws(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const requestId = ids.uuid();
    const started = Date.now();
    const record: CallRecord = { time: started, simTime: clock.now(), service: 'unknown', operation: 'unknown', parameters: {}, status: 200, requestId, durationMs: 0 };
    const finish = (status: number, error?: string): void => {
      record.status = status;
      if (error !== undefined) record.error = error;
      record.durationMs = Date.now() - started;
      calls.add(record);
      if (options.verbose) process.stderr.write(`[emulator] ${record.service}.${record.operation} ${status}${error ? ` ${error}` : ''}\n`);
    };
    let protocol: 'json' | 'query' = typeof req.headers['x-amz-target'] === 'string' ? 'json' : 'query';
    try {
      const call = route(req, body, modules);
      protocol = call.protocol;
      Object.assign(record, { service: call.service, operation: call.operation, parameters: call.params });
      const decision = faults.decide(call.service, call.operation);
      if (decision?.kind === 'reset') {
        record.fault = 'reset';
        finish(0, 'ConnectionReset');
        req.socket.destroy();
        return;
      }
      if (decision?.kind === 'delay') {
        record.fault = 'delay';
        await new Promise((resolve) => setTimeout(resolve, decision.ms));
      }
      if (decision?.kind === 'error') {
        record.fault = 'error';
        throw decision.error;
      }
      if (!throttle.take(call.service, call.operation)) throw throttlingError(call.service);
      const handler = modules.get(call.service)?.operations[call.operation];
      if (!handler) throw new AwsServiceError('UnknownOperationException', `Unknown operation ${call.operation}`);
      const result = (await handler(call.params, world)) ?? {};
      if (protocol === 'query') send(res, 200, 'text/xml', queryResponseXml(call.operation, result, requestId), { 'x-amzn-requestid': requestId });
      else send(res, 200, jsonContentType(modules.get(call.service)), JSON.stringify(result), { 'x-amzn-requestid': requestId });
      finish(200);
    } catch (err) {
      const awsError =
        err instanceof AwsServiceError
          ? err
          : new AwsServiceError('InternalFailure', `The emulator failed: ${err instanceof Error ? err.message : String(err)}`, 500);
      if (!(err instanceof AwsServiceError)) process.stderr.write(`[emulator] internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      sendError(res, protocol, awsError, requestId, modules.get(record.service));
      finish(awsError.status, awsError.code);
    }
  }

  const server = createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname.startsWith('/_emulator/')) {
          const out = handleControl(req.method ?? 'GET', url.pathname.slice('/_emulator/'.length), url.searchParams, body, controls);
          send(res, out.status, 'application/json', JSON.stringify(out.body));
          return;
        }
        await handleAws(req, res, body);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ message: String(err) }));
      });
  });
  server.keepAliveTimeout = 5000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        clock.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
