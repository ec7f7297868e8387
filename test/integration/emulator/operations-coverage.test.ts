/**
 * Every AWS operation our code calls must exist in the emulator. The commands are found in the sources
 * (imports of `XxxCommand` from the SDK clients under src/core and src/actions); each is sent to the
 * emulator the way its client sends it, and an unknown-operation answer fails this test loudly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as autoscaling from '@aws-sdk/client-application-auto-scaling';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ecs from '@aws-sdk/client-ecs';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

type Client = 'ecs' | 'elastic-load-balancing-v2' | 'application-auto-scaling' | 'cloudwatch-logs' | 'cloudwatch';

const JSON_TARGET: Record<Exclude<Client, 'elastic-load-balancing-v2'>, string> = {
  ecs: 'AmazonEC2ContainerServiceV20141113',
  'application-auto-scaling': 'AnyScaleFrontendService',
  'cloudwatch-logs': 'Logs_20140328',
  cloudwatch: 'GraniteServiceVersion20100801',
};
const SDK: Record<Client, Record<string, unknown>> = {
  ecs,
  'elastic-load-balancing-v2': elbv2,
  'application-auto-scaling': autoscaling,
  'cloudwatch-logs': logs,
  cloudwatch,
};

function sources(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sources(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** `ListTasksCommand` imported (as a value) from `@aws-sdk/client-ecs` → { client: 'ecs', operation: 'ListTasks' }. */
function usedOperations(): { client: Client; operation: string }[] {
  const found = new Map<string, { client: Client; operation: string }>();
  const importRe = /import\s*\{([^}]*)\}\s*from\s*['"]@aws-sdk\/client-(ecs|elastic-load-balancing-v2|application-auto-scaling|cloudwatch-logs|cloudwatch)['"]/g;
  for (const file of [...sources('src/core'), ...sources('src/actions')]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importRe)) {
      const client = match[2] as Client;
      for (const raw of (match[1] ?? '').split(',')) {
        const name = raw.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '';
        if (raw.trim().startsWith('type ')) continue;
        const op = /^([A-Z][A-Za-z0-9]*)Command$/.exec(name)?.[1];
        if (op) found.set(`${client}:${op}`, { client, operation: op });
      }
    }
  }
  return [...found.values()].sort((a, b) => `${a.client}${a.operation}`.localeCompare(`${b.client}${b.operation}`));
}

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu.stop());

/** The error code the emulator answers an empty request with ('' when it succeeded). */
async function errorCodeFor(client: Client, operation: string): Promise<string> {
  if (client === 'elastic-load-balancing-v2') {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=${operation}&Version=2015-12-01`,
    });
    return res.ok ? '' : (/<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1] ?? `HTTP ${res.status}`);
  }
  const res = await fetch(emu.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${JSON_TARGET[client]}.${operation}` },
    body: '{}',
  });
  return res.ok ? '' : (((await res.json()) as { __type?: string }).__type ?? `HTTP ${res.status}`);
}

describe('operations our code calls', () => {
  const used = usedOperations();

  it('are found in the sources and are real SDK commands', () => {
    expect(used.length).toBeGreaterThan(0);
    for (const { client, operation } of used) expect([client, operation, typeof SDK[client][`${operation}Command`]]).toEqual([client, operation, 'function']);
  });

  it('are all implemented by the emulator (none answers UnknownOperationException / InvalidAction)', async () => {
    const missing: string[] = [];
    for (const { client, operation } of used) {
      const code = await errorCodeFor(client, operation);
      if (code === 'UnknownOperationException' || code === 'InvalidAction') missing.push(`${client}:${operation}`);
    }
    expect(missing).toEqual([]);
  });

  it('would notice a missing one', async () => {
    expect(await errorCodeFor('ecs', 'CreateTaskSet')).toBe('UnknownOperationException');
    expect(await errorCodeFor('elastic-load-balancing-v2', 'CreateTrustStore')).toBe('InvalidAction');
    expect(await errorCodeFor('cloudwatch', 'GetMetricData')).toBe('UnknownOperationException');
  });
});
