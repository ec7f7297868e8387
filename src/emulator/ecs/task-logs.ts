/** The awslogs driver: containers write lines to `<group>` / `<prefix>/<container>/<task-id>` while they run. */
import type { EcsContext } from './context.js';
import type { ContainerRec } from './state.js';

export function writeLogs(ctx: EcsContext, container: ContainerRec, lines: string[]): void {
  const target = container.awslogs;
  if (!target || lines.length === 0) return;
  const logs = ctx.logs();
  if (!logs.hasGroup(target.group)) return; // deleted while running: the driver's lines are lost, as on AWS
  try {
    logs.append(target.group, target.stream, lines, ctx.clock.now());
  } catch {
    // A logs backend refusing the write must not break the task simulation.
  }
}

/** Checks (and with awslogs-create-group creates) every awslogs group; returns the first missing group. */
export function prepareLogGroups(ctx: EcsContext, containers: ContainerRec[]): string | undefined {
  const logs = ctx.logs();
  for (const c of containers) {
    const target = c.awslogs;
    if (!target || logs.hasGroup(target.group)) continue;
    if (target.createGroup) logs.createGroup(target.group);
    else return target.group;
  }
  return undefined;
}
