/**
 * Reading and writing text files in the browser, in the encodings Chinese drafts come in. Browsers decode
 * GB18030 (`TextDecoder('gb18030')`) but encode only UTF-8, so the GB18030 encoder here is built from the
 * browser's own decoder: every two- and four-byte sequence of the BMP is decoded once, on first use, into
 * a table from character to bytes; characters beyond the BMP follow GB18030's linear four-byte mapping.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  bom: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}

let gb18030Table: Map<number, number[]> | undefined;

/** Character (BMP code unit) → GB18030 bytes, from the browser's decoder. */
function gb18030(): Map<number, number[]> {
  if (gb18030Table) return gb18030Table;
  const table = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030');
  // Two bytes: lead 0x81–0xFE, trail 0x40–0x7E and 0x80–0xFE.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const text = decoder.decode(new Uint8Array([lead, trail]));
      if (text.length === 1 && text !== '\ufffd' && !table.has(text.charCodeAt(0))) table.set(text.charCodeAt(0), [lead, trail]);
    }
  }
  // Four bytes for the rest of the BMP: 0x81308130 up to 0x8431A439, decoded in one pass.
  const sequences: number[][] = [];
  for (let b1 = 0x81; b1 <= 0x84; b1++) for (let b2 = 0x30; b2 <= 0x39; b2++) for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) sequences.push([b1, b2, b3, b4]);
  const decoded = decoder.decode(new Uint8Array(sequences.flat()));
  if (decoded.length === sequences.length) {
    for (let i = 0; i < sequences.length; i++) {
      const code = decoded.charCodeAt(i);
      if (code !== 0xfffd && !table.has(code)) table.set(code, sequences[i]);
    }
  }
  gb18030Table = table;
  return table;
}

function encodeGb18030(text: string): Uint8Array {
  const table = gb18030();
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code > 0xffff) {
      // Beyond the BMP: a linear count from 0x90308130.
      let linear = code - 0x10000;
      const b4 = 0x30 + (linear % 10);
      linear = Math.floor(linear / 10);
      const b3 = 0x81 + (linear % 126);
      linear = Math.floor(linear / 126);
      const b2 = 0x30 + (linear % 10);
      const b1 = 0x90 + Math.floor(linear / 10);
      bytes.push(b1, b2, b3, b4);
    } else bytes.push(...(table.get(code) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}

export function encodeText(text: string, encoding: DecodedText['encoding'], bom: boolean): Uint8Array {
  if (encoding === 'gb18030') return encodeGb18030(text);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    let at = 0;
    if (bom) {
      out.set(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
      at = 2;
    }
    for (let i = 0; i < text.length; i++, at += 2) {
      const code = text.charCodeAt(i);
      out[at + (encoding === 'utf-16le' ? 0 : 1)] = code & 0xff;
      out[at + (encoding === 'utf-16le' ? 1 : 0)] = code >> 8;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
