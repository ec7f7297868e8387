import { describe, expect, it } from '@jest/globals';
import { REDACTED, SecretMasker, findTokenLike, looksRandom, shannonBitsPerChar } from '../../../../src/core/io/secrets.js';

// Example credentials from the AWS and GitHub documentation / fabricated for the test: none is real.
const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SESSION_KEY_ID = 'ASIAY34FZKBOKMUTVV7A';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GH_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const GH_APP_TOKEN = 'ghs_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5';
const GH_PAT = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('findTokenLike', () => {
  it.each([
    ['an AWS access key id', AWS_KEY_ID],
    ['an AWS session access key id', AWS_SESSION_KEY_ID],
    ['an AWS secret access key', AWS_SECRET],
    ['a GitHub personal token', GH_TOKEN],
    ['a GitHub app installation token', GH_APP_TOKEN],
    ['a fine-grained GitHub token', GH_PAT],
    ['a JWT', JWT],
  ])('finds %s inside text', (_what, secret) => {
    expect(findTokenLike(`prefix "${secret}", suffix`)).toContain(secret);
  });

  it.each([
    ['a task definition ARN', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42'],
    ['a task ARN with a hex id', 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef'],
    ['a bare task id', '0123456789abcdef0123456789abcdef'],
    ['an image with a digest', '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'a1b2c3d4'.repeat(8)],
    ['a UUID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a CloudFormation-generated name', 'my-application-production-ECSService-1XYZ2ABC3DEF'],
    ['a deployment id', 'ecs-svc/1234567890123456789'],
    ['a URL', 'https://console.aws.amazon.com/ecs/v2/clusters/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/services'],
    ['a log group path', '/ecs/MyApplicationService2024Production/Container'],
    ['an English sentence', 'Service web has reached a steady state with 3 running tasks.'],
    ['a repeated string', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAa1'],
  ])('does not flag %s', (_what, text) => {
    expect(findTokenLike(text)).toEqual([]);
  });

  it('lists each token once', () => {
    expect(findTokenLike(`${AWS_KEY_ID} ${AWS_KEY_ID}`)).toEqual([AWS_KEY_ID]);
  });
});

describe('looksRandom / shannonBitsPerChar', () => {
  it('measures entropy', () => {
    expect(shannonBitsPerChar('')).toBe(0);
    expect(shannonBitsPerChar('aaaa')).toBe(0);
    expect(shannonBitsPerChar('abcd')).toBe(2);
  });
  it('needs length, mixed classes and entropy', () => {
    expect(looksRandom(AWS_SECRET)).toBe(true);
    expect(looksRandom(AWS_SECRET.slice(0, 31))).toBe(false);
    expect(looksRandom(AWS_SECRET.toLowerCase())).toBe(false);
  });
});

describe('SecretMasker', () => {
  function masker(): { m: SecretMasker; registered: string[] } {
    const registered: string[] = [];
    return { m: new SecretMasker({ setSecret: (s) => registered.push(s) }), registered };
  }

  it('registers a secret with the runner once, and each line of a multi-line one', () => {
    const { m, registered } = masker();
    m.mask('s3cret-value');
    m.mask('s3cret-value');
    m.mask('line-one\nline-two\n');
    m.mask('   ');
    expect(registered).toEqual(['s3cret-value', 'line-one\nline-two', 'line-one', 'line-two']);
    expect(m.size).toBe(4);
  });

  it('redacts registered secrets, longest first', () => {
    const { m } = masker();
    m.mask('abc');
    m.mask('abcdef');
    expect(m.redact('x abcdef y abc z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
  });

  it('redacts and registers token-like values it has not been told about', () => {
    const { m, registered } = masker();
    expect(m.redact(`key ${AWS_KEY_ID} secret ${AWS_SECRET}`)).toBe(`key ${REDACTED} secret ${REDACTED}`);
    expect(registered).toEqual([AWS_KEY_ID, AWS_SECRET]);
  });

  it('leaves ordinary deployment text alone', () => {
    const { m, registered } = masker();
    const text = '| taskDefinitionArn | arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7 |';
    expect(m.redact(text)).toBe(text);
    expect(registered).toEqual([]);
    expect(m.maskTokenLike(text)).toBe(0);
  });
});
