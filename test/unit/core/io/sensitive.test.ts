import { describe, expect, it } from '@jest/globals';
import { fingerprint, hideSensitiveEnvironment, isSensitiveName } from '../../../../src/core/io/sensitive.js';

describe('sensitive environment values (S11)', () => {
  it('recognises names that say they hold a secret, and not ordinary ones', () => {
    for (const n of ['DB_PASSWORD', 'db_passwd', 'API_KEY', 'apiKey', 'GITHUB_TOKEN', 'CLIENT_SECRET', 'AWS_ACCESS_KEY', 'PRIVATE_KEY', 'BASIC_AUTH']) {
      expect(isSensitiveName(n)).toBe(true);
    }
    for (const n of ['LOG_LEVEL', 'PORT', 'API_URL', 'REGION']) expect(isSensitiveName(n)).toBe(false);
  });

  it('replaces only the sensitive values, by a stable fingerprint', () => {
    const out = hideSensitiveEnvironment([
      { name: 'DB_PASSWORD', value: 'hunter2' },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
    expect(out).toEqual([
      { name: 'DB_PASSWORD', value: fingerprint('hunter2') },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
    expect(fingerprint('hunter2')).toMatch(/^\*\*\* \(sha256 [0-9a-f]{8}\)$/);
    expect(fingerprint('hunter2')).not.toBe(fingerprint('hunter3'));
  });
});
