import { describe, expect, it } from '@jest/globals';
import { AccessDeniedException, ServerException, ServiceNotFoundException } from '@aws-sdk/client-ecs';
import { classifyAwsError } from '../../../../src/core/aws/errors.js';
import { retryableThrottle, serviceUnavailable, throttlingError } from '../../../helpers/ecs-watch-fixtures.js';

describe('classifyAwsError', () => {
  it('recognises throttling by error code, by the SDK retry marker and by HTTP 429', () => {
    expect(classifyAwsError(throttlingError())).toBe('throttling');
    expect(classifyAwsError(retryableThrottle())).toBe('throttling');
    expect(classifyAwsError(Object.assign(new Error('x'), { name: 'Unknown', $metadata: { httpStatusCode: 429 } }))).toBe('throttling');
  });

  it('treats server faults and network resets as transient', () => {
    expect(classifyAwsError(serviceUnavailable())).toBe('transient');
    expect(classifyAwsError(new ServerException({ message: 'internal', $metadata: { httpStatusCode: 500 } }))).toBe('transient');
    expect(classifyAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('transient');
  });

  it('treats client errors as fatal', () => {
    expect(classifyAwsError(new ServiceNotFoundException({ message: 'Service not found.', $metadata: { httpStatusCode: 400 } }))).toBe('fatal');
    expect(classifyAwsError(new AccessDeniedException({ message: 'denied', $metadata: { httpStatusCode: 400 } }))).toBe('fatal');
    expect(classifyAwsError(new TypeError('bug'))).toBe('fatal');
    expect(classifyAwsError('oops')).toBe('fatal');
  });
});
