// `npm test` on a machine without Chromium: outside CI the browser tests are skipped with one line saying how to
// enable them; under CI=true a missing browser is a failure. Runs test/browser.test.ts in a child vitest with
// CHROMIUM_PATH pointing nowhere.
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = join(repo, 'node_modules', 'vitest', 'vitest.mjs');

function runBrowserTest(ci: boolean): Promise<{ code: number; out: string }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(VITEST|CI$|TEST$|NODE_ENV$)/.test(k)) env[k] = v;
  env.CHROMIUM_PATH = '/nonexistent/chromium';
  env.NO_COLOR = '1';
  if (ci) env.CI = 'true';
  return new Promise((done) => {
    execFile(process.execPath, [VITEST, 'run', 'test/browser.test.ts'], { cwd: repo, env, timeout: 120_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}\n${stderr}` });
    });
  });
}

describe('test/browser.test.ts without Chromium (CHROMIUM_PATH=/nonexistent/chromium)', () => {
  it('outside CI: passes, skips the Chromium tests and prints one line saying how to enable them', async () => {
    const r = await runBrowserTest(false);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.includes('browser tests skipped'));
    expect(lines).toEqual(["resume-fit: browser tests skipped: no Chromium at /nonexistent/chromium; to run them, install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary."]);
    expect(r.out).toMatch(/Tests\s+14 passed \| 11 skipped \(25\)/);
  });

  it('with CI=true: fails, naming the missing browser', async () => {
    const r = await runBrowserTest(true);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Chromium is not installed at /nonexistent/chromium (CHROMIUM_PATH)');
    expect(r.out).not.toContain('browser tests skipped');
  });
});
