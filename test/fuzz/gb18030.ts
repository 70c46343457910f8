/**
 * A GB18030 encoder for tests (Node decodes GB18030 but cannot encode it): the table of the
 * two-byte GBK range is built once by decoding every pair; ASCII passes through. Characters
 * outside GBK (four-byte GB18030) are not needed by the generators.
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
}

/** Encodes `s`; a character outside GBK throws, or becomes `replacement` when one is given. */
export function encodeGb18030(s: string, replacement?: string): Buffer {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = t.get(ch);
      if (bytes) out.push(bytes[0], bytes[1]);
      else if (replacement !== undefined) out.push(...Buffer.from(replacement, 'latin1'));
      else throw new Error(`not in GBK: ${ch}`);
    }
  }
  return Buffer.from(out);
}
