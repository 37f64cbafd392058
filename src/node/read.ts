/**
 * Node-only readers: a resume file (or standard input) to the library's input, a string or a JSON Resume
 * object. Text encodings are detected from the bytes (decode.ts); PDF (unpdf) and DOCX (mammoth) readers are
 * optional peer dependencies, imported only when such a file comes, so text-only runs never load them and a
 * plain `npm install resume-fit` does not install them (a missing one is ERR_READER_NOT_INSTALLED, naming the
 * install command). Every failure is a ReadError with
 * a stable code and a message that never contains resume text.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText, sniffBinary } from './decode.js';

export type ReadErrorCode =
  | 'ERR_NOT_FOUND'
  | 'ERR_UNREADABLE'
  | 'ERR_NOT_A_FILE'
  | 'ERR_READ_FAILED'
  | 'ERR_FILE_TOO_LARGE'
  | 'ERR_EMPTY_FILE'
  | 'ERR_BINARY_FILE'
  | 'ERR_CORRUPT_PDF'
  | 'ERR_ENCRYPTED_PDF'
  | 'ERR_CORRUPT_DOCX'
  | 'ERR_NO_TEXT'
  | 'ERR_INVALID_JSON'
  | 'ERR_READER_NOT_INSTALLED';

export class ReadError extends Error {
  override name = 'ReadError';
  constructor(readonly code: ReadErrorCode, message: string) {
    super(message.startsWith('resume-fit:') ? message : `resume-fit: ${message}`);
  }
}

/** What the analyzer takes: resume text, or a parsed JSON Resume document. */
export type ResumeInput = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'json'; readonly value: unknown };

export type FileKind = 'text' | 'json' | 'pdf' | 'docx' | 'auto';

/** Extensions a folder walk picks up (any file named explicitly or by a glob is read whatever its name). */
export const RESUME_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown', '.json', '.pdf', '.docx']);

/** Largest file read, in bytes: far above any resume, and it keeps one bad file from exhausting memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function kindOfPath(path: string): FileKind {
  switch (extname(path).toLowerCase()) {
    case '.pdf': return 'pdf';
    case '.docx': return 'docx';
    case '.json': return 'json';
    default: return 'text';
  }
}

function ioError(e: unknown): ReadError {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return new ReadError('ERR_NOT_FOUND', 'the file does not exist (or was removed during the run).');
    case 'EACCES': case 'EPERM': return new ReadError('ERR_UNREADABLE', 'permission denied: the file cannot be read.');
    case 'EISDIR': return new ReadError('ERR_NOT_A_FILE', 'the path is a directory, not a file.');
    case 'ELOOP': return new ReadError('ERR_NOT_FOUND', 'the path is a symbolic link loop.');
    default: return new ReadError('ERR_READ_FAILED', `the file could not be read (${typeof code === 'string' ? code : 'I/O error'}).`);
  }
}

/** Reads a regular file's bytes; FIFOs, sockets, devices and directories are refused without blocking on them. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it has no effect on regular files.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw ioError(e);
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new ReadError('ERR_NOT_A_FILE', 'the path is a directory, not a file.');
    if (!st.isFile()) throw new ReadError('ERR_NOT_A_FILE', 'the path is not a regular file (a FIFO, socket or device).');
    if (st.size > MAX_FILE_BYTES) throw new ReadError('ERR_FILE_TOO_LARGE', `the file is ${st.size} bytes, over the ${MAX_FILE_BYTES}-byte limit.`);
    return await handle.readFile();
  } catch (e) {
    throw e instanceof ReadError ? e : ioError(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Imports an optional reader package; a missing one is ERR_READER_NOT_INSTALLED with the command that installs it.
 * `load` is a literal `import('unpdf')` at the call site, so bundlers and tsup see the package name.
 */
async function optionalReader<T>(name: 'unpdf' | 'mammoth', what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if ((err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND') && String(err.message).includes(`'${name}'`)) {
      throw new ReadError('ERR_READER_NOT_INSTALLED', `reading ${what} files needs the optional package ${name}, which is not installed: run \`npm install ${name}\` in the project that has resume-fit (\`npm install -g ${name}\` next to a global install).`);
    }
    throw e;
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function hasPdfMagic(bytes: Uint8Array): boolean {
  // The header may follow some junk bytes; readers accept it within the first kilobyte.
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= end; i++) if (PDF_MAGIC.every((b, j) => bytes[i + j] === b)) return true;
  return false;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  if (!hasPdfMagic(bytes)) throw new ReadError(bytes.length ? 'ERR_CORRUPT_PDF' : 'ERR_EMPTY_FILE', bytes.length ? 'the file is not a PDF (no %PDF- header).' : 'the file is empty.');
  const { extractText, getDocumentProxy } = await optionalReader('unpdf', 'PDF', () => import('unpdf'));
  let doc;
  try {
    // A copy: pdf.js transfers (detaches) the buffer it is given. verbosity 0 keeps its warnings off stdout.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
    const { text } = await extractText(doc, { mergePages: true });
    return text;
  } catch (e) {
    // Only the exception's class name: pdf.js messages can quote bytes of the document.
    const name = e instanceof Error ? e.name : 'error';
    if (name === 'PasswordException') throw new ReadError('ERR_ENCRYPTED_PDF', 'the PDF is password-protected; save a copy without the password (or print it to a new PDF) and analyse that.');
    throw new ReadError('ERR_CORRUPT_PDF', `the PDF could not be read (${name}); it may be damaged or encrypted.`);
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

/** A node of mammoth's document tree (lib/documents.js), as far as the text needs it. */
interface DocxNode { readonly type: string; readonly value?: string; readonly numbering?: unknown; readonly children?: readonly DocxNode[] }

/**
 * The document's text as mammoth's extractRawText gives it (every paragraph ends with a blank line), except that a
 * line break inside a paragraph is a line break, not nothing ("Nurse Aide<br>Sunrise, OH" read as "Nurse AideSunrise,
 * OH"), and a list item starts with "• ", as the same document's PDF shows it; both keep a header apart from its bullets.
 */
function docxRawText(node: DocxNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'tab') return '\t';
  if (node.type === 'break') return '\n';
  const inner = (node.children ?? []).map(docxRawText).join('');
  return node.type === 'paragraph' ? `${node.numbering ? '• ' : ''}${inner}\n\n` : inner;
}

async function docxText(bytes: Uint8Array): Promise<string> {
  if (!bytes.length) throw new ReadError('ERR_EMPTY_FILE', 'the file is empty.');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReadError('ERR_CORRUPT_DOCX', 'the file is not a DOCX document (not a zip archive).');
  const mammoth = await optionalReader('mammoth', 'DOCX', () => import('mammoth'));
  const convertToHtml = (mammoth.convertToHtml ?? (mammoth as unknown as { default: typeof mammoth }).default.convertToHtml);
  let text = '';
  try {
    // extractRawText takes no options, so the text is taken from the document tree on its way to HTML conversion;
    // the tree handed on is empty, so no HTML is built.
    await convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
      transformDocument: (doc: DocxNode) => { text = docxRawText(doc); return { ...doc, children: [] }; },
    });
    return text;
  } catch {
    throw new ReadError('ERR_CORRUPT_DOCX', 'the DOCX document could not be read; it may be damaged or not a Word document.');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ReadError('ERR_INVALID_JSON', 'the file is not valid JSON (a .json file must be a JSON Resume document).');
  }
}

/**
 * Bytes to analyzer input. `kind` comes from the file's extension; 'auto' (standard input) sniffs the bytes:
 * a PDF or zip header, then a JSON object, else text. A file named .pdf or .docx is sniffed the same way, so a
 * DOCX saved as .pdf, or text saved as .docx, is read as what it is.
 */
export async function parseResumeBytes(bytes: Uint8Array, kind: FileKind): Promise<ResumeInput> {
  if (kind === 'auto' || kind === 'pdf' || kind === 'docx') {
    if (hasPdfMagic(bytes)) kind = 'pdf';
    else if (bytes[0] === 0x50 && bytes[1] === 0x4b && sniffBinary(bytes)) kind = 'docx';
    else if (bytes.length) kind = 'auto';
  }
  if (kind === 'pdf' || kind === 'docx') {
    const text = kind === 'pdf' ? await pdfText(bytes) : await docxText(bytes);
    if (!text.trim()) throw new ReadError('ERR_NO_TEXT', kind === 'pdf' ? 'the PDF has no text layer (a scanned image?); run OCR on it first.' : 'the DOCX document has no text.');
    return { kind: 'text', text };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ReadError(decoded.code, decoded.message);
  if (kind === 'json') return { kind: 'json', value: parseJson(decoded.text) };
  if (kind === 'auto' && /^\s*\{/.test(decoded.text)) {
    try { return { kind: 'json', value: JSON.parse(decoded.text) }; } catch { /* text that starts with a brace */ }
  }
  return { kind: 'text', text: decoded.text };
}

export async function readResumeFile(path: string): Promise<ResumeInput> {
  return parseResumeBytes(await readFileBytes(path), kindOfPath(path));
}
