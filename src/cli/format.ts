/**
 * Output records for `resume-fit analyze`. One record per input, built where the input was analysed (a worker
 * or the main thread) so the main thread only writes strings in input order.
 *
 *   jsonl  one line per input: {"file": ..., ...report} or {"file": ..., "error": {"code", "message"}}
 *          (with --input-format jsonl the key is "id" instead of "file")
 *   json   one array of the same objects, pretty-printed
 *   csv    RFC 4180 (CRLF, quoted when needed): key, target, target_score, target_band, best_role,
 *          best_score, one score column per role id, error_code, error_message[, summary with --explain]
 *   table  fixed-width columns for a terminal
 */
import type { AnalysisReport, JobMatch } from '../index.js';
import { briefExplanation } from './explain.js';

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'jsonl', 'csv'];

export interface FormatConfig {
  readonly format: OutputFormat;
  /** Name of the key field: "file" for files, "id" for --input-format jsonl records. */
  readonly keyName: 'file' | 'id';
  /** Roles kept in `roles` (json, jsonl) and shown (table); undefined keeps every role. */
  readonly top?: number;
  readonly explain: boolean;
  /** The taxonomy's role ids, in its order: the CSV score columns. */
  readonly roleIds: readonly string[];
  /** `match`: records are job fits (matchRecord), ranked best first. */
  readonly match?: boolean;
}

export interface RecordError { readonly code: string; readonly message: string }

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (fields: readonly (string | number | null | undefined)[]): string => `${fields.map(csvField).join(',')}\r\n`;

const TABLE_KEY_WIDTH = 40;

/** Keeps the end of a long path (the file name matters most). */
function fit_(s: string, width: number): string {
  return s.length <= width ? s.padEnd(width) : `…${s.slice(s.length - width + 1)}`;
}

const MATCH_CSV = ['score', 'band', 'posting_title', 'posting_role', 'required_shown', 'required_missing', 'preferred_missing', 'years_met'];

export function header(c: FormatConfig): string {
  if (c.match && c.format === 'csv') return csvRow(['rank', c.keyName, ...MATCH_CSV, 'error_code', 'error_message']);
  if (c.match && c.format === 'table') return `${'RANK'.padStart(4)}  ${'FILE'.padEnd(TABLE_KEY_WIDTH)}  ${'SCORE'.padStart(6)}  ${'BAND'.padEnd(8)}  MISSING REQUIRED\n`;
  switch (c.format) {
    case 'csv':
      return csvRow([c.keyName, 'target', 'target_score', 'target_band', 'best_role', 'best_score', ...c.roleIds, 'error_code', 'error_message', ...(c.explain ? ['summary'] : [])]);
    case 'table':
      return `${'FILE'.padEnd(TABLE_KEY_WIDTH)}  ${'TARGET'.padStart(6)}  ${'BAND'.padEnd(8)}  TOP ROLES\n`;
    case 'json':
      return '[';
    default:
      return '';
  }
}

/** Separator written before every record but the first (json only). */
export function separator(c: FormatConfig, first: boolean): string {
  return c.format === 'json' ? (first ? '\n' : ',\n') : '';
}

export function footer(c: FormatConfig, count: number): string {
  return c.format === 'json' ? (count ? '\n]\n' : ']\n') : '';
}

const indent = (json: string): string => json.replace(/\n/g, '\n  ');

function withKey(c: FormatConfig, key: string | number | null, rest: object, line?: number): object {
  return line !== undefined ? { [c.keyName]: key, line, ...rest } : { [c.keyName]: key, ...rest };
}

export function resultRecord(c: FormatConfig, key: string | number | null, report: AnalysisReport): string {
  switch (c.format) {
    case 'csv': {
      const scores = new Map(report.roles.map((r) => [r.id, r.score]));
      const best = report.roles[0]!;
      // Every score 0 (report.reason): no best role, so best_role and best_score are empty.
      return csvRow([key, report.target.id, report.target.score, report.target.band, report.reason ? '' : best.id, report.reason ? '' : best.score, ...c.roleIds.map((id) => scores.get(id)), '', '', ...(c.explain ? [report.comparison.summary] : [])]);
    }
    case 'table': {
      const roles = report.roles.slice(0, c.top ?? 3).map((r) => `${r.id} ${r.score.toFixed(2)}`).join(' · ');
      const row = `${fit_(String(key), TABLE_KEY_WIDTH)}  ${report.target.score.toFixed(2).padStart(6)}  ${report.target.band.padEnd(8)}  ${roles}\n`;
      return c.explain ? row + briefExplanation(report).map((l) => `    ${l}\n`).join('') : row;
    }
    default: {
      let body: object = c.top !== undefined ? { ...report, roles: report.roles.slice(0, c.top) } : report;
      if (c.explain) body = { ...body, explanation: briefExplanation(report) };
      const obj = withKey(c, key, body);
      return c.format === 'json' ? `  ${indent(JSON.stringify(obj, null, 2))}` : `${JSON.stringify(obj)}\n`;
    }
  }
}

/**
 * One job fit (`resume-fit match`); `rank` is filled in by the batch once every record is in (csv and table show it,
 * json and jsonl carry it as the first field after the key).
 */
export function matchRecord(c: FormatConfig, key: string | number | null, fit: JobMatch, rank: number): string {
  const missing = (status: string) => fit.missing.filter((g) => g.component === status).map((g) => g.skill);
  switch (c.format) {
    case 'csv': {
      const years = fit.years.length ? `${fit.years.filter((y) => y.met).length}/${fit.years.length}` : '';
      return csvRow([rank, key, fit.score, fit.band, fit.title, fit.role, fit.shown.filter((s) => s.status === 'required').map((s) => s.id).join(';'), missing('required').join(';'), missing('preferred').join(';'), years, '', '']);
    }
    case 'table': {
      const row = `${String(rank).padStart(4)}  ${fit_(String(key), TABLE_KEY_WIDTH)}  ${fit.score.toFixed(2).padStart(6)}  ${fit.band.padEnd(8)}  ${missing('required').slice(0, 4).join(', ') || '-'}\n`;
      return c.explain ? row + fit.missing.slice(0, 3).map((g) => `      ${g.why} ${g.suggestion}\n`).join('') : row;
    }
    default: {
      const obj = { [c.keyName]: key, rank, ...fit };
      return c.format === 'json' ? `  ${indent(JSON.stringify(obj, null, 2))}` : `${JSON.stringify(obj)}\n`;
    }
  }
}

export function errorRecord(c: FormatConfig, key: string | number | null, error: RecordError, line?: number): string {
  if (c.match && c.format === 'csv') return csvRow(['', key, ...MATCH_CSV.map(() => ''), error.code, error.message]);
  if (c.match && c.format === 'table') return `${'-'.padStart(4)}  ${fit_(String(key), TABLE_KEY_WIDTH)}  ${'-'.padStart(6)}  ${'error'.padEnd(8)}  ${error.code}: ${error.message.replace(/^resume-fit: /, '')}\n`;
  switch (c.format) {
    case 'csv':
      return csvRow([key, '', '', '', '', '', ...c.roleIds.map(() => ''), error.code, error.message, ...(c.explain ? [''] : [])]);
    case 'table':
      return `${fit_(String(key), TABLE_KEY_WIDTH)}  ${'-'.padStart(6)}  ${'error'.padEnd(8)}  ${error.code}: ${error.message.replace(/^resume-fit: /, '')}\n`;
    default: {
      const obj = withKey(c, key, { error: { code: error.code, message: error.message } }, line);
      return c.format === 'json' ? `  ${indent(JSON.stringify(obj, null, 2))}` : `${JSON.stringify(obj)}\n`;
    }
  }
}
