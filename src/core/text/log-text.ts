/**
 * Text from the content folder (file names, titles, reasons) made safe for a terminal: a file
 * name holding ESC can clear the screen or forge a status line, a newline can forge a whole log
 * line, and a right-to-left override can make `exe.txt` read as `txt.exe`.
 */
import { unsafePattern } from './unsafe-characters.ts';

/**
 * Every character a terminal or a log viewer could act on instead of showing: C0 controls (tab
 * and newline too: one log line must stay one line), DEL, C1 controls (U+009B is a one-character
 * CSI), format characters (bidi overrides and isolates, zero-width characters, the BOM), line
 * and paragraph separators, lone surrogates and the noncharacters of every plane (U+FDD0–U+FDEF,
 * U+FFFE, U+1FFFE … U+10FFFF).
 */
const UNSAFE_FOR_LOG = unsafePattern(String.raw`\p{Cc}\p{Cf}\p{Zl}\p{Zp}`);

/**
 * Escapes the characters a terminal could act on, visibly — `\x1b`, `\u202e`, `\u{e0001}` — so the operator
 * sees exactly which name is meant. Everything else, backslashes included, is kept as it is.
 *
 * @param text - text that may come from the content folder
 */
export function escapeForLog(text: string): string {
  return text.replace(UNSAFE_FOR_LOG, (character) => {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0xff) return `\\x${hex(code, 2)}`;
    return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${code.toString(16)}}`;
  });
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/**
 * {@link escapeForLog} for a message whose own line breaks are meant (a list of files, one a
 * line): each line is escaped, and the breaks between them kept.
 *
 * @param text - a message that may hold text from the content folder
 */
export function escapeLinesForLog(text: string): string {
  return text.split('\n').map(escapeForLog).join('\n');
}
