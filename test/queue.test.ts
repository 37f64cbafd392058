/**
 * resume-fit/queue against a real redis-server (started here on a free loopback port, in a temp folder) and
 * worker processes running the built CLI (`dist/cli.js worker`). Outside CI the file skips with one line when
 * redis-server is not installed; with CI=true a missing redis-server fails (.ci/apt-packages installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearQueue, collectResults, enqueue, queueStatus, type QueueInput, type QueueStatus } from '../dist/queue.js';
import { findRedisServer, RedisServer } from './queue-redis.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(repo, 'dist', 'cli.js');
const AS_OF = '2026-06-30';
const bin = findRedisServer();
if (!bin && !process.env.CI) console.log('test/queue.test.ts skipped: no redis-server on PATH (apt-get install redis-server to run it)');

const LINES = [
  'Took vital signs and recorded them in the EHR', 'BLS certified (American Heart Association)', 'Performed 12-lead EKGs in the emergency department',
  'Drew blood by venipuncture', 'Assisted patients with bathing and dressing', 'Scheduled appointments and answered phones',
  'Medical terminology', 'Coded diagnoses with ICD-10', 'Restocked supplies', 'Cashier at a grocery store', 'Wound care and dressing changes',
  'Transported patients by ambulance as an EMT', 'Helped patients with range of motion exercises', 'Observed psychiatric patients and de-escalated crises',
];
/** Small varied resumes: a heading and three to six lines picked by the index. */
function text(i: number): string {
  const n = 3 + (i % 4);
  const picked = Array.from({ length: n }, (_, j) => `- ${LINES[(i * 7 + j * 5) % LINES.length]}`);
  return `EXPERIENCE\nTechnician, Clinic ${i % 97}, 20${10 + (i % 12)} - Present\n${picked.join('\n')}\n`;
}
const corpus = (n: number, prefix = 'r'): QueueInput[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(5, '0')}`, text: text(i) }));

const workers: ChildProcess[] = [];
function startWorkers(url: string, queue: string, n: number, lockMs = 2000): ChildProcess[] {
  const started = Array.from({ length: n }, () => spawn(process.execPath, [CLI, 'worker', '--redis', url, '--queue', queue, '--jobs', '4', '--lock', String(lockMs)], { stdio: 'ignore' }));
  workers.push(...started);
  return started;
}
async function stopWorkers(list: ChildProcess[]): Promise<void> {
  await Promise.all(list.map((w) => (w.exitCode !== null || w.signalCode !== null ? undefined : new Promise<void>((res) => { w.once('exit', () => res()); w.kill('SIGTERM'); }))));
}

async function waitDone(url: string, queue: string, total: number, timeoutMs = 60_000, onTick?: (s: QueueStatus) => Promise<void> | void): Promise<QueueStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let s: QueueStatus | null = null;
    try { s = await queueStatus({ connection: url, queue }); } catch { /* redis restarting */ }
    if (s) {
      if (s.idle && s.results >= total) return s;
      await onTick?.(s);
    }
    if (Date.now() > until) throw new Error(`the batch did not finish: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function collect(url: string, queue: string): Promise<string> {
  let out = '';
  const w = new Writable({ write(chunk, _enc, cb) { out += String(chunk); cb(); } });
  await collectResults({ connection: url, queue, out: w });
  return out;
}

/** The CLI's output for the same inputs: analyze --input-format jsonl. */
function cli(inputs: readonly QueueInput[], format: 'csv' | 'jsonl'): Promise<string> {
  return new Promise((res, rej) => {
    const c = spawn(process.execPath, [CLI, 'analyze', '--input-format', 'jsonl', '--format', format, '--jobs', '2', '--as-of', AS_OF], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    c.on('error', rej);
    c.on('close', () => res(out));
    c.stdin.end(inputs.map((r) => JSON.stringify(r)).join('\n'));
  });
}

const csvRows = (out: string): Map<string, string> => {
  const rows = out.split('\r\n').filter(Boolean).slice(1);
  const m = new Map(rows.map((r) => [r.slice(0, r.indexOf(',')), r]));
  expect(m.size).toBe(rows.length); // no id twice
  return m;
};

describe.runIf(!bin && process.env.CI)('the queue in CI', () => {
  it('has redis-server installed (.ci/apt-packages)', () => {
    throw new Error('redis-server is not on PATH: CI must install it (.ci/apt-packages)');
  });
});

describe.skipIf(!bin)('resume-fit/queue with a real redis-server and worker processes', () => {
  let redis: RedisServer;
  beforeAll(async () => { redis = await RedisServer.start(bin!); });
  afterAll(async () => {
    await stopWorkers(workers);
    await redis?.destroy();
  });

  it('10,000 resumes through 3 worker processes: every id once, rows equal to the CLI\'s byte for byte', async () => {
    const inputs = corpus(10_000);
    await clearQueue({ connection: redis.url, queue: 'big' });
    const [n, expected] = await Promise.all([enqueue({ connection: redis.url, queue: 'big', asOf: AS_OF, format: 'csv' }, inputs), cli(inputs, 'csv')]);
    expect(n).toBe(10_000);
    const ws = startWorkers(redis.url, 'big', 3);
    const s = await waitDone(redis.url, 'big', 10_000);
    await stopWorkers(ws);
    console.log(`queue: 10,000 resumes, 3 workers: ${s.perSecond.toFixed(0)} resumes/s`);
    expect(s).toMatchObject({ total: 10_000, results: 10_000, failed: 0, waiting: 0, active: 0 });
    const out = await collect(redis.url, 'big');
    expect(out.slice(0, out.indexOf('\r\n'))).toBe(expected.slice(0, expected.indexOf('\r\n')));
    const got = csvRows(out);
    const want = csvRows(expected);
    expect(got.size).toBe(10_000);
    expect(want.size).toBe(10_000);
    let same = 0;
    for (const [id, row] of want) if (got.get(id) === row) same++;
    expect(same).toBe(10_000);
  });

  it('full JSONL reports equal the CLI\'s byte for byte', async () => {
    const inputs = [...corpus(150, 'j'), { id: 7, resume: { basics: { label: 'EMT' }, work: [{ name: 'City EMS', position: 'EMT', highlights: ['BLS certified', 'Took vital signs'] }] } }];
    await clearQueue({ connection: redis.url, queue: 'full' });
    const [, expected] = await Promise.all([enqueue({ connection: redis.url, queue: 'full', asOf: AS_OF }, inputs), cli(inputs, 'jsonl')]);
    const ws = startWorkers(redis.url, 'full', 2);
    await waitDone(redis.url, 'full', inputs.length);
    await stopWorkers(ws);
    const key = (l: string): string => JSON.stringify(JSON.parse(l).id);
    const got = new Map((await collect(redis.url, 'full')).split('\n').filter(Boolean).map((l) => [key(l), l]));
    const want = expected.split('\n').filter(Boolean);
    expect(got.size).toBe(inputs.length);
    for (const l of want) expect(got.get(key(l)) === l, key(l)).toBe(true);
  });

  it('a worker killed with SIGKILL mid-batch: its jobs are taken over, nothing lost, nothing duplicated', async () => {
    const inputs = corpus(4000, 'k');
    await clearQueue({ connection: redis.url, queue: 'kill' });
    await enqueue({ connection: redis.url, queue: 'kill', asOf: AS_OF, format: 'csv' }, inputs);
    const ws = startWorkers(redis.url, 'kill', 3, 1000);
    let killedAt = -1;
    const s = await waitDone(redis.url, 'kill', 4000, 60_000, (st) => {
      if (killedAt < 0 && st.results >= 400 && st.active > 0) { killedAt = st.results; ws[0]!.kill('SIGKILL'); }
    });
    await stopWorkers(ws);
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(4000);
    expect(s).toMatchObject({ results: 4000, failed: 0 });
    const rows = csvRows(await collect(redis.url, 'kill'));
    expect([...rows.keys()].sort()).toEqual(inputs.map((i) => i.id).sort());
    expect([...rows.values()].filter((r) => r.includes('ERR_')).length).toBe(0);
  });

  it('redis restarted mid-batch (appendonly yes): the workers reconnect and the batch completes', async () => {
    const aof = await RedisServer.start(bin!, true);
    try {
      const inputs = corpus(3000, 'a');
      await enqueue({ connection: aof.url, queue: 'restart', asOf: AS_OF, format: 'csv' }, inputs);
      const ws = startWorkers(aof.url, 'restart', 2, 2000);
      let restarted = false;
      const s = await waitDone(aof.url, 'restart', 3000, 90_000, async (st) => {
        if (!restarted && st.results >= 300) {
          restarted = true;
          await aof.stop();
          await new Promise((r) => setTimeout(r, 500));
          await aof.run();
        }
      });
      await stopWorkers(ws);
      expect(restarted).toBe(true);
      expect(s).toMatchObject({ results: 3000, failed: 0 });
      const rows = csvRows(await collect(aof.url, 'restart'));
      expect([...rows.keys()].sort()).toEqual(inputs.map((i) => i.id).sort());
    } finally {
      await aof.destroy();
    }
  });

  it('the commands: queue add (files and JSONL records), worker, queue status, queue collect', async () => {
    const run = (args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> => new Promise((res) => {
      const c = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = ''; let stderr = '';
      c.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
      c.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      c.on('close', (code) => res({ code, stdout, stderr }));
      c.stdin.end(input);
    });
    const q = ['--redis', redis.url, '--queue', 'cmd'];
    await clearQueue({ connection: redis.url, queue: 'cmd' });
    const sample = join(repo, 'examples', 'resumes', 'health-technician.txt');
    const add = await run(['queue', 'add', sample, '-', ...q, '--as-of', AS_OF, '--format', 'csv'], `${JSON.stringify({ id: 1, text: text(1) })}\nnot json\n${JSON.stringify({ id: 'two', text: text(2) })}\n`);
    expect(add).toMatchObject({ code: 1, stderr: 'resume-fit: 3 enqueued on cmd; 1 line skipped (not JSON, or no "id")\n' });
    const ws = startWorkers(redis.url, 'cmd', 1);
    await waitDone(redis.url, 'cmd', 3);
    await stopWorkers(ws);
    const status = await run(['queue', 'status', ...q, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ total: 3, results: 3, failed: 0, idle: true });
    expect((await run(['queue', 'status', ...q])).stdout).toMatch(/^3 enqueued: 0 waiting, 0 active, 0 delayed, 0 failed; 3 results; [\d.]+ resumes\/s\n$/);
    const collected = await run(['queue', 'collect', ...q]);
    expect(collected.stderr).toBe('resume-fit: 3 records\n');
    const rows = csvRows(collected.stdout);
    expect([...rows.keys()].sort()).toEqual(['1', sample, 'two'].sort());
    expect(rows.get(sample)).toMatch(/,health-technician,[\d.]+,strong,/);
  });

  it('poisoned inputs (10 MB text, binary bytes, invalid JSON Resume, a missing file, no input) give error records, never a stuck queue', async () => {
    const secret = 'Zyxwvut Secret-Resume-Words';
    const inputs: QueueInput[] = [
      { id: 'huge', text: `${secret}\n${'vital signs '.repeat(900_000)}` },
      { id: 'binary', bytes: Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(64, 0), Buffer.from(secret)]).toString('base64') },
      { id: 'nul-bytes', bytes: Buffer.concat([Buffer.from(secret), Buffer.from([0, 0, 0, 255, 254, 1, 2])]).toString('base64') },
      { id: 'bad-json-resume', resume: { basics: secret, work: `${secret}` } },
      { id: 'missing-file', path: join(redis.dir, 'no-such-resume.txt') },
      { id: 'nothing' } as unknown as QueueInput,
      { id: 'empty', text: '   ' },
      { id: 'fine', text: text(1) },
    ];
    await clearQueue({ connection: redis.url, queue: 'poison' });
    await enqueue({ connection: redis.url, queue: 'poison', asOf: AS_OF }, inputs);
    const ws = startWorkers(redis.url, 'poison', 1);
    const s = await waitDone(redis.url, 'poison', inputs.length, 30_000);
    await stopWorkers(ws);
    expect(s).toMatchObject({ results: inputs.length, failed: 0, idle: true });
    const out = await collect(redis.url, 'poison');
    const byId = new Map(out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; error?: { code: string } }).map((r) => [r.id, r.error?.code ?? 'scored']));
    expect(Object.fromEntries([...byId].sort())).toEqual({
      'bad-json-resume': 'ERR_INVALID_JSON_RESUME', binary: 'ERR_BINARY_FILE', empty: 'ERR_EMPTY_INPUT', fine: 'scored', huge: 'ERR_INPUT_TOO_LARGE',
      'missing-file': 'ERR_NOT_FOUND', nothing: 'ERR_INVALID_RECORD', 'nul-bytes': 'ERR_BINARY_FILE',
    });
    expect(out.split('\n').filter((l) => l.includes('"error"')).join('\n')).not.toContain('Secret-Resume');
  });
});
