/**
 * Explanations for a person: the full one of `resume-fit explain` and the brief one of `analyze --explain`.
 * Pure functions of a report (and the analysed text); no I/O.
 */
import type { AnalysisReport, Evidence, RoleFit } from '../index.js';
import { lastAtOrBefore } from '../search.js';

const fmt = (n: number): string => n.toFixed(2);

/** A few lines: the target's score, the comparison summary, the top contributions and the top gaps. */
export function briefExplanation(report: AnalysisReport): string[] {
  const t = report.target;
  const best = report.roles[0]!;
  const lines = [`${t.title}: ${fmt(t.score)} (${t.band})${report.reason ? '' : best.id !== t.id ? `; best fit ${best.title} ${fmt(best.score)}` : '; the best fit'}.`];
  if (report.reason) lines.push(`Why 0: ${report.reason}.`);
  lines.push(report.comparison.summary);
  const top = [...t.contributions].sort((a, b) => b.points - a.points).slice(0, 3);
  if (top.length) lines.push(`Top evidence: ${top.map((c) => `${c.label} (+${fmt(c.points)})`).join(', ')}.`);
  if (t.missing.length) lines.push(`Missing: ${t.missing.slice(0, 3).map((g) => g.label).join(', ')}. ${t.missing[0]!.suggestion}`);
  return lines;
}

export interface ExplainStyle {
  /** Marks a matched term; `negated` for a mention under a negation cue. */
  readonly mark: (term: string, negated: boolean) => string;
  readonly heading: (text: string) => string;
}

export const PLAIN_STYLE: ExplainStyle = {
  mark: (t, negated) => (negated ? `~~${t}~~` : `**${t}**`),
  heading: (t) => t,
};

export const ANSI_STYLE: ExplainStyle = {
  mark: (t, negated) => (negated ? `\u001b[9m${t}\u001b[29m` : `\u001b[1;4m${t}\u001b[22;24m`),
  heading: (t) => `\u001b[1m${t}\u001b[22m`,
};

interface Span { readonly start: number; readonly end: number; readonly label: string; readonly e: Evidence }

/** Start offsets of each line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts, offset);
}

/** Every line with a skill mention, the mentions marked, and the skills named under it. */
function evidenceLines(report: AnalysisReport, text: string, style: ExplainStyle): string[] {
  const spans: Span[] = report.skills.flatMap((s) => s.evidence.map((e) => ({ start: e.start, end: e.end, label: s.label, e })));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const starts = lineStarts(text);
  const byLine = new Map<number, Span[]>();
  let lastEnd = -1;
  for (const s of spans) {
    if (s.start < lastEnd) continue; // overlapping mention of another skill: the first one is marked
    lastEnd = s.end;
    const line = lineOf(starts, s.start);
    const list = byLine.get(line);
    if (list) list.push(s); else byLine.set(line, [s]);
  }
  const out: string[] = [];
  const width = String(starts.length).length;
  for (const [line, list] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    const from = starts[line]!;
    const to = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
    let s = '';
    let at = from;
    for (const sp of list) {
      const end = Math.min(sp.end, to);
      s += text.slice(at, sp.start) + style.mark(text.slice(sp.start, end), sp.e.negated);
      at = end;
    }
    s += text.slice(at, to);
    out.push(`  ${String(line + 1).padStart(width)}  ${s.replace(/\r$/, '').trim()}`);
    const notes = list.map((sp) => `${sp.label}${sp.e.negated ? ` (negated${sp.e.cue ? `: "${sp.e.cue}"` : ''})` : sp.e.hedged ? ` (hedged${sp.e.cue ? `: "${sp.e.cue}"` : ''})` : ''}`);
    out.push(`  ${' '.repeat(width)}  -> ${[...new Set(notes)].join('; ')}`);
  }
  return out;
}

function contributionLines(fit: RoleFit, starts: readonly number[]): string[] {
  const out: string[] = [];
  const components = [...new Set(fit.contributions.map((c) => c.component))];
  for (const comp of components) {
    const items = fit.contributions.filter((c) => c.component === comp).sort((a, b) => b.points - a.points);
    const total = items.reduce((n, c) => n + c.points, 0);
    out.push(`  ${comp} +${fmt(total)}`);
    for (const c of items) {
      const e = c.evidence[0];
      const where = e ? `, line ${lineOf(starts, e.start) + 1}${e.section ? ` in ${e.section}` : ''}` : '';
      out.push(`    +${fmt(c.points).padStart(5)}  ${c.label} (weight ${c.weight}, strength ${c.strength.toFixed(2)}${where})`);
    }
  }
  return out;
}

export interface ExplainOptions {
  readonly file: string;
  /** The analysed text (for JSON Resume input: report.text). */
  readonly text: string;
  readonly style: ExplainStyle;
  /** Gaps listed before "... and N more". */
  readonly maxMissing?: number;
}

/** The full explanation of `report.target` for a person. */
export function explainText(report: AnalysisReport, o: ExplainOptions): string {
  const t = report.target;
  const h = o.style.heading;
  const starts = lineStarts(o.text);
  const lines: string[] = [];
  lines.push(h(`${o.file}: ${t.title} (${t.id}) ${fmt(t.score)}/100, ${t.band}`));
  if (t.reason) lines.push(`  Why 0: ${t.reason}.`);
  lines.push('', h('Evidence (skills found, marked in the resume lines)'));
  const ev = evidenceLines(report, o.text, o.style);
  lines.push(...(ev.length ? ev : ['  (no skill of the taxonomy was found)']));
  lines.push('', h(`Score contributions (add up to ${fmt(t.score)})`));
  const contrib = contributionLines(t, starts);
  lines.push(...(contrib.length ? contrib : ['  (none)']));
  const max = o.maxMissing ?? 10;
  lines.push('', h(`Missing skills for ${t.title} (heaviest first)`));
  if (!t.missing.length) lines.push('  (none: the resume shows every skill of the profile)');
  for (const g of t.missing.slice(0, max)) {
    lines.push(`  - ${g.label} (${g.component}, weight ${g.weight})`, `      why: ${g.why}`, `      suggestion: ${g.suggestion}`);
  }
  if (t.missing.length > max) lines.push(`  ... and ${t.missing.length - max} more`);
  const c = report.comparison;
  lines.push('', h(report.reason ? `Compared with ${c.b.title} (${fmt(c.b.score)})` : `Compared with ${c.b.title} (${fmt(c.b.score)}), the next best role`), `  ${c.summary}`);
  const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : '(none)');
  lines.push(`  Only ${c.a.title} wants, found: ${list(c.a.distinctFound)}`);
  lines.push(`  Only ${c.a.title} wants, missing: ${list(c.a.distinctMissing)}`);
  lines.push(`  Only ${c.b.title} wants, found: ${list(c.b.distinctFound)}`);
  lines.push(`  Only ${c.b.title} wants, missing: ${list(c.b.distinctMissing)}`);
  lines.push(`  Both want, found: ${list(c.sharedFound)}`);
  for (const x of c.context) lines.push(`  - ${x}`);
  lines.push('', h('All roles'));
  for (const r of report.roles) lines.push(`  ${fmt(r.score).padStart(6)}  ${r.band.padEnd(8)}  ${r.title} (${r.id})`);
  return `${lines.join('\n')}\n`;
}
