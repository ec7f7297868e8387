/** The echo-only scripts the workflow harness runs, and the ones it refuses to pretend to run. */
import { describe, expect, it } from '@jest/globals';
import { keyValues, parseEchoScript } from '../../helpers/workflow-harness/echo.js';

describe('parseEchoScript', () => {
  it('reads echo lines to the log and to the runner files, in every quoting of the file variable', () => {
    const lines = parseEchoScript(`
      # a comment
      echo "image=registry/web:abc" >> "$GITHUB_OUTPUT"
      echo 'STAGE=blue' >> $GITHUB_ENV
      echo "### Deployed" >> "\${GITHUB_STEP_SUMMARY}"
      echo deployed web to prod
    `);
    expect(lines).toEqual([
      { text: 'image=registry/web:abc', target: 'GITHUB_OUTPUT' },
      { text: 'STAGE=blue', target: 'GITHUB_ENV' },
      { text: '### Deployed', target: 'GITHUB_STEP_SUMMARY' },
      { text: 'deployed web to prod', target: 'stdout' },
    ]);
    expect(keyValues(lines ?? [], 'GITHUB_OUTPUT')).toEqual({ image: 'registry/web:abc' });
    expect(keyValues(lines ?? [], 'GITHUB_ENV')).toEqual({ STAGE: 'blue' });
  });

  it('refuses anything a shell would expand or any other command', () => {
    for (const script of [
      'docker build -t web .',
      'echo "tag=$TAG" >> "$GITHUB_OUTPUT"',
      'echo `date`',
      'echo hi | tee out.txt',
      'echo "x=1" >> out.txt',
      'echo hi; rm -rf /tmp/x',
      'echo "ok"\ncurl -f http://web/healthz',
      '',
    ]) {
      expect(parseEchoScript(script)).toBeUndefined();
    }
  });
});
