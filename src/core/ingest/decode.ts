/**
 * Bytes → text. Article files arrive from wires, CMS exports and copy-paste, so the encoding is
 * never declared: we sniff a byte-order mark, then try strict UTF-8, and fall back to
 * Windows-1252 (a superset of Latin-1 for printable text) rather than show U+FFFD to readers.
 * The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) decode, as the
 * Encoding Standard says, to C1 controls; the character clean-up (text/characters.ts) removes them
 * with every other control, so decoding itself never drops a byte silently.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The decoded text, without any byte-order mark. */
  text: string;
  /** The encoding the bytes were read as. */
  encoding: Encoding;
}

/**
 * Decodes the bytes of an article file.
 *
 * @param bytes - the raw file content
 * @returns the text and the encoding that was detected
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252' };
  }
}

/**
 * Tells whether bytes look like a binary file (image, archive, executable) rather than text:
 * NUL bytes never occur in UTF-8 or Windows-1252 prose, and UTF-16 has been handled by its BOM.
 *
 * @param bytes - the raw file content
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

function decodeWith(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
