// The web demo end to end: scripts/serve-web.mjs serves examples/web/ and dist/browser/, and Debian's Chromium
// (driven by playwright-core) pastes and drops resumes into the page. Expected values come from the very build
// the page loads (dist/browser/resume-fit.js, imported here in Node), so the page is checked against what
// analyzeResume and compareRoles really return, even while src/ changes after a build.
// The browser is CHROMIUM_PATH (default /usr/bin/chromium). Without it the Chromium tests are skipped with one
// line saying how to enable them, except under CI=true, where a missing browser is a failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonResume } from '../src/index.js';
import { requireBuilt } from './helpers.js';

type Library = typeof import('../src/index.js');

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Outside CI, a machine without Chromium skips the browser tests (and says so once). */
const SKIP_BROWSER = !HAVE_CHROMIUM && !IN_CI;
if (SKIP_BROWSER) console.warn(`resume-fit: browser tests skipped: no Chromium at ${CHROMIUM}; to run them, install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);

const BUNDLE = join(repo, 'dist', 'browser', 'resume-fit.js');
const SAMPLE_PATH = join(repo, 'examples', 'resumes', 'health-technician.txt');
const JSON_PATH = join(repo, 'examples', 'resumes', 'psychiatric-technician.json');
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

let server: ChildProcess | undefined;
let origin = '';
let browser: Browser | undefined;
let page: Page;
let problems: string[] = [];
let analyzeResume: Library['analyzeResume'];
let compareRoles: Library['compareRoles'];
let matchJob: Library['matchJob'];
let parseJobPosting: Library['parseJobPosting'];

/** Starts serve-web on a free port (--port 0) and reads the URL it prints. */
function startServer(): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(repo, 'scripts', 'serve-web.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) done(m[0].slice(0, -1));
    });
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => fail(new Error(`serve-web exited with ${code} before printing its URL: ${err.trim()}`)));
  });
}

/** A raw GET (no URL normalisation, so "/../" reaches the server as written). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  requireBuilt('dist/browser/resume-fit.js'); // the web demo loads it
  ({ analyzeResume, compareRoles, matchJob, parseJobPosting } = (await import(pathToFileURL(BUNDLE).href)) as Library);
  origin = await startServer();
});

afterAll(() => {
  server?.kill();
});

describe('serve-web', () => {
  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/index.html', 200, 'text/html; charset=utf-8'],
    ['/app.js', 200, 'text/javascript; charset=utf-8'],
    ['/style.css', 200, 'text/css; charset=utf-8'],
    ['/dist/browser/resume-fit.js', 200, 'text/javascript; charset=utf-8'],
    ['/missing.html', 404, 'text/plain; charset=utf-8'],
    ['/dist/browser/', 404, 'text/plain; charset=utf-8'],
  ])('GET %s answers %i with %s', async (path, status, type) => {
    const res = await rawGet(path);
    expect([res.status, res.type]).toEqual([status, type]);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/dist/browser/../../package.json',
    '/dist/browser/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(400);
    expect(res.body).toBe('Bad request\n');
  });
});

describe.skipIf(SKIP_BROWSER)('the web demo in Chromium', () => {
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(`Chromium is not installed at ${CHROMIUM} (CHROMIUM_PATH); under CI the web demo test needs it. Install it with: apt-get update && apt-get install -y chromium`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    problems = [];
    page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    // Works offline: every request stays on the demo server.
    page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`external request: ${r.url()}`); });
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  it('highlights the evidence, ranks the roles and lists what is missing for a pasted resume', async () => {
    const expected = analyzeResume(SAMPLE);
    await page.fill('#resume', SAMPLE);
    await page.click('#analyze');
    await page.waitForSelector('#results:not([hidden])');

    // The highlighted view is the analysed text, unchanged, with marks at the evidence offsets.
    expect(await page.textContent('#highlighted')).toBe(SAMPLE);
    const marks = await page.$$eval('#highlighted mark', (ms) => ms.map((m) => [m.textContent, m.getAttribute('title')]));
    expect(marks).toEqual(expect.arrayContaining([
      ['Excellent interpersonal', 'Excellent interpersonal skills'],
      ['Vital Signs', 'Vital signs'],
      ['Phlebotomy', 'Phlebotomy'],
      ['12-lead EKGs', 'EKG / electrocardiogram'],
      ['telemetry unit', 'Telemetry monitoring'],
      ['Medical Terminology', 'Medical terminology'],
    ]));
    expect(marks).toHaveLength(expected.skills.reduce((n, s) => n + s.evidence.length, 0));

    // The bar chart: every role, best first, with its score.
    const bars = await page.$$eval('#bars li', (ls) => ls.map((l) => [l.querySelector('.bar-name')!.firstChild!.textContent, l.querySelector('.bar-score')!.textContent]));
    expect(bars).toEqual(expected.roles.map((r) => [r.title, r.score.toFixed(1)]));
    // The top role is whatever the build ranks first (scoring is tuned elsewhere); the page must show that one.
    const top = expected.roles[0]!;
    expect(await page.textContent('#best')).toBe(`${top.title} · ${top.score.toFixed(1)}`);
    expect(await page.textContent('#status')).toContain(`Best fit: ${top.title}, ${top.score.toFixed(1)} (${top.band}).`);
    expect(await page.$$eval('#bars li.is-target', (ls) => ls.map((l) => (l as HTMLElement).dataset.role))).toEqual(['health-technician']);

    // Missing skills of the target role, heaviest first, with why and a suggestion.
    const gap = expected.target.missing[0]!;
    const first = page.locator('#missing li').first();
    expect(await first.locator('.gap-label').textContent()).toBe(gap.label);
    expect(await first.locator('.gap-why').textContent()).toBe(gap.why);
    expect(await first.locator('.gap-suggestion').textContent()).toBe(`Try: ${gap.suggestion}`);
    expect(await page.locator('#missing li').count()).toBe(5);
    expect(await page.textContent('#more')).toBe(`Show all ${expected.target.missing.length}`);
    await page.click('#more');
    expect(await page.$$eval('#missing .gap-label', (ls) => ls.map((l) => l.textContent))).toEqual(expected.target.missing.map((g) => g.label));
    expect(await page.getAttribute('#more', 'aria-expanded')).toBe('true');
    await page.click('#more');
    expect(await page.locator('#missing li').count()).toBe(5);

    // Side by side: the page shows what compareRoles says for the two chosen roles.
    await page.selectOption('#cmp-a', 'emergency-medical-technician');
    await page.selectOption('#cmp-b', 'health-information-technician');
    const cmp = compareRoles(expected, 'emergency-medical-technician', 'health-information-technician');
    expect(await page.textContent('#cmp-summary')).toBe(cmp.summary);
    expect(await page.textContent('#cmp-side-a h3')).toBe('Emergency Medical Technician');
    expect(await page.$$eval('#cmp-side-b .chips.found li', (ls) => ls.map((l) => l.textContent))).toEqual(cmp.b.distinctFound);

    mkdirSync(join(repo, 'artifacts'), { recursive: true });
    await page.selectOption('#cmp-a', 'health-technician');
    await page.selectOption('#cmp-b', 'emergency-room-technician');
    await page.screenshot({ path: join(repo, 'artifacts', 'web-demo.png'), fullPage: true });
  });

  it('matches the resume to a pasted job posting: the fit, the missing items (required first) and the items shown', async () => {
    await page.fill('#resume', SAMPLE);
    await page.click('#posting-sample');
    const postingText = await page.inputValue('#posting');
    await page.click('#match');
    await page.waitForSelector('#job:not([hidden])');
    const fit = matchJob(SAMPLE, parseJobPosting(postingText), { asOf: new Date().toISOString().slice(0, 10) });
    expect(await page.textContent('#job-summary')).toBe(`Patient Care Technician: ${fit.score.toFixed(1)} (${fit.band}). ${fit.shown.length} of ${fit.shown.length + fit.missing.length} items shown.`);
    expect(await page.$$eval('#job-missing li', (ls) => ls.map((l) => (l as HTMLElement).dataset.skill))).toEqual(fit.missing.map((g) => g.skill));
    expect(await page.locator('#job-shown li').count()).toBe(fit.shown.length);
  });

  it('reads a dropped JSON Resume file and highlights report.text', async () => {
    const doc = JSON.parse(readFileSync(JSON_PATH, 'utf8')) as JsonResume;
    const expected = analyzeResume(doc);
    // A real drop event on the input box, carrying the file.
    const raw = readFileSync(JSON_PATH, 'utf8');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'psychiatric-technician.json', { type: 'application/json' }));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, raw);
    await page.waitForSelector('#results:not([hidden])');
    expect(await page.inputValue('#resume')).toBe(raw);
    expect(await page.textContent('#highlighted')).toBe(expected.text);
    expect(await page.textContent('#best')).toBe(`Psychiatric (Mental Health) Technician · ${expected.roles[0]!.score.toFixed(1)}`);
    const marks = await page.$$eval('#highlighted mark', (ms) => ms.map((m) => [m.textContent, m.getAttribute('title')]));
    expect(marks).toEqual(expect.arrayContaining([['de-escalate', 'Behavioral management'], ['ABA therapy', 'ABA therapy'], ['LPT', 'Psychiatric technician licence']]));
  });

  it('marks negated and hedged evidence apart, naming the cue', async () => {
    await page.fill('#resume', 'EXPERIENCE\n• Took vital signs for 30 patients a day.\n• No experience with telemetry.\n• Familiar with phlebotomy.\n');
    await page.click('#analyze');
    await page.waitForSelector('#results:not([hidden])');
    const marks = await page.$$eval('#highlighted mark', (ms) => ms.map((m) => [m.textContent, m.className, m.getAttribute('title')]));
    expect(marks).toEqual([
      ['vital signs', '', 'Vital signs'],
      ['patients', '', 'Patients'],
      ['telemetry', 'neg', 'Telemetry monitoring (negated: "no experience")'],
      ['phlebotomy', 'hedge', 'Phlebotomy (hedged: "familiar with")'],
    ]);
  });

  it('re-scores for another target role', async () => {
    await page.fill('#resume', SAMPLE);
    await page.click('#analyze');
    await page.selectOption('#target', 'psychiatric-technician');
    const expected = analyzeResume(SAMPLE, { target: 'psychiatric-technician' });
    await expect.poll(() => page.textContent('#missing-role')).toBe('Psychiatric (Mental Health) Technician');
    expect(await page.locator('#missing .gap-label').first().textContent()).toBe(expected.target.missing[0]!.label);
    expect(await page.textContent('#target-score')).toBe(`Psychiatric (Mental Health) Technician · ${expected.target.score.toFixed(1)}`);
  });

  it('is usable by keyboard: tab order, buttons, labels, live results, focusable evidence', async () => {
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => { const a = document.activeElement!; return a.id || a.getAttribute('href') || a.tagName; }));
    }
    expect(order).toEqual(['#results', 'resume', 'file', 'target', 'analyze', 'sample', 'clear']);
    // The focused button shows a focus ring.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');

    // "Load sample" by keyboard: Shift+Tab back to it, Enter.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results:not([hidden])');
    expect(await page.inputValue('#resume')).toBe(SAMPLE); // the bundled sample is examples/resumes/health-technician.txt

    expect(await page.$$eval('#analyze, #sample, #clear, #more', (bs) => bs.map((b) => b.tagName))).toEqual(['BUTTON', 'BUTTON', 'BUTTON', 'BUTTON']);
    const unlabelled = await page.$$eval('textarea, select, input', (cs) => cs.filter((c) => (c as HTMLInputElement).labels?.length === 0).map((c) => c.id));
    expect(unlabelled).toEqual([]);
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');

    // Evidence is reachable by keyboard and shows its skill when focused.
    await page.focus('#cmp-b');
    let label = '';
    for (let i = 0; i < 10 && !label; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => { const a = document.activeElement!; return a.tagName === 'MARK' ? getComputedStyle(a, '::after').content : ''; });
    }
    expect(label).toBe('"Excellent interpersonal skills"');
  });

  it.each([
    ['invalid JSON', '{ "basics": { "name": "Pat Doe", ', 'This looks like JSON but is not valid JSON. Fix it, or paste the resume as plain text.'],
    ['an empty box', '   ', 'Paste a resume, open a file or load the sample first.'],
    ['a JSON Resume with a bad field', '{ "basics": { "name": 42 } }', null],
  ])('explains %s without echoing the resume', async (_name, text, message) => {
    await page.fill('#resume', text);
    await page.click('#analyze');
    const shown = await page.locator('#error').textContent();
    expect(await page.isVisible('#error')).toBe(true);
    if (message) expect(shown).toBe(message);
    else expect(shown).toMatch(/^resume-fit: /);
    expect(shown).not.toContain('Pat Doe');
    expect(await page.isHidden('#results')).toBe(true);
  });

  it('opens a text file with the file picker', async () => {
    await page.setInputFiles('#file', SAMPLE_PATH);
    await page.waitForSelector('#results:not([hidden])');
    expect(await page.textContent('#highlighted')).toBe(SAMPLE);
  });

  it('sends PDF files to the command-line tool', async () => {
    await page.setInputFiles('#file', { name: 'resume.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    expect(await page.locator('#error').textContent()).toContain('PDF and Word files go through the resume-fit command-line tool');
    expect(await page.isHidden('#results')).toBe(true);
  });
});
