#!/usr/bin/env node
/**
 * The resume-fit command line. Node-only: it lives behind its own entry (dist/cli.js) and never leaks into
 * the core. Exit codes: 0 all inputs scored, 1 some inputs failed, 2 usage error.
 * The command reference is docs/cli.md.
 */
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createAnalyzer, isResumeFitError, parseJobPosting, TaxonomyError, validateTaxonomy, type Analyzer } from '../index.js';
import { version } from '../../package.json';
import { parseResumeBytes, readResumeFile, ReadError, type ResumeInput } from '../node/read.js';
import { defaultJobs, runAnalyze } from './analyze.js';
import { ANSI_STYLE, explainText, PLAIN_STYLE } from './explain.js';
import { OUTPUT_FORMATS, type OutputFormat } from './format.js';
import { parseShard } from './inputs.js';
import { OutputError, UsageError } from './sink.js';
import { collectResults, enqueue, QueueError, queueStatus, startWorker, statusLine, type QueueInput } from '../queue/index.js';
import { createInterface } from 'node:readline';

const EXIT_CODES = `
Exit codes:
  0  every input was scored
  1  some inputs failed (each has an error record in the output), or the output could not be written
  2  usage error (bad option, unknown role, invalid --taxonomy, --out in a missing folder)
  130/143  interrupted by SIGINT/SIGTERM`;

const TAXONOMY_CHECK_EXIT_CODES = `
Exit codes:
  0  the taxonomy is valid
  1  it is invalid (every issue is printed, one per line: path: message)
  2  usage error (the file cannot be read)`;

const ANALYZE_EXAMPLES = `
Output: --format jsonl (the default when stdout is not a terminal) writes one line per input,
{"file": ..., ...report} or {"file": ..., "error": {"code", "message"}}, in input order; csv has one row per
input (file, target, target_score, target_band, best_role, best_score, one column per role, error_code,
error_message); table is for reading (the default on a terminal). A summary goes to stderr.

--out FILE is written to FILE.partial and renamed to FILE at the end. If the run is interrupted
(Ctrl-C, SIGTERM) with --format jsonl, FILE.partial is kept: run the same command with --resume to
append the inputs not yet in it (the inputs already there are skipped).

Examples:
  resume-fit analyze resumes/ --format csv --out scores.csv
  resume-fit analyze 'cvs/**/*.pdf' --target emergency-medical-technician --top 3
  cat resume.txt | resume-fit analyze - --format json
  resume-fit analyze corpus/ --shard 2/8 --out part-2.jsonl          # machine 2 of 8
  spark: rdd.pipe("resume-fit analyze --input-format jsonl --jobs 1")  # {"id","text"} per line
${EXIT_CODES}`;

const positiveInt = (name: string, max: number) => (v: string): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}.`);
  return n;
};

async function loadTaxonomy(path: string): Promise<{ analyzer: Analyzer; value: unknown }> {
  let text: string;
  try { text = await readFile(path, 'utf8'); } catch (e) {
    throw new UsageError(`resume-fit: cannot read --taxonomy ${path}: ${(e as { code?: string }).code ?? 'read error'}.`);
  }
  let value: unknown;
  try { value = JSON.parse(text); } catch { throw new UsageError(`resume-fit: --taxonomy ${path} is not valid JSON.`); }
  try {
    return { analyzer: createAnalyzer({ taxonomy: value }), value };
  } catch (e) {
    if (e instanceof TaxonomyError) throw new UsageError(`${e.message.split('\n')[0]}\n${e.issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}\n(resume-fit taxonomy check ${path} lists the same issues)`);
    throw e;
  }
}

function checkRole(analyzer: Analyzer, role: string | undefined, option: string): void {
  if (role === undefined) return;
  const ids = analyzer.listRoles().map((r) => r.id);
  if (!ids.includes(role)) throw new UsageError(`resume-fit: unknown role "${role.slice(0, 60)}" for ${option}; use one of: ${ids.join(', ')} (resume-fit roles lists them).`);
}

interface AnalyzeOpts {
  target?: string; format?: OutputFormat; out?: string; jobs?: number; top?: number; taxonomy?: string; explain?: boolean;
  asOf?: string; resume?: boolean; shard?: string; inputFormat: 'files' | 'jsonl';
}

/**
 * The format an --out file's extension asks for when --format is not given: .csv, .json, .jsonl or .ndjson.
 * Any other extension gives undefined (the default, jsonl).
 */
export function formatOfPath(path: string): OutputFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(path);
  switch (m?.[1]?.toLowerCase()) {
    case 'csv': return 'csv';
    case 'json': return 'json';
    case 'jsonl': case 'ndjson': return 'jsonl';
    default: return undefined;
  }
}

async function analyzeAction(inputs: string[], o: AnalyzeOpts): Promise<number> {
  checkAsOf(o.asOf);
  if (o.inputFormat === 'jsonl') {
    if (inputs.some((i) => i !== '-')) throw new UsageError('resume-fit: --input-format jsonl reads records from standard input; give no paths (or only -).');
  } else if (!inputs.length) throw new UsageError('resume-fit: give files, folders, globs, or - for standard input (resume-fit analyze --help).');
  const toFile = o.out !== undefined && o.out !== '-';
  const format: OutputFormat = o.format ?? (toFile ? formatOfPath(o.out!) : undefined) ?? (!toFile && process.stdout.isTTY ? 'table' : 'jsonl');
  if (o.resume && (!toFile || format !== 'jsonl')) throw new UsageError('resume-fit: --resume needs --out FILE and --format jsonl (it continues FILE.partial from an interrupted run).');
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  if (shard === null) throw new UsageError(`resume-fit: --shard must be I/N with 0 <= I < N (e.g. 0/4 ... 3/4), got "${String(o.shard).slice(0, 40)}".`);
  const analyzer = o.taxonomy ? (await loadTaxonomy(o.taxonomy)).analyzer : createAnalyzer();
  checkRole(analyzer, o.target, '--target');
  return runAnalyze({
    inputs: o.inputFormat === 'jsonl' ? [] : inputs,
    inputFormat: o.inputFormat,
    config: {
      format, keyName: o.inputFormat === 'jsonl' ? 'id' : 'file', explain: Boolean(o.explain),
      roleIds: analyzer.listRoles().map((r) => r.id),
      asOf: o.asOf ?? today(),
      ...(o.top !== undefined ? { top: o.top } : {}),
      ...(o.target !== undefined ? { target: o.target } : {}),
      ...(o.taxonomy !== undefined ? { taxonomyPath: o.taxonomy } : {}),
    },
    ...(o.out !== undefined ? { out: o.out } : {}),
    resume: Boolean(o.resume),
    jobs: o.jobs ?? defaultJobs(),
    ...(shard ? { shard } : {}),
  }, new URL('./cli-worker.js', import.meta.url));
}

interface MatchOpts { job?: string; resume?: string; format?: OutputFormat; out?: string; jobs?: number; taxonomy?: string; explain?: boolean; asOf?: string; shard?: string }

/** `resume-fit match`: rank resumes for one posting (--job), or postings for one resume (--resume). */
async function matchAction(inputs: string[], o: MatchOpts): Promise<number> {
  checkAsOf(o.asOf);
  if ((o.job === undefined) === (o.resume === undefined)) throw new UsageError('resume-fit: give --job POSTING (to rank resumes) or --resume RESUME (to rank postings), one of the two.');
  if (!inputs.length) throw new UsageError(`resume-fit: give the ${o.job !== undefined ? 'resumes' : 'postings'} to rank: files, folders, globs, or - for standard input (resume-fit match --help).`);
  const toFile = o.out !== undefined && o.out !== '-';
  const format: OutputFormat = o.format ?? (toFile ? formatOfPath(o.out!) : undefined) ?? (!toFile && process.stdout.isTTY ? 'table' : 'jsonl');
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  if (shard === null) throw new UsageError(`resume-fit: --shard must be I/N with 0 <= I < N (e.g. 0/4 ... 3/4), got "${String(o.shard).slice(0, 40)}".`);
  const analyzer = o.taxonomy ? (await loadTaxonomy(o.taxonomy)).analyzer : createAnalyzer();
  const file = (o.job ?? o.resume)!;
  let one: ResumeInput;
  try { one = await readOne(file); } catch (e) {
    if (e instanceof ReadError) throw new UsageError(`resume-fit: cannot read ${o.job !== undefined ? '--job' : '--resume'} ${file}: ${e.code}: ${e.message.replace(/^resume-fit: /, '')}`);
    throw e;
  }
  // A posting that asks nothing the taxonomy knows cannot rank anything: say so before scoring a corpus.
  if (o.job !== undefined) {
    const posting = parseJobPosting((one.kind === 'text' ? one.text : one.value) as never, { analyzer });
    if (!posting.items.length && !posting.years.length) process.stderr.write(`resume-fit: ${file} asks for no skill of the taxonomy; every score will be 0.\n`);
  }
  return runAnalyze({
    inputs,
    inputFormat: 'files',
    config: {
      format, keyName: 'file', explain: Boolean(o.explain), match: true,
      roleIds: analyzer.listRoles().map((r) => r.id),
      asOf: o.asOf ?? today(),
      ...(o.taxonomy !== undefined ? { taxonomyPath: o.taxonomy } : {}),
      ...(o.job !== undefined ? { job: one } : { matchResume: one }),
    },
    ...(o.out !== undefined ? { out: o.out } : {}),
    resume: false,
    jobs: o.jobs ?? defaultJobs(),
    ...(shard ? { shard } : {}),
  }, new URL('./cli-worker.js', import.meta.url));
}

async function readOne(file: string): Promise<ResumeInput> {
  if (file !== '-') return readResumeFile(file);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return parseResumeBytes(Buffer.concat(chunks), 'auto');
}

/** Today as 'YYYY-MM-DD' (UTC). The CLI reads the clock once, here; the library never does. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))) {
    throw new UsageError(`resume-fit: --as-of must be a date YYYY-MM-DD, got "${asOf.slice(0, 40)}".`);
  }
}

async function explainAction(file: string, o: { role?: string; taxonomy?: string; asOf?: string }): Promise<number> {
  checkAsOf(o.asOf);
  const asOf = o.asOf ?? today();
  const analyzer = o.taxonomy ? (await loadTaxonomy(o.taxonomy)).analyzer : createAnalyzer();
  checkRole(analyzer, o.role, '--role');
  let input: ResumeInput;
  try { input = await readOne(file); } catch (e) {
    if (e instanceof ReadError) { process.stderr.write(`${file}: ${e.code}: ${e.message}\n`); return 1; }
    throw e;
  }
  const doc = input.kind === 'text' ? input.text : (input.value as never);
  try {
    let report = analyzer.analyzeResume(doc, { asOf });
    const role = o.role ?? report.roles[0]!.id;
    if (role !== report.target.id) report = analyzer.analyzeResume(doc, { target: role, asOf });
    const text = input.kind === 'text' ? input.text : report.text ?? '';
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    process.stdout.write(explainText(report, { file, text, style: color ? ANSI_STYLE : PLAIN_STYLE }));
    return 0;
  } catch (e) {
    if (isResumeFitError(e)) { process.stderr.write(`${file}: ${e.code}: ${e.message.split('\n')[0]}\n`); return 1; }
    throw e;
  }
}

async function taxonomyCheckAction(file: string): Promise<number> {
  let text: string;
  try { text = await readFile(file, 'utf8'); } catch (e) {
    throw new UsageError(`resume-fit: cannot read ${file}: ${(e as { code?: string }).code ?? 'read error'}.`);
  }
  let value: unknown;
  try { value = JSON.parse(text); } catch {
    process.stdout.write(`${file}: invalid: not valid JSON\n`);
    return 1;
  }
  try {
    const t = validateTaxonomy(value);
    process.stdout.write(`${file}: valid: ${t.skills.length} skills, ${t.roles.length} roles, ${t.responsibilities?.length ?? 0} responsibilities\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof TaxonomyError)) throw e;
    process.stdout.write(`${file}: invalid: ${e.issues.length} issue${e.issues.length === 1 ? '' : 's'}\n${e.issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}\n`);
    return 1;
  }
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('resume-fit')
    .description('Score resumes for health technician and allied-health roles, with the evidence for every score.')
    .version(version, '-V, --version')
    .showHelpAfterError('(resume-fit --help lists the commands)')
    .exitOverride()
    .addHelpText('after', EXIT_CODES.replace('Exit codes:', 'Exit codes (analyze; each command\'s --help lists its own):'));

  program
    .command('analyze')
    .description('score resumes (files, folders, globs, or - for stdin): one output record per input, in input order')
    .argument('[inputs...]', 'files (.txt .md .json .pdf .docx), folders (walked), quoted globs, or - for standard input')
    .option('-t, --target <role>', 'the role reported as target (default health-technician; see resume-fit roles)')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, else jsonl)').choices(OUTPUT_FORMATS))
    .option('-o, --out <file>', 'write to FILE (via FILE.partial, renamed when complete) instead of stdout; without --format, a .csv, .json or .jsonl/.ndjson FILE sets the format')
    .option('-j, --jobs <n>', `worker threads (default: the number of cores, ${defaultJobs()} here; 1 runs in-process)`, positiveInt('--jobs', 256))
    .option('--top <k>', 'keep the K best roles per resume (json/jsonl "roles"; table; csv keeps every column)', positiveInt('--top', 1000))
    .option('--taxonomy <file>', 'a custom taxonomy JSON (validated; see resume-fit taxonomy check)')
    .option('--explain', 'add a short explanation per resume (json/jsonl "explanation"; table lines; csv "summary")')
    .option('--as-of <date>', 'the date experience and recency are measured against, YYYY-MM-DD (default: today, UTC)')
    .option('--resume', 'with --format jsonl and --out: continue an interrupted run from FILE.partial')
    .option('--shard <i/n>', 'process only shard I of N (0 <= I < N, FNV-1a of each relative path)')
    .addOption(new Option('--input-format <format>', 'files: paths; jsonl: {"id","text"|"resume"} records on stdin').choices(['files', 'jsonl']).default('files'))
    .addHelpText('after', ANALYZE_EXAMPLES)
    .showHelpAfterError('(resume-fit analyze --help lists the options)')
    .action(async (inputs: string[], o: AnalyzeOpts) => { setExit(await analyzeAction(inputs, o)); });

  program
    .command('explain')
    .description('explain one resume\'s score for a person: evidence lines, contributions, missing skills, next best role')
    .argument('<file>', 'a resume file (.txt .md .json .pdf .docx) or - for standard input')
    .option('-r, --role <id>', 'the role to explain (default: the best-fitting role)')
    .option('--taxonomy <file>', 'a custom taxonomy JSON')
    .option('--as-of <date>', 'the date experience and recency are measured against, YYYY-MM-DD (default: today, UTC)')
    .addHelpText('after', `
Matched terms are marked **like this** (~~struck~~ when negated), or underlined on a colour terminal
(set NO_COLOR to turn colour off).

Exit codes:
  0  the resume was explained
  1  the file could not be read, or cannot be analysed (the error is printed)
  2  usage error (bad option, unknown --role, invalid --taxonomy)`)
    .showHelpAfterError('(resume-fit explain --help lists the options)')
    .action(async (file: string, o: { role?: string; taxonomy?: string }) => { setExit(await explainAction(file, o)); });

  program
    .command('match')
    .description('rank resumes for one job posting (--job), or job postings for one resume (--resume), best first')
    .argument('[inputs...]', 'the resumes (with --job) or postings (with --resume): files, folders, quoted globs, or - for standard input')
    .option('--job <file>', 'the job posting (.txt, .md, .html, .pdf, .docx, or .json: {"title", "description", ...})')
    .option('--resume <file>', 'the resume (.txt .md .json .pdf .docx)')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, else jsonl)').choices(OUTPUT_FORMATS))
    .option('-o, --out <file>', 'write to FILE (via FILE.partial, renamed when complete); a .csv, .json or .jsonl FILE sets the format')
    .option('-j, --jobs <n>', `worker threads (default: the number of cores, ${defaultJobs()} here; 1 runs in-process)`, positiveInt('--jobs', 256))
    .option('--taxonomy <file>', 'a custom taxonomy JSON (validated; see resume-fit taxonomy check)')
    .option('--explain', 'add the heaviest missing items with why and a suggestion (table lines; json/jsonl have every one)')
    .option('--as-of <date>', 'the date experience is measured against (years asked), YYYY-MM-DD (default: today, UTC)')
    .option('--shard <i/n>', 'process only shard I of N (0 <= I < N, FNV-1a of each relative path)')
    .addHelpText('after', `
Output, best first (ties in input order, inputs that failed last): jsonl/json records are
{"file", "rank", ...fit} (matchJob's JobMatch: score, band, contributions, missing, shown, years);
csv has rank, file, score, band, posting_title, posting_role, required_shown, required_missing,
preferred_missing, years_met, error_code, error_message. Records are written once every input is scored.

Examples:
  resume-fit match --job posting.txt resumes/ --format csv --out ranked.csv
  resume-fit match --resume me.pdf postings/ --format table

Exit codes:
  0  every input was scored
  1  some inputs failed (each has an error record in the output), or the output could not be written
  2  usage error (neither or both of --job and --resume, an unreadable --job/--resume file, a bad option)
  130/143  interrupted by SIGINT/SIGTERM`)
    .showHelpAfterError('(resume-fit match --help lists the options)')
    .action(async (inputs: string[], o: MatchOpts) => { setExit(await matchAction(inputs, o)); });

  program
    .command('roles')
    .description('list the roles with their ids and titles')
    .option('--json', 'print JSON')
    .option('--taxonomy <file>', 'list the roles of a custom taxonomy')
    .addHelpText('after', `
Exit codes:
  0  the roles were listed
  2  usage error (bad option, invalid --taxonomy)`)
    .showHelpAfterError('(resume-fit roles --help lists the options)')
    .action(async (opts: { json?: boolean; taxonomy?: string }) => {
      const roles = (opts.taxonomy ? (await loadTaxonomy(opts.taxonomy)).analyzer : createAnalyzer()).listRoles();
      if (opts.json) process.stdout.write(`${JSON.stringify(roles.map(({ id, title }) => ({ id, title })), null, 2)}\n`);
      else for (const r of roles) process.stdout.write(`${r.id.padEnd(32)} ${r.title}\n`);
    });

  const taxonomy = program.command('taxonomy').description('work with custom taxonomies').showHelpAfterError('(resume-fit taxonomy --help lists the commands)').addHelpText('after', TAXONOMY_CHECK_EXIT_CODES.replace('Exit codes:', 'Exit codes (taxonomy check):'));
  taxonomy
    .command('check')
    .description('validate a custom taxonomy JSON and print every issue')
    .argument('<file>', 'the taxonomy JSON file')
    .showHelpAfterError('(resume-fit taxonomy check --help lists the options)')
    .addHelpText('after', TAXONOMY_CHECK_EXIT_CODES)
    .action(async (file: string) => { setExit(await taxonomyCheckAction(file)); });
  program
    .command('worker')
    .description('score jobs from a Redis queue (see resume-fit/queue and README "More than one machine"); needs `npm install bullmq`')
    .requiredOption('--redis <url>', 'the Redis URL, e.g. redis://127.0.0.1:6379')
    .requiredOption('--queue <name>', 'the queue name')
    .option('-j, --jobs <k>', 'jobs in flight in this process (default 1; run one worker per core for CPU parallelism)', positiveInt('--jobs', 256))
    .option('--lock <ms>', 'milliseconds before a dead worker\'s job is taken over (default 30000)', positiveInt('--lock', 3_600_000))
    .addHelpText('after', '\nRuns until SIGINT or SIGTERM, then finishes the jobs in hand and exits 0.')
    .action(async (o: { redis: string; queue: string; jobs?: number; lock?: number }) => {
      const w = await startWorker({ connection: o.redis, queue: o.queue, concurrency: o.jobs ?? 1, ...(o.lock ? { lockDuration: o.lock, stalledInterval: o.lock } : {}) });
      await w.ready;
      process.stderr.write(`resume-fit: worker on queue ${o.queue} (${o.jobs ?? 1} in flight)\n`);
      await new Promise<void>((res) => { process.once('SIGINT', () => res()); process.once('SIGTERM', () => res()); });
      await w.close();
      setExit(0);
    });

  const queue = program.command('queue').description('inspect and collect a Redis queue of resumes').showHelpAfterError('(resume-fit queue --help lists the commands)');
  queue
    .command('add')
    .description('enqueue resumes: files (each worker must be able to read the path; the id is the path), or {"id","text"|"resume"|"path"} records on stdin with -')
    .argument('<inputs...>', 'resume files (not folders or globs: expand them in the shell), or - for JSONL records on standard input')
    .requiredOption('--redis <url>', 'the Redis URL').requiredOption('--queue <name>', 'the queue name')
    .option('-t, --target <role>', 'the role reported as target')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today, UTC)')
    .addOption(new Option('-f, --format <format>', 'what the workers store: jsonl (full reports) or csv (the score row)').choices(['jsonl', 'csv']).default('jsonl'))
    .action(async (inputs: string[], o: { redis: string; queue: string; target?: string; asOf?: string; format: 'jsonl' | 'csv' }) => {
      checkAsOf(o.asOf);
      checkRole(createAnalyzer(), o.target, '--target');
      let bad = 0;
      async function* records(): AsyncGenerator<QueueInput> {
        for (const arg of inputs) {
          if (arg !== '-') { yield { id: arg, path: resolvePath(arg) }; continue; }
          for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
            if (!line.trim()) continue;
            let r: unknown;
            try { r = JSON.parse(line); } catch { bad++; continue; }
            const id = (r as { id?: unknown } | null)?.id;
            if (typeof r !== 'object' || r === null || (typeof id !== 'string' && typeof id !== 'number')) { bad++; continue; }
            yield r as QueueInput;
          }
        }
      }
      const n = await enqueue({ connection: o.redis, queue: o.queue, asOf: o.asOf ?? today(), format: o.format, ...(o.target ? { target: o.target } : {}) }, records());
      process.stderr.write(`resume-fit: ${n} enqueued on ${o.queue}${bad ? `; ${bad} line${bad === 1 ? '' : 's'} skipped (not JSON, or no "id")` : ''}\n`);
      setExit(bad ? 1 : 0);
    });
  queue
    .command('status')
    .description('counts per state, results written, resumes per second')
    .requiredOption('--redis <url>', 'the Redis URL').requiredOption('--queue <name>', 'the queue name')
    .option('--json', 'print JSON')
    .action(async (o: { redis: string; queue: string; json?: boolean }) => {
      const s = await queueStatus({ connection: o.redis, queue: o.queue });
      process.stdout.write(o.json ? `${JSON.stringify(s)}\n` : `${statusLine(s)}\n`);
    });
  queue
    .command('collect')
    .description('write every result as JSONL (one record per id, the shape of analyze --input-format jsonl)')
    .requiredOption('--redis <url>', 'the Redis URL').requiredOption('--queue <name>', 'the queue name')
    .action(async (o: { redis: string; queue: string }) => {
      const n = await collectResults({ connection: o.redis, queue: o.queue, out: process.stdout });
      process.stderr.write(`resume-fit: ${n} records\n`);
    });
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  try {
    await buildProgram((c) => { code = c; }).parseAsync(argv as string[]);
    return code;
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`${e.message}\n`); return 2; }
    if (e instanceof OutputError) { process.stderr.write(`${e.message}\n`); return 1; }
    if (e instanceof QueueError) { process.stderr.write(`${e.message}\n`); return 2; }
    const err = e as { code?: string; exitCode?: number };
    // commander's help and version "errors" exit 0; its usage errors exit 2.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) return 2;
    throw e;
  }
}

main(process.argv).then((code) => { process.exitCode = code; }, (e: unknown) => {
  // Unexpected: report the class only (a message could quote a resume).
  process.stderr.write(`resume-fit: internal error (${e instanceof Error ? e.name : 'error'}); please report it.\n`);
  process.exitCode = 1;
});
