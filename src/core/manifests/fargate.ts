/**
 * Fargate task sizes. Task-level `cpu` is CPU units (`1024`) or vCPUs (`1 vCPU`, `1 vcpu`); `memory` is MiB
 * (`2048`) or GB (`2GB`, `2 GB`), as RegisterTaskDefinition documents. Valid combinations, from the ECS guide
 * ("Troubleshoot Amazon ECS task definition invalid CPU or memory errors") and the API reference:
 *   256 → 512, 1024, 2048            512 → 1024..4096 step 1024        1024 → 2048..8192 step 1024
 *   2048 → 4096..16384 step 1024     4096 → 8192..30720 step 1024
 *   8192 → 16384..61440 step 4096    16384 → 32768..122880 step 8192
 */

interface MemoryRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

const GB = 1024;
export const FARGATE_SIZES: ReadonlyMap<number, MemoryRange> = new Map([
  [256, { min: 512, max: 2 * GB, step: 512 }],
  [512, { min: 1 * GB, max: 4 * GB, step: GB }],
  [1024, { min: 2 * GB, max: 8 * GB, step: GB }],
  [2048, { min: 4 * GB, max: 16 * GB, step: GB }],
  [4096, { min: 8 * GB, max: 30 * GB, step: GB }],
  [8192, { min: 16 * GB, max: 60 * GB, step: 4 * GB }],
  [16384, { min: 32 * GB, max: 120 * GB, step: 8 * GB }],
]);

/** CPU units from `1024`, `0.25 vCPU`, `.5 vcpu`, `2 vCPU`; undefined when unreadable. */
export function parseCpuUnits(value: string): number | undefined {
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const v = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(s);
  return v === null ? undefined : Math.round(Number(v[1]) * 1024);
}

/** MiB from `2048`, `2GB`, `0.5 GB`; undefined when unreadable. */
export function parseMemoryMiB(value: string): number | undefined {
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const v = /^(\d+(?:\.\d+)?|\.\d+)\s*GB$/i.exec(s);
  return v === null ? undefined : Math.round(Number(v[1]) * GB);
}

/** The memory sizes (MiB) Fargate accepts with `cpu` units; empty when the cpu value itself is not a Fargate size. */
export function fargateMemoryChoices(cpu: number): number[] {
  const range = FARGATE_SIZES.get(cpu);
  if (range === undefined) return [];
  const out: number[] = [];
  for (let m = range.min; m <= range.max; m += range.step) out.push(m);
  return out;
}

/** Undefined when (cpu, memory) is a valid Fargate size, else why not. */
export function fargateSizeProblem(cpu: number, memory: number): string | undefined {
  const range = FARGATE_SIZES.get(cpu);
  if (range === undefined) {
    return `cpu ${cpu} is not a Fargate task size; use one of ${[...FARGATE_SIZES.keys()].join(', ')} CPU units`;
  }
  if (fargateMemoryChoices(cpu).includes(memory)) return undefined;
  const { min, max, step } = range;
  const choices = cpu === 256 ? '512, 1024 or 2048' : `${min} to ${max} in steps of ${step}`;
  return `memory ${memory} MiB does not fit cpu ${cpu} on Fargate; with cpu ${cpu} use ${choices} MiB`;
}
