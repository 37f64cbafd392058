/**
 * Job postings often come as HTML, or as HTML escaped once more inside JSON (`&lt;li&gt;BLS`). This step turns such
 * text into plain lines (block tags become line breaks, list items bullets, entities their characters) and keeps,
 * for every character of the plain text, the span of the caller's text it came from, so evidence offsets point into
 * what the caller passed. Plain text without markup or entities is returned as is, with no map.
 */

/** Plain text and, when it differs from the input, each character's span in the input. */
export interface PlainText {
  readonly text: string;
  /** startOf[i], endOf[i]: the input span plain character i came from; null when text is the input itself. */
  readonly startOf: Int32Array | null;
  readonly endOf: Int32Array | null;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', bull: '•', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', middot: '·', hellip: '…', pound: '£', euro: '€', copy: '©', reg: '®', trade: '™',
};

// Tags that start a new line; li starts a list item. Every other tag is dropped without a trace.
const BLOCK = /^(p|div|br|ul|ol|h[1-6]|tr|td|th|table|section|header|footer|article|dt|dd|hr|blockquote)$/;

// Worth decoding: a tag (plain or escaped once) or an entity.
const MARKUP = /<\/?[a-z][a-z0-9]*\b[^<>]*>|&lt;\/?[a-z]|&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i;

/** The plain text of a posting (see the module comment). Linear in the input. */
export function plainText(input: string): PlainText {
  if (!MARKUP.test(input)) return { text: input, startOf: null, endOf: null };
  // Pass 1: entities, twice over so that `&amp;lt;` reads as `<` too (escaped HTML inside escaped JSON).
  let chars: string[] = [];
  let s0: number[] = [];
  let e0: number[] = [];
  for (let i = 0; i < input.length; i++) { chars.push(input[i]!); s0.push(i); e0.push(i + 1); }
  for (let round = 0; round < 2; round++) {
    const out: string[] = [];
    const so: number[] = [];
    const eo: number[] = [];
    let changed = false;
    for (let i = 0; i < chars.length; i++) {
      if (chars[i] === '&') {
        let j = i + 1;
        let name = '';
        while (j < chars.length && j - i <= 9 && /[#a-zA-Z0-9]/.test(chars[j]!)) name += chars[j++]!;
        if (j < chars.length && chars[j] === ';' && name) {
          const lower = name.toLowerCase();
          const ch = lower[0] === '#'
            ? (lower[1] === 'x' ? safeCodePoint(parseInt(lower.slice(2), 16)) : safeCodePoint(Number(lower.slice(1))))
            : ENTITIES[lower];
          if (ch !== undefined) {
            out.push(ch); so.push(s0[i]!); eo.push(e0[j]!);
            i = j;
            changed = true;
            continue;
          }
        }
      }
      out.push(chars[i]!); so.push(s0[i]!); eo.push(e0[i]!);
    }
    chars = out; s0 = so; e0 = eo;
    if (!changed) break;
  }
  // Pass 2: tags. A block tag is a line break, <li> a line break and a bullet, any other tag nothing.
  let text = '';
  const startOf: number[] = [];
  const endOf: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '<' && /[a-zA-Z/!]/.test(chars[i + 1] ?? '')) {
      let j = i + 1;
      while (j < chars.length && chars[j] !== '>' && chars[j] !== '<' && j - i < 400) j++;
      if (chars[j] === '>') {
        const name = /^\/?\s*([a-zA-Z][a-zA-Z0-9]*)/.exec(chars.slice(i + 1, Math.min(j, i + 20)).join(''))?.[1]?.toLowerCase() ?? '';
        const at = s0[i]!;
        if (name === 'li' && chars[i + 1] !== '/') { text += '\n• '; startOf.push(at, at, at); endOf.push(at, at, at); }
        else if (BLOCK.test(name)) { text += '\n'; startOf.push(at); endOf.push(at); }
        i = j;
        continue;
      }
    }
    text += chars[i]!;
    startOf.push(s0[i]!);
    endOf.push(e0[i]!);
  }
  return { text, startOf: Int32Array.from(startOf), endOf: Int32Array.from(endOf) };
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
}

/** The input span of the plain span [start, end). */
export function inputSpan(p: PlainText, start: number, end: number): [number, number] {
  if (p.startOf === null) return [start, end];
  if (end <= start) { const at = start < p.startOf.length ? p.startOf[start]! : (p.endOf!.at(-1) ?? 0); return [at, at]; }
  return [p.startOf[start]!, p.endOf![end - 1]!];
}
