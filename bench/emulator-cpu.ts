/**
 * `npm run bench:emulator`: the emulator's own CPU use during a 50-service rolling deployment at --speed 10
 * (issue 3). The emulator runs as its own process (the CLI, as `npm run emulator` starts it); its CPU time is read
 * from /proc/<pid>/stat, so the SDK clients driving it here are not counted.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';

const SERVICES = Number(process.env['BENCH_SERVICES'] ?? 50);
const TASKS = Number(process.env['BENCH_TASKS'] ?? 4);
const SPEED = 10;
const CLOCK_TICKS = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, [join(root, '.build', 'src', 'emulator', 'cli.js'), '--port', '0', '--speed', String(SPEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((res, rej) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(text);
      if (m) res(m[0]);
    });
    child.on('exit', () => rej(new Error(`emulator exited: ${text}`)));
  });
  const ecs = new ECSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 10 });
  try {
    await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }));
    const register = async (image: string): Promise<string> =>
      (await ecs.send(new RegisterTaskDefinitionCommand({ family: 'bench', memory: '512', containerDefinitions: [{ name: 'app', image }] })))
        .taskDefinition?.taskDefinitionArn ?? '';
    const v1 = await register('app:1');
    const v2 = await register('app:2');
    const names = Array.from({ length: SERVICES }, (_, i) => `svc-${i}`);
    const deploymentConfiguration = { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } };
    await Promise.all(names.map((n) => ecs.send(new CreateServiceCommand({ cluster: 'bench', serviceName: n, taskDefinition: v1, desiredCount: TASKS, deploymentConfiguration }))));
    const waitAll = async (arn: string): Promise<void> => {
      for (;;) {
        let done = 0;
        for (let i = 0; i < names.length; i += 10) {
          const out = await ecs.send(new DescribeServicesCommand({ cluster: 'bench', services: names.slice(i, i + 10) }));
          done += (out.services ?? []).filter(
            (s) => s.deployments?.length === 1 && s.taskDefinition === arn && s.deployments[0]?.rolloutState === 'COMPLETED' && s.runningCount === TASKS,
          ).length;
        }
        if (done === names.length) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    await waitAll(v1);
    const cpu0 = cpuSeconds(child.pid ?? 0);
    const t0 = Date.now();
    await Promise.all(names.map((n) => ecs.send(new UpdateServiceCommand({ cluster: 'bench', service: n, taskDefinition: v2 }))));
    await waitAll(v2);
    const wall = (Date.now() - t0) / 1000;
    const cpu = cpuSeconds(child.pid ?? 0) - cpu0;
    console.log(`Emulator CPU during a ${SERVICES}-service rolling deployment (${TASKS} tasks each, --speed ${SPEED}):`);
    console.log(`  wall ${wall.toFixed(1)} s, emulator CPU ${cpu.toFixed(2)} s, average ${(cpu / wall).toFixed(3)} cores (target < 1 core)`);
    console.log('  (includes answering the DescribeServices polls of this script, 5 calls per second)');
  } finally {
    ecs.destroy();
    child.kill('SIGINT');
  }
}

await main();
