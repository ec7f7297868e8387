import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USER_AGENT_SUFFIX, VERSION } from '../../../src/core/version.js';

describe('version', () => {
  it("equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
  it('names the suite in the user agent suffix', () => {
    expect(USER_AGENT_SUFFIX).toBe(`ecs-delivery-actions/${VERSION}`);
    expect(USER_AGENT_SUFFIX).toMatch(/^ecs-delivery-actions\/\d+\.\d+\.\d+$/);
  });
});
