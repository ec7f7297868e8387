import { describe, expect, it } from '@jest/globals';
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import { chooseDeployStrategy } from '../../../../src/core/deploy/index.js';
import { ConfigurationError } from '../../../../src/core/errors.js';

const live = (fields: Partial<Service>): Service => ({ serviceName: 'web', status: 'ACTIVE', ...fields });

function refusal(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('chooseDeployStrategy (N1)', () => {
  it('follows the ECS controller with the ROLLING strategy, said or implied', () => {
    expect(chooseDeployStrategy('web', live({}), undefined)).toBe('rolling');
    expect(chooseDeployStrategy('web', live({ deploymentController: { type: 'ECS' } }), undefined)).toBe('rolling');
    expect(chooseDeployStrategy('web', live({ deploymentConfiguration: { strategy: 'ROLLING' } }), undefined)).toBe('rolling');
    expect(chooseDeployStrategy('web', undefined, undefined)).toBe('rolling');
  });

  it.each(['CODE_DEPLOY', 'EXTERNAL'] as const)('refuses a live %s service, naming the controller and what to do', (type) => {
    const e = refusal(() => chooseDeployStrategy('web', live({ deploymentController: { type } }), undefined));
    expect(e.location).toEqual({ input: 'service' });
    expect(e.message).toContain(`service web uses the ${type} deployment controller`);
    expect(e.message).toMatch(/deploy it with|re-create the service/);
    expect(e.message).toContain('Nothing was changed.');
  });

  // Issue 16 replaced N1's refusal of ECS's own strategies with following them (N2–N4).
  it.each(['BLUE_GREEN', 'LINEAR', 'CANARY'] as const)('follows the native ECS strategy %s as a service deployment (N2)', (strategy) => {
    expect(chooseDeployStrategy('web', live({ deploymentConfiguration: { strategy } }), undefined)).toBe('native');
    expect(chooseDeployStrategy('web', undefined, { serviceName: 'web', deploymentConfiguration: { strategy } })).toBe('native');
  });

  it('an update takes the strategy the service definition sets (the update applies it)', () => {
    const definition: CreateServiceCommandInput = { serviceName: 'web', deploymentConfiguration: { strategy: 'CANARY' } };
    expect(chooseDeployStrategy('web', live({}), definition)).toBe('native');
    expect(chooseDeployStrategy('web', live({ deploymentConfiguration: { strategy: 'BLUE_GREEN' } }), { serviceName: 'web' })).toBe('native');
    expect(chooseDeployStrategy('web', live({ deploymentConfiguration: { strategy: 'BLUE_GREEN' } }), { serviceName: 'web', deploymentConfiguration: { strategy: 'ROLLING' } })).toBe('rolling');
  });

  it('a DAEMON service is deployed as one (N5), and refused with a native strategy ECS does not run for it', () => {
    expect(chooseDeployStrategy('web', live({ schedulingStrategy: 'DAEMON' }), undefined)).toBe('daemon');
    const e = refusal(() => chooseDeployStrategy('web', live({ schedulingStrategy: 'DAEMON', deploymentConfiguration: { strategy: 'LINEAR' } }), undefined));
    expect(e.message).toContain('DAEMON service with the ECS deployment strategy LINEAR');
    expect(e.message).toContain('Nothing was changed.');
  });

  it('reads a first deployment from the service definition, and blames that field', () => {
    const definition: CreateServiceCommandInput = { serviceName: 'web', schedulingStrategy: 'DAEMON', deploymentConfiguration: { strategy: 'BLUE_GREEN' } };
    const e = refusal(() => chooseDeployStrategy('web', undefined, definition));
    expect(e.location).toEqual({ input: 'service-definition', field: 'deploymentConfiguration.strategy' });
    const cd = refusal(() => chooseDeployStrategy('web', undefined, { serviceName: 'web', deploymentController: { type: 'CODE_DEPLOY' } }));
    expect(cd.location).toEqual({ input: 'service-definition', field: 'deploymentController' });
  });

  it('the live service wins over the definition (the definition cannot change the controller)', () => {
    const definition: CreateServiceCommandInput = { serviceName: 'web', deploymentController: { type: 'CODE_DEPLOY' } };
    expect(chooseDeployStrategy('web', live({}), definition)).toBe('rolling');
  });

  it('refuses a controller it does not know, loudly, rather than falling back to rolling', () => {
    const unknown = live({ deploymentController: { type: 'SOMETHING_NEW' as 'ECS' } });
    expect(refusal(() => chooseDeployStrategy('web', unknown, undefined)).message).toContain('does not know the SOMETHING_NEW deployment type');
  });
});
