/**
 * The real-resume evaluation set (test/real): texts are not in the repository (their licences do not allow it,
 * or say nothing), so this script rebuilds them from snapshots of their public repositories, following the recipe
 * in test/real/sources.jsonl, and checks each against its recorded hash.
 *
 *   tsx scripts/real.ts build            rebuild every text into the cache, report what is missing
 *   tsx scripts/real.ts postings         rebuild the job postings of test/postings into their cache
 *   tsx scripts/real.ts extract <json>   print the text one recipe gives (used while gathering)
 *   tsx scripts/real.ts select <id> <health|nonhealth>
 *                                        print the lines of a cached text to label (deterministic choice)
 *
 * Snapshots are bare git directories at $RESUME_FIT_MIRRORS/<owner>+<name>/repo (default /work/.mirror); the
 * cache is $RESUME_FIT_REAL_DIR (default ~/.cache/resume-fit/real). Nothing here is part of the package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { renderJsonResume } from '../src/text/json-resume.js';
import { parseResumeBytes } from '../src/node/read.js';
import { realDir, mirrorsDir, sha16, type Recipe } from '../test/real/load.js';
import { postingsDir } from '../test/postings/load.js';

function gitBytes(repo: string, commit: string, path: string): Buffer {
  // A snapshot is a bare git directory, or (some) a work tree's .git.
  const base = join(mirrorsDir(), repo.replace('/', '+'), 'repo');
  const gitDir = existsSync(join(base, '.git')) ? join(base, '.git') : base;
  if (!existsSync(gitDir)) throw new Error(`no snapshot of ${repo} at ${gitDir} (fetch github:${repo} first)`);
  return execFileSync('git', ['--git-dir', gitDir, 'cat-file', 'blob', `${commit}:${path}`], { maxBuffer: 1 << 30 });
}

/** RFC 4180 CSV: quoted fields with doubled quotes and embedded newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function pointer(value: unknown, ptr: string): unknown {
  let v = value;
  for (const part of ptr.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    v = (v as Record<string, unknown>)[Array.isArray(v) ? Number(key) : key];
    if (v === undefined) throw new Error(`JSON pointer ${ptr} not found`);
  }
  return v;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', bull: '•', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', middot: '·' };

/** Text of an HTML page (or a JSX/template file): scripts and styles dropped, block tags as line ends. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|section|header|footer|article|table|dt|dd)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m)
    .split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** Resume data kept in source code (a portfolio's resume.js): its string literals of two or more words, a line each. */
function stringLiterals(src: string): string {
  const out: string[] = [];
  for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const s = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1').trim();
    if (/[A-Za-z]{2,}\W+[A-Za-z]{2,}/.test(s) && !/^[\w./-]+$/.test(s)) out.push(s.replace(/\s*\n\s*/g, ' '));
  }
  return out.join('\n');
}

/** One file of a zip archive (stored or deflated), found through the central directory. */
function unzipEntry(zip: Buffer, name: string): Buffer {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip entry ${name}: compression method ${method} is not supported`);
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`zip entry ${name} not found`);
}

/** The resume text a recipe gives, with line ends normalised to \n. */
export async function extract(r: Recipe): Promise<string> {
  let bytes = gitBytes(r.repo, r.commit, r.path);
  let kind = r.extract;
  if (kind === 'zip') {
    bytes = unzipEntry(bytes, r.entry ?? '');
    kind = r.inner ?? 'text';
  }
  let text: string;
  switch (kind) {
    case 'text': text = bytes.toString('utf8'); break;
    case 'pdf': case 'docx': {
      const input = await parseResumeBytes(new Uint8Array(bytes), kind);
      if (input.kind !== 'text') throw new Error('not text');
      text = input.text;
      break;
    }
    case 'json-resume': {
      const doc = r.pointer ? pointer(JSON.parse(bytes.toString('utf8')), r.pointer) : JSON.parse(bytes.toString('utf8'));
      text = renderJsonResume(doc as never).text;
      break;
    }
    case 'json': text = String(pointer(JSON.parse(bytes.toString('utf8')), r.pointer ?? '')); break;
    case 'jsonl': {
      const line = bytes.toString('utf8').split('\n')[r.row ?? 0]!;
      text = String(pointer(JSON.parse(line), r.pointer ?? ''));
      break;
    }
    case 'csv': {
      const rows = parseCsv(bytes.toString('utf8'));
      const col = rows[0]!.indexOf(r.column ?? '');
      if (col < 0) throw new Error(`CSV column ${r.column} not found`);
      text = rows[r.row ?? 1]![col]!;
      break;
    }
    case 'html': text = htmlText(bytes.toString('utf8')); break;
    case 'strings': text = stringLiterals(bytes.toString('utf8')); break;
    default: throw new Error(`unknown extract ${kind}`);
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Words that make a non-health line look like a health one: where hard negatives come from. */
const TRAP = /\b(patients?|care|clinic(al)?|medical|health|hospital|emergency|ems|er|labs?|laborator(y|ies)|licen[cs]e[ds]?|certifi(ed|cation|cate)|registry|registered|vitals?|charts?|charting|therap(y|ist|ies)|nurs(e|es|ing)|safety|monitor(ing|ed)?|records?|cpr|first aid|aed|bls|emt|ekg|ecg|hipaa|screening|triage|treatment|diagnos\w*|transport\w*|rehab\w*|aide|technician|tech|specimens?|samples?|blood|pressure|glucose|insurance|billing|coding|claims|confidential\w*|compassion\w*|wellness|mental|behavio\w*|counsel\w*|paramedic|ambulance|wound|infection|sanit\w*|hygiene|ppe|osha|transcri\w*|telehealth|wearables?|exercise|fitness|stamina|calm|pharma\w*|dental|vet(eran)?s?|rescue|crisis|alert|alarms?)\b/i;

function candidates(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, line) => {
    const t = raw.trim();
    if ((t.match(/[A-Za-z]{2,}/g) ?? []).length < 2) return; // a date, a number, one word
    if (/^[\w.+-]+@[\w-]+\.[\w.]+$|^(https?:\/\/|www\.)\S+$|^\+?[\d\s().-]{7,}$/.test(t)) return;
    out.push({ line, text: t });
  });
  return out;
}

function byHash(id: string) {
  return (a: { line: number }, b: { line: number }) =>
    sha16(`${id}:${a.line}`).localeCompare(sha16(`${id}:${b.line}`));
}

/** Health resumes: 8 lines drawn at random (by hash). Non-health: up to 5 trap-word lines and 1 other. */
export function select(id: string, group: 'health' | 'service' | 'nonhealth', text: string) {
  const all = candidates(text).sort(byHash(id));
  const picked = group !== 'nonhealth'
    ? all.slice(0, 8)
    : [...all.filter((c) => TRAP.test(c.text)).slice(0, 5), ...all.filter((c) => !TRAP.test(c.text)).slice(0, 1)];
  return picked.sort((a, b) => a.line - b.line).map((c) => ({ id: `${id}#${c.line}`, resume: id, line: c.line, sha: sha16(c.text), text: c.text }));
}

/** The objects of a JSON Lines file, one a line (none when the file is absent). */
function readJsonl(file: string | URL): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Rebuilds the texts of a manifest's recipes into `dir`, checking each against its recorded hash. */
async function rebuild(what: string, manifest: URL, dir: string, listed: number): Promise<void> {
  const sources = readJsonl(manifest) as unknown as { id: string; source: Recipe; sha: string }[];
  mkdirSync(dir, { recursive: true });
  let ok = 0;
  const failed: string[] = [];
  for (const s of sources) {
    try {
      const text = await extract(s.source);
      if (sha16(text) !== s.sha) throw new Error('hash differs from the recorded one');
      writeFileSync(join(dir, `${s.id}.txt`), text);
      ok++;
    } catch (e) {
      failed.push(`${s.id}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  console.log(`${what === 'resumes' ? 'real' : what}: ${ok} of ${sources.length} texts rebuilt in ${dir}`);
  for (const f of failed.slice(0, listed)) console.log(`  ${f}`);
  if (failed.length > listed) console.log(`  ... and ${failed.length - listed} more`);
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'extract') {
    process.stdout.write(await extract(JSON.parse(args[0]!) as Recipe));
  } else if (cmd === 'select') {
    const [id, group] = args as [string, 'health' | 'service' | 'nonhealth'];
    const text = readFileSync(join(realDir(), 'resumes', `${id}.txt`), 'utf8');
    for (const l of select(id, group, text)) console.log(JSON.stringify(l));
  } else if (cmd === 'build') {
    await rebuild('resumes', new URL('../test/real/sources.jsonl', import.meta.url), join(realDir(), 'resumes'), 20);
  } else if (cmd === 'postings') {
    // The job-posting set (test/postings): the same recipes, into $RESUME_FIT_POSTINGS_DIR.
    await rebuild('postings', new URL('../test/postings/manifest.jsonl', import.meta.url), postingsDir(), Infinity);
  } else if (cmd === 'assemble') {
    // Gathered manifests and labels (with line texts, outside the repository) into test/real, texts dropped.
    const [from] = args as [string];
    const read = (dir: string) => readdirSync(join(from, dir)).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => readJsonl(join(from, dir, f)));
    const sources = new Map<string, Record<string, unknown>>();
    const history = new Map(readJsonl(join(from, 'history.jsonl')).map((h) => [h['id'] as string, h['healthHistory'] as boolean]));
    // One resume once: a text taken by two gatherers keeps its first id.
    const seen = new Set<string>();
    for (const s of read('manifests')) {
      const id = s['id'] as string;
      const key = String(s['sha']);
      if (seen.has(key)) { console.log(`skip ${id}: same text as an earlier resume`); continue; }
      seen.add(key);
      const file = join(realDir(), 'resumes', `${id}.txt`);
      if (!existsSync(file)) { console.log(`skip ${id}: no text`); continue; }
      if (sha16(readFileSync(file, 'utf8')) !== s['sha']) { console.log(`skip ${id}: hash differs from the text`); continue; }
      const { id: _id, group, source, licence, kind, sha, title, role, acceptable } = s;
      const hist = group === 'nonhealth' ? history.get(id) : undefined;
      sources.set(id, { id, group, source, licence, kind, sha, title, ...(role ? { role } : {}), ...(role && Array.isArray(acceptable) && acceptable.length ? { acceptable } : {}), ...(hist === undefined ? {} : { healthHistory: hist }) });
    }
    // Adjudicated second annotation (test/real/README.md, "Double annotation"): a line's corrected labels, by id.
    const corrections = new Map(readJsonl(join(from, 'corrections.jsonl')).map((c) => [c['id'] as string, c]));
    const lines = new Map<string, Record<string, unknown>>();
    for (const first of read('labels')) {
      const l = { ...first, ...(corrections.get(first['id'] as string) ?? {}) };
      const resume = l['resume'] as string;
      if (!sources.has(resume)) continue;
      const text = readFileSync(join(realDir(), 'resumes', `${resume}.txt`), 'utf8').split('\n')[l['line'] as number]?.trim();
      if (text === undefined || sha16(text) !== l['sha']) { console.log(`skip line ${String(l['id'])}: hash differs`); continue; }
      const { id, line, sha, skills, negated, hedged } = l;
      lines.set(id as string, { id, resume, line, sha, skills: skills ?? [], negated: negated ?? [], hedged: hedged ?? [] });
    }
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a['id']).localeCompare(String(b['id']), 'en', { numeric: true });
    const out = (rows: Record<string, unknown>[]) => rows.sort(byId).map((r) => JSON.stringify(r)).join('\n') + '\n';
    writeFileSync(new URL('../test/real/sources.jsonl', import.meta.url), out([...sources.values()]));
    writeFileSync(new URL('../test/real/lines.jsonl', import.meta.url), out([...lines.values()]));
    console.log(`real: ${sources.size} resumes, ${lines.size} lines written to test/real`);
  } else {
    console.error('usage: tsx scripts/real.ts build | extract <recipe-json> | select <id> <health|nonhealth> | assemble <dir>');
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
