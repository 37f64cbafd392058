/**
 * npm run bench:queue: resumes per second through the Redis queue with 1, 2 and 3 local worker processes
 * (`resume-fit worker --jobs 4`), against the CLI's `analyze --input-format jsonl --jobs 1/2` on the same
 * records. Both write CSV rows (scoring, not JSON serialisation). Needs redis-server on PATH; a temporary one is
 * started on a free loopback port. The queue is filled before the clock starts; the clock stops when every
 * result is written (worker start-up included). Options: --n N (default 10000).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { clearQueue, enqueue, queueStatus, type QueueInput } from '../dist/queue.js';
import { findRedisServer, RedisServer } from '../test/queue-redis.js';

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const i = process.argv.indexOf('--n');
const N = i > 0 ? Number(process.argv[i + 1]) : 10_000;
const bin = findRedisServer();
if (!bin) throw new Error('redis-server is not on PATH (apt-get install redis-server)');

const dir = join(root, 'bench', 'corpus');
const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const inputs: QueueInput[] = Array.from({ length: N }, (_, k) => ({ id: `r${k}`, text: `${texts[k % texts.length]}\nReference number ${k}\n` }));
const AS_OF = '2026-06-30';

function cliRun(jobs: number): Promise<number> {
  return new Promise((res, rej) => {
    const t0 = process.hrtime.bigint();
    const c = spawn(process.execPath, [CLI, 'analyze', '--input-format', 'jsonl', '--format', 'csv', '--jobs', String(jobs), '--as-of', AS_OF, '--out', '/dev/null'], { stdio: ['pipe', 'ignore', 'ignore'] });
    c.on('error', rej);
    c.on('close', () => res(Number(process.hrtime.bigint() - t0) / 1e9));
    c.stdin.end(inputs.map((r) => JSON.stringify(r)).join('\n'));
  });
}

async function queueRun(redis: RedisServer, workers: number): Promise<number> {
  const queue = `bench${workers}`;
  await clearQueue({ connection: redis.url, queue });
  await enqueue({ connection: redis.url, queue, asOf: AS_OF, format: 'csv' }, inputs);
  const t0 = process.hrtime.bigint();
  const ws = Array.from({ length: workers }, () => spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', queue, '--jobs', '4'], { stdio: 'ignore' }));
  for (;;) {
    const s = await queueStatus({ connection: redis.url, queue });
    if (s.idle && s.results >= N) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  await Promise.all(ws.map((w) => new Promise<void>((r) => { w.once('exit', () => r()); w.kill('SIGTERM'); })));
  await clearQueue({ connection: redis.url, queue });
  return secs;
}

console.log(`queue bench: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)}), Node ${process.version}, ${N} resumes of ~${(texts.reduce((a, t) => a + t.length, 0) / texts.length / 1024).toFixed(1)} KB, csv rows\n`);
console.log('| run | seconds | resumes/s |\n|---|---:|---:|');
const row = (label: string, s: number): void => console.log(`| ${label} | ${s.toFixed(1)} | ${(N / s).toFixed(0)} |`);
row('CLI --jobs 1', await cliRun(1));
row('CLI --jobs 2', await cliRun(2));
const redis = await RedisServer.start(bin, false);
try {
  for (const w of [1, 2, 3]) row(`queue, ${w} worker${w > 1 ? 's' : ''} (--jobs 4 each)`, await queueRun(redis, w));
} finally {
  await redis.destroy();
}
