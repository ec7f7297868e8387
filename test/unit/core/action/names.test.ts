/** Name checks shared by every action (src/core/action/names.ts). */
import { describe, expect, it } from '@jest/globals';
import {
  checkCluster,
  checkRegion,
  checkTaskDefinitionRef,
  parseServiceInput,
  resolveTarget,
} from '../../../../src/core/action/index.js';
import { configurationErrorOf as error } from '../../../helpers/errors.js';

const ACCOUNT = '123456789012';
const SERVICE_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/shop/web`;
const inFile = (field: string) => ({ input: 'service-definition', file: 'service.yaml', line: 2, field });


describe('checkCluster and checkRegion', () => {
  it('accept cluster names and ARNs, and region names', () => {
    expect(checkCluster('shop_1-a', { input: 'cluster' })).toBe('shop_1-a');
    expect(checkCluster(`arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/shop`, { input: 'cluster' })).toContain('cluster/shop');
    expect(checkRegion('ap-southeast-2')).toBe('ap-southeast-2');
    expect(checkRegion(undefined)).toBeUndefined();
  });

  it('refuse anything else where they were given', () => {
    expect(error(() => checkCluster('my cluster', { input: 'run-task-request', field: 'cluster' })).location).toEqual({
      input: 'run-task-request',
      field: 'cluster',
    });
    expect(error(() => checkRegion('us-east')).message).toBe("input 'region': 'us-east' is not an AWS region name (e.g. us-east-1)");
  });
});

describe('checkTaskDefinitionRef', () => {
  it('needs a revision', () => {
    expect(checkTaskDefinitionRef('web:3', { input: 'task-definition-arn' })).toBe('web:3');
    const e = error(() => checkTaskDefinitionRef('web', { input: 'task-definition-arn' }));
    expect(e.location.input).toBe('task-definition-arn');
    expect(e.message).toContain('a revision is required');
  });
});

describe('parseServiceInput and resolveTarget', () => {
  it('reads the cluster from a service ARN', () => {
    expect(parseServiceInput('web')).toEqual({ name: 'web' });
    expect(parseServiceInput(SERVICE_ARN)).toEqual({ name: 'web', cluster: 'shop' });
    expect(resolveTarget(SERVICE_ARN, undefined, undefined, inFile)).toEqual({ serviceName: 'web', cluster: 'shop' });
  });

  it('takes the cluster from the input, then the ARN, then the service definition, then default', () => {
    expect(resolveTarget('web', 'blue', { serviceName: 'web', cluster: 'green' }, inFile)).toEqual({ serviceName: 'web', cluster: 'blue' });
    expect(resolveTarget(undefined, undefined, { serviceName: 'web', cluster: 'green' }, inFile)).toEqual({
      serviceName: 'web',
      cluster: 'green',
    });
    expect(resolveTarget('web', undefined, undefined, inFile)).toEqual({ serviceName: 'web', cluster: 'default' });
  });

  it('refuses a service input that disagrees with the definition, naming the file and line', () => {
    const e = error(() => resolveTarget('api', undefined, { serviceName: 'web' }, inFile));
    expect(e.location).toEqual({ input: 'service' });
    expect(e.message).toContain("serviceName in input 'service-definition' (service.yaml:2) is 'web'");
  });

  it('refuses an ARN in another cluster than the cluster input, and a missing service', () => {
    expect(error(() => resolveTarget(SERVICE_ARN, 'other', undefined, inFile)).message).toContain("the service ARN is in cluster 'shop'");
    expect(error(() => resolveTarget(undefined, undefined, undefined, inFile)).location).toEqual({ input: 'service' });
  });
});
