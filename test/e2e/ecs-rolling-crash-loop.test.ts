/**
 * ecs-rolling end to end, a crash loop (issue 10, "crash loops are noisy"; S6, S9): a deployment of an image whose
 * container exits at once, without a circuit breaker, so ECS keeps replacing the tasks. The wait is followed for
 * about 60 s of simulated time (the emulator at 10× speed, SIGINT after 6 s), and the lines of the step log's wait
 * group are counted. Before the watcher folded repeats, that minute printed one event line per started task, one
 * `Task … stopped` line per crashed task and a progress line per poll (88 lines); now repeats are folded into a
 * few summary lines, and what they stand for is still said (how many events, how many tasks).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ECSClient, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { deployInputs, runRolling, serviceDefinitionJson, standardWorkspace } from '../helpers/ecs-rolling-e2e.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitForOutput } from '../helpers/run-action.js';

const SPEED = 10;
const SIMULATED_MS = 60_000;
/** Without a circuit breaker ECS keeps replacing crashing tasks: the deployment never ends by itself. */
const noBreaker = serviceDefinitionJson({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } });

let emu: TestEmulator;
let ecs: ECSClient;
beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: SPEED });
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});

/** The lines of the step log's `Wait for deployment` group (what a user scrolls through). */
function waitGroup(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('::group::Wait for deployment'));
  const end = lines.findIndex((l, i) => i > start && l === '::endgroup::');
  return start < 0 || end < 0 ? [] : lines.slice(start + 1, end);
}

describe('a crash-looping deployment (S6, S9)', () => {
  it('prints a bounded number of lines for a minute of crash loop, and still says how many tasks crashed', async () => {
    const workspace = standardWorkspace({ 'service.json': noBreaker });
    const good = await runRolling(emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(good.exitCode).toBe(0);

    const run = await runRolling(emu, deployInputs('registry.example.com/web:crash', { 'rollback-on-failure': false }), {
      workspace,
      onStart: (child, output) => {
        void waitForOutput(output, (text) => text.includes('::group::Wait for deployment')).then(() =>
          setTimeout(() => child.kill('SIGINT'), SIMULATED_MS / SPEED),
        );
      },
    });
    expect(run.exitCode).toBe(1);
    const group = waitGroup(run.stdout);
    const events = group.filter((l) => l.startsWith('# AWS Event: '));
    const stopped = group.filter((l) => / stopped: /.test(l));
    // Reported in issue 10's work: 88 lines before (43 events, 42 stopped-task lines, 3 progress lines).
    if (process.env['SHOW_GROUP'] === '1') process.stdout.write(`${group.join('\n')}\n`);
    process.stdout.write(`crash loop, ~60 s simulated: ${group.length} lines in the wait group (${events.length} events, ${stopped.length} stopped-task lines)\n`);

    // The loop really ran: ECS started dozens of tasks meanwhile.
    const service = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
    const started = (service?.events ?? []).filter((e) => /has started \d+ tasks/.test(e.message ?? ''));
    expect(started.length).toBeGreaterThan(15);

    expect(group.length).toBeLessThanOrEqual(20);
    // The first of each kind is printed in full, the repeats are counted, never silently dropped.
    expect(events.some((l) => /has started \d+ tasks: \(task [0-9a-f]+\)/.test(l))).toBe(true);
    expect(events.some((l) => /\(\+\d+ similar events since \d\d:\d\d:\d\d\.\d{3}\)$/.test(l))).toBe(true);
    expect(new Set(events).size).toBe(events.length);
    expect(stopped[0]).toMatch(/^Task [0-9a-f]+ stopped: Essential container in task exited \(container web exit code 1\)$/);
    expect(stopped.some((l) => /\(\+\d+ more tasks stopped the same way\)$/.test(l))).toBe(true);
    // The step's error still counts every crashed task (S9).
    expect(run.stdout).toMatch(/::error::cancelled after .*Stopped tasks: Essential container in task exited \(container web exit code 1\) \[\d{2,} tasks\]/);
  }, 120_000);
});
