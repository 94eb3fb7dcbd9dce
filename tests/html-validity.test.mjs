// The Nu HTML Checker (vnu-jar from npm, run with the machine's Java) over
// every page in dist/: zero errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dist } from './helpers.mjs';

const vnu = String(createRequire(import.meta.url)('vnu-jar'));

test('every page in dist/ is valid HTML', async () => {
  const { code, stderr } = await new Promise((resolve) => {
    execFile(
      'java',
      ['-jar', vnu, '--errors-only', '--skip-non-html', '--format', 'gnu', dist],
      { maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stderr: stderr + stdout }),
    );
  });
  assert.equal(stderr.trim(), '', 'vnu reported errors');
  assert.equal(code, 0);
});
