/**
 * Bytes to text for resume files, detected from the bytes (never the extension): UTF-8 with or without BOM,
 * UTF-16 LE/BE with BOM, and Latin-1 (Windows-1252) when the bytes are not valid UTF-8. Files that are not
 * text at all (NUL bytes outside UTF-16, the magic number of a PDF, zip, image or executable) are refused
 * with a code, so a binary file never turns into garbage scores.
 */

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' }
  | { readonly ok: false; readonly code: 'ERR_BINARY_FILE' | 'ERR_EMPTY_FILE'; readonly message: string };

/** Magic numbers of formats that are not text, with the name used in the message. */
const MAGIC: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document (give it a .pdf extension)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive or DOCX document (give a DOCX a .docx extension)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'a legacy Office document (.doc); save it as .docx or .pdf' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document; save it as .docx, .pdf or .txt' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
];

const startsWith = (b: Uint8Array, prefix: readonly number[], at = 0): boolean => b.length >= at + prefix.length && prefix.every((x, i) => b[at + i] === x);

/** What binary format the bytes start with, or null. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return m.name;
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// The WHATWG "latin1" label is Windows-1252: ISO-8859-1 plus the curly quotes and dashes Word puts in 0x80-0x9F.
const latin1 = new TextDecoder('windows-1252');

/** Share of C0 control characters (other than tab, newlines, form feed) above which decoded text is binary. */
const MAX_CONTROL_SHARE = 0.01;

function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 1;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || c === 0x7f) n++;
  }
  return text.length ? n / text.length : 0;
}

const binary = (what: string): DecodeResult => ({ ok: false, code: 'ERR_BINARY_FILE', message: `resume-fit: the file is ${what}, not text.` });

export function decodeText(bytes: Uint8Array): DecodeResult {
  let text: string;
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const magic = sniffBinary(bytes);
    if (magic) return binary(magic);
    // Without a UTF-16 BOM a NUL byte means binary data (a text file in UTF-8 or Latin-1 never has one).
    if (bytes.includes(0)) return binary('binary data (it contains NUL bytes)');
    try {
      text = utf8.decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = latin1.decode(bytes);
      encoding = 'latin1';
    }
  }
  if (controlShare(text) > MAX_CONTROL_SHARE) return binary('binary data (it contains control characters)');
  if (!text.trim()) return { ok: false, code: 'ERR_EMPTY_FILE', message: bytes.length ? 'resume-fit: the file has no text (only white space).' : 'resume-fit: the file is empty.' };
  return { ok: true, text, encoding };
}
