import { describe, expect, it } from 'vitest';
import { ByteBuilder, utf8Bytes } from '../../src/node/formatters/bytes.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('ByteBuilder', () => {
  it('writes numbers as JSON.stringify does', () => {
    const values = [0, 7, 9, 10, 99, 100, 12_345, 65_536, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, 1.5, Number.NaN, 2 ** 60];
    const builder = new ByteBuilder();
    for (const value of values) {
      builder.addInteger(value);
      builder.add(utf8Bytes(','));
    }
    expect(decode(builder.take())).toBe(values.map((value) => `${JSON.stringify(value)},`).join(''));
  });

  it('grows past its first buffer and hands over copies', () => {
    const builder = new ByteBuilder();
    const line = '第三条　各单位应于每月5日前报送上月情况，联系人：张某某。\n';
    for (let i = 0; i < 3000; i++) {
      builder.addText(line);
      builder.addInteger(i);
    }
    const expected = Array.from({ length: 3000 }, (_, i) => `${line}${i}`).join('');
    const first = builder.take();
    expect(builder.length).toBe(0);
    builder.add(utf8Bytes('后来写入的内容不改变已交出的字节'));
    expect(decode(first)).toBe(expected);
    expect(decode(builder.take())).toBe('后来写入的内容不改变已交出的字节');
  });
});
