/** Spawns the BUILT CLI (dist/cli.js), building it first when it is missing or older than its sources. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** `npm test` builds in pretest; a lone `npx vitest run test/cli/...` builds here when dist/ is stale. */
export function ensureBuilt(): void {
  const built = existsSync(CLI) && existsSync(join(ROOT, 'dist', 'cli-worker.js')) ? statSync(CLI).mtimeMs : 0;
  if (built >= Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'data')))) return;
  const r = spawnSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  // Other work in progress elsewhere in src/ can break the full build; an existing CLI build still tests the CLI.
  if (r.status !== 0 && !existsSync(CLI)) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  if (r.status !== 0) process.stderr.write('test/cli: npx tsup failed; testing the existing dist/cli.js\n');
}

export interface RunResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export interface RunOptions { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv; prefix?: readonly string[]; /** Another built CLI than dist/cli.js. */ cli?: string }

/** The date every test run is measured against, so outputs never depend on the day the suite runs. */
export const AS_OF = '2026-06-30';

/**
 * Runs `node dist/cli.js ...args` (optionally behind `prefix`, e.g. setpriv) and collects its output. `analyze` and
 * `explain` get `--as-of AS_OF` unless the test gives its own.
 */
export function run(givenArgs: readonly string[], o: RunOptions = {}): Promise<RunResult> {
  const dated = (givenArgs[0] === 'analyze' || givenArgs[0] === 'explain' || givenArgs[0] === 'match') && !givenArgs.includes('--as-of') && !givenArgs.includes('--help');
  const args = dated ? [...givenArgs, '--as-of', AS_OF] : givenArgs;
  const cmd = o.prefix?.length ? o.prefix[0]! : process.execPath;
  const cli = o.cli ?? CLI;
  const argv = o.prefix?.length ? [...o.prefix.slice(1), process.execPath, cli, ...args] : [cli, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: o.cwd ?? ROOT, env: { ...process.env, ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading all of it
    child.stdin.end(o.input ?? '');
  });
}

export const jsonl = (s: string): Record<string, unknown>[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
