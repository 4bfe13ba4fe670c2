import { describe, expect, test } from 'vitest';
import { decodeText, looksBinary } from '../../../src/core/ingest/decode.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  test('returns UTF-8 text as is when there is no BOM', () => {
    expect(decodeText(utf8('Café “quoted” — £5'))).toEqual({ text: 'Café “quoted” — £5', encoding: 'utf-8' });
  });

  test('drops the UTF-8 byte-order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x48, 0x69))).toEqual({ text: 'Hi', encoding: 'utf-8-bom' });
  });

  test('reads UTF-16 little-endian and big-endian files by their BOM', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00))).toEqual({
      text: 'Hé',
      encoding: 'utf-16le',
    });
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9))).toEqual({
      text: 'Hé',
      encoding: 'utf-16be',
    });
  });

  test('falls back to Windows-1252 for bytes that are not valid UTF-8, never producing U+FFFD', () => {
    // "Café “ok” – it’s" in Windows-1252: é=E9, “=93, ”=94, –=96, ’=92
    const result = decodeText(
      bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73),
    );
    expect(result).toEqual({ text: 'Café “ok” – it’s', encoding: 'windows-1252' });
    expect(result.text).not.toContain('\uFFFD');
  });

  test('reads a Latin-1 pound sign (0xA3) as £', () => {
    expect(decodeText(bytes(0xa3, 0x35)).text).toBe('£5');
  });
});

describe('looksBinary', () => {
  test('returns true when the bytes contain NUL', () => {
    expect(looksBinary(bytes(0x47, 0x49, 0x46, 0x00, 0x01))).toBe(true);
  });

  test('returns false for text, and for UTF-16 text whose NULs are part of the encoding', () => {
    expect(looksBinary(utf8('Plain text\nwith lines'))).toBe(false);
    expect(looksBinary(bytes(0xff, 0xfe, 0x48, 0x00))).toBe(false);
  });
});
