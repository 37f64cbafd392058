/**
 * A real redis-server for the queue tests and bench: on a free loopback port, in a temp folder, stopped after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The redis-server binary on PATH, or null. */
export function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, 'redis-server');
    if (dir && existsSync(p)) return p;
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => { got += d.toString(); if (got.includes('\r\n')) { sock.destroy(); resolve(got.startsWith('+PONG')); } });
    sock.on('error', () => resolve(false));
  });
}

export class RedisServer {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'resume-fit-redis-'));
  private constructor(readonly bin: string, readonly port: number, readonly appendonly: boolean) {}

  static async start(bin: string, appendonly = false): Promise<RedisServer> {
    const r = new RedisServer(bin, await freePort(), appendonly);
    await r.run();
    return r;
  }

  get url(): string { return `redis://127.0.0.1:${this.port}`; }

  async run(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--protected-mode', 'yes'];
    if (this.appendonly) args.push('--appendonly', 'yes', '--appendfsync', 'always');
    this.child = spawn(this.bin, args, { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await ping(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${this.port}`);
  }

  /** SIGTERM: redis flushes the append-only file and exits. */
  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((res) => { c.once('exit', () => res()); c.kill('SIGTERM'); });
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
