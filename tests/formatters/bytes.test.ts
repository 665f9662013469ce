import { describe, expect, it } from 'vitest';
import { ByteBuilder, utf8Bytes } from '../../src/node/formatters/bytes.js';
import { displayWidth } from '../../src/node/formatters/width.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('ByteBuilder', () => {
  it('writes numbers as JSON.stringify does', () => {
    const values = [0, 7, 9, 10, 99, 100, 12_345, 65_536, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, 1.5, Number.NaN, 2 ** 60];
    const builder = new ByteBuilder();
    for (const value of values) {
      builder.addInteger(value);
      builder.add(utf8Bytes(','));
    }
    expect(decode(builder.lend())).toBe(values.map((value) => `${JSON.stringify(value)},`).join(''));
  });

  it('grows past its first buffer and lends what it wrote, written over by the next piece', () => {
    const builder = new ByteBuilder();
    const line = '第三条　各单位应于每月5日前报送上月情况，联系人：张某某。\n';
    for (let i = 0; i < 3000; i++) {
      builder.addText(line);
      builder.addInteger(i);
    }
    const expected = Array.from({ length: 3000 }, (_, i) => `${line}${i}`).join('');
    const first = builder.lend();
    expect(builder.length).toBe(0);
    expect(decode(first)).toBe(expected);
    builder.add(utf8Bytes('后来写入的内容'));
    expect(decode(builder.lend())).toBe('后来写入的内容');
    expect(decode(first).startsWith('后来写入的内容')).toBe(true);
  });

  it('encodes and measures ranges of a text the width table knows as Buffer#write and displayWidth do', () => {
    const text = '第三条　各单位（含ＸＸ局）应于5日前报送：“情况表”……①○■—é';
    const builder = new ByteBuilder();
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        expect(builder.addMeasuredUtf8(text, from, to), `${from}–${to}`).toBe(displayWidth(text.slice(from, to)));
        expect(Buffer.from(builder.lend()).equals(Buffer.from(text.slice(from, to))), `${from}–${to}`).toBe(true);
      }
    }
  });

  it('stops at a code unit of unknown width, and truncate takes back what it wrote', () => {
    const builder = new ByteBuilder();
    builder.addText('前文');
    const written = builder.length;
    for (const unknown of ['\t', '\n', '\u{1f44d}', '\ud800', '\u00ad']) {
      expect(builder.addMeasuredUtf8(`甲乙${unknown}丙`, 0, 5), JSON.stringify(unknown)).toBe(-1);
      expect(builder.length).toBe(written + 6);
      builder.truncate(written);
      expect(builder.length).toBe(written);
    }
    builder.truncate(written + 10);
    expect(decode(builder.lend())).toBe('前文');
  });

  it('repeats a byte a given number of times, none for a count below 1', () => {
    const builder = new ByteBuilder();
    builder.addRepeated(0x20, 3);
    builder.addByte(0x5e);
    builder.addRepeated(0x5e, 0);
    builder.addRepeated(0x5e, -2);
    expect(decode(builder.lend())).toBe('   ^');
  });
});
