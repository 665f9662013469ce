import * as z from 'zod';
import { OBJECT_REPLACEMENT, type Block, type GwDocument } from '../src/core/document.js';
import { defineRule, type ReportFunction } from '../src/core/rule.js';
import { formatChineseNumeral, parseChineseNumeral } from '../src/core/text/chinese-numerals.js';
import { LINE_INDENT, readMarker } from '../src/core/text/numbering-markers.js';
import { scannedTriggers, Trigger } from '../src/core/text/trigger-scan.js';

const messages = {
  gap: '列举“{{found}}”前缺少“{{expected}}”（上一项是“{{previous}}”）：请补上缺少的一项，或改为“{{expected}}”',
  repeat: '列举“{{found}}”与上一项重复，应为“{{expected}}”',
  outOfOrder: '列举“{{found}}”排在“{{previous}}”之后，顺序颠倒，应为“{{expected}}”',
  badStart: '列举应从“{{expected}}”开始，这里却是“{{found}}”',
  mixed: '列举“{{found}}”与前面的“{{previous}}”不是同一种写法，请统一写作“{{expected}}”',
  mixedFirst: '列举“{{found}}”与前面的“{{previous}}”不是同一种写法：后面各项用“{{found}}”这种写法，请把“{{previous}}”改为“{{expected}}”',
  wrongMark: '列举“{{found}}”后不用“{{mark}}”，应写作“{{expected}}”',
  rewrite: '改为“{{expected}}”',
} as const;

type MessageId = keyof typeof messages;

/** The ways of counting items in running text. */
type System = 'shi' | 'di' | 'qi' | 'shouxian';

/**
 * One pass over the text finds every candidate: `一是` `十一是` (numeral + 是), `第一` `其一` (prefix + numeral),
 * and the ordinal words. Whether a candidate is an item depends on what stands before and after it.
 */
const CANDIDATE = /([第其]?)([一二三四五六七八九十]+)(是?)|首先|其次|再次|最后/g;
/**
 * What every item holds: a numeral before `是` or after `第`/`其`, or an ordinal word. Numerals are common in
 * prose (`进一步`, `统一`) and this is not, so one native search passes over most blocks without reading a
 * candidate.
 */
const ITEM_HINT = /[一二三四五六七八九十]是|[第其][一二三四五六七八九十]|首先|其次|再次|最后/;

/**
 * `二被告一是…，二是…`: an enumeration may start right after its subject, without a mark before `一是`; it is
 * one when a `二是` at the start of a clause follows. `唯一是` `统一是` `之一是` stay words.
 */
const SECOND_SHI = /[，。；：！？,.;:!?\s]二是/g;
const WORD_BEFORE_YI = new Set([...'唯统同万之单专划逐第其归合']);

/** What may stand before an item: the start of a clause. `唯一是` `统一是` `排名第一，` are words, not items. */
const CLAUSE_START = new Set([...'，。；：！？、,.;:!? \t\u3000\u00a0\n“”"‘’（）()【】…—', OBJECT_REPLACEMENT]);
const COMMA = new Set(['，', ',']);
/** `第一，` and `其一，` are items; `第一次` `第一批` `第一书记` `其一贯` are words. */
const AFTER_ORDINAL = new Set(['，', ',', '、', '：', ':']);
const ORDINAL_LIST_NEXT = /[第一二三四五六七八九十]/;
/** `一是：` and `一是、` put a mark where 公文 puts nothing or a comma. */
const WRONG_AFTER_SHI = new Set(['：', ':', '、']);

interface Member {
  readonly system: System;
  /** 1 for `一是`/`首先`, 2 for `二是`/`其次`; `最后` takes the number after the last item. */
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly written: string;
  /** True for `最后`: it closes a sequence of any length. */
  readonly last: boolean;
}

function memberText(system: System, number: number): string {
  const numeral = formatChineseNumeral(number);
  switch (system) {
    case 'shi':
      return `${numeral}是`;
    case 'di':
      return `第${numeral}`;
    case 'qi':
      return `其${numeral}`;
    case 'shouxian':
      return number === 1 ? '首先' : number === 2 ? '其次' : '再次';
  }
}

/** Where the last `二是` at the start of a clause stands in a text, -1 if none. */
function lastSecondShi(text: string): number {
  let last = -1;
  SECOND_SHI.lastIndex = 0;
  for (let found = SECOND_SHI.exec(text); found !== null; found = SECOND_SHI.exec(text)) last = found.index;
  return last;
}

/**
 * What one block's text is read with: the place of its last clause-initial `二是`, searched for only once and
 * only when an `一是` stands after a word (so that a paragraph of many such words is not searched again for each).
 */
class BlockReader {
  private secondShi: number | undefined;

  constructor(readonly text: string) {}

  /** `一是` right after its subject (`二被告一是…`), followed by a `二是` in the same paragraph. */
  isYiShiAfterSubject(found: RegExpExecArray): boolean {
    if (found[0] !== '一是' || WORD_BEFORE_YI.has(this.text[found.index - 1])) return false;
    this.secondShi ??= lastSecondShi(this.text);
    return this.secondShi > found.index;
  }
}

/** Reads the candidate at `found` as an item, or undefined when it is an ordinary word. */
function readMember(reader: BlockReader, found: RegExpExecArray): Member | undefined {
  const { text } = reader;
  const start = found.index;
  const end = start + found[0].length;
  if (start > 0 && !CLAUSE_START.has(text[start - 1]) && !reader.isYiShiAfterSubject(found)) return undefined;
  // '' at the end rather than a read past it, which, first made after the function was compiled, would throw its code away.
  const next = end < text.length ? text[end] : '';
  const word = found[0];
  if (word === '首先') return { system: 'shouxian', number: 1, start, end, written: word, last: false };
  if (word === '其次') return { system: 'shouxian', number: 2, start, end, written: word, last: false };
  // `再次强调` and `最后一公里` are words; as items they are followed by a comma.
  if (word === '再次') return COMMA.has(next) ? { system: 'shouxian', number: 3, start, end, written: word, last: false } : undefined;
  if (word === '最后') return COMMA.has(next) ? { system: 'shouxian', number: 0, start, end, written: word, last: true } : undefined;
  const prefix = found[1];
  const number = parseChineseNumeral(found[2]);
  if (number === undefined) return undefined;
  const hasShi = found[3] === '是';
  if (prefix === '' && hasShi) {
    // `二是指…` defines a term; `一是一，二是二` is an idiom.
    if (next === '指' || next === found[2]) return undefined;
    return { system: 'shi', number, start, end, written: word, last: false };
  }
  if (prefix === '第' && !hasShi && AFTER_ORDINAL.has(next)) {
    // `第一、二轮督察` and `第一、第三产业` list ordinals of a noun, not items.
    if (next === '、' && ORDINAL_LIST_NEXT.test(text[end + 1] ?? '')) return undefined;
    return { system: 'di', number, start, end, written: word, last: false };
  }
  if (prefix === '其' && (hasShi || AFTER_ORDINAL.has(next))) {
    return { system: 'qi', number, start, end: start + 1 + found[2].length, written: `其${found[2]}`, last: false };
  }
  return undefined;
}

interface OpenSequence {
  number: number;
  written: string;
  /** The block and span of the item that opened the sequence. */
  readonly block: Block;
  /** The block of its latest item. */
  lastBlock: Block;
  readonly start: number;
  readonly end: number;
}

/**
 * Follows the sequences of one section. Each system has its own sequence, so that an enumeration nested in
 * another (`首先，…一是…二是…其次，…`) is not a mix; an item whose own system has nothing open, numbered on from
 * another system's sequence, is a mix.
 */
class SequenceChecker {
  private open = new Map<System, OpenSequence>();

  constructor(private readonly report: ReportFunction<MessageId>) {}

  get isOpen(): boolean {
    return this.open.size > 0;
  }

  reset(): void {
    this.open.clear();
  }

  private reportNumber(block: Block, member: Member, messageId: MessageId, expectedNumber: number, previous: string): void {
    const expected = memberText(member.system, expectedNumber);
    this.report({
      block,
      start: member.start,
      end: member.end,
      messageId,
      data: { found: member.written, expected, previous },
      suggestions: [{ messageId: 'rewrite', data: { expected }, fix: { start: member.start, end: member.end, text: expected } }],
    });
  }

  /**
   * An item numbered on from another system's sequence. After a lone `首先` the later items show the system
   * meant (`首先…二是…三是`), so `首先` is the one to change; otherwise the item follows the sequence it continues.
   */
  private reportMix(block: Block, member: Member, otherSystem: System, other: OpenSequence): void {
    if (otherSystem === 'shouxian' && other.number === 1 && other.block === block) {
      const expected = memberText(member.system, 1);
      this.report({
        block,
        start: member.start,
        end: member.end,
        messageId: 'mixedFirst',
        data: { found: member.written, previous: other.written, expected },
        suggestions: [{ messageId: 'rewrite', data: { expected }, fix: { start: other.start, end: other.end, text: expected } }],
      });
      return;
    }
    const expected = memberText(otherSystem, member.number);
    this.report({
      block,
      start: member.start,
      end: member.end,
      messageId: 'mixed',
      data: { found: member.written, previous: other.written, expected },
      suggestions: [{ messageId: 'rewrite', data: { expected }, fix: { start: member.start, end: member.end, text: expected } }],
    });
  }

  member(block: Block, member: Member): void {
    const sequence = this.open.get(member.system);
    if (member.last) {
      this.open.delete(member.system);
      return;
    }
    const opened = { number: member.number, written: member.written, block, lastBlock: block, start: member.start, end: member.end };
    if (member.number === 1) {
      this.open.set(member.system, opened);
      return;
    }
    if (sequence === undefined) {
      // `其次` alone is ordinary prose ("其次，…"); only a numbered system must start at one.
      if (member.system === 'shouxian') return;
      const other = [...this.open.entries()].find(([, open]) => open.number === member.number - 1);
      if (other && other[1].lastBlock !== block && other[0] === 'shouxian') {
        // `首先，…。` ends a paragraph of its own; a `二是` in a later paragraph is no item of it.
        this.open.set(member.system, opened);
      } else if (other) {
        this.reportMix(block, member, other[0], other[1]);
        // Either system may carry on after a mix (`一是…第二，…三是` or `首先…二是…三是`): both count this item.
        other[1].number = member.number;
        other[1].lastBlock = block;
        this.open.set(member.system, opened);
      } else {
        this.reportNumber(block, member, 'badStart', 1, '');
        this.open.set(member.system, opened);
      }
      return;
    }
    const expectedNumber = sequence.number + 1;
    // `再次` stands for every item after the second: 首先、其次、再次、再次…
    const number = member.system === 'shouxian' && member.number === 3 && sequence.number >= 2 ? expectedNumber : member.number;
    if (number > expectedNumber) this.reportNumber(block, member, 'gap', expectedNumber, sequence.written);
    else if (number === sequence.number) this.reportNumber(block, member, 'repeat', expectedNumber, sequence.written);
    else if (number < sequence.number) this.reportNumber(block, member, 'outOfOrder', expectedNumber, sequence.written);
    sequence.number = Math.max(number, sequence.number);
    sequence.written = member.written;
    sequence.lastBlock = block;
  }
}

/** A heading, or a paragraph that opens with a section number, starts a new section. */
function startsSection(block: Block): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind === 'list-item' && block.ordered) return true;
  // A sticky match always succeeds and leaves lastIndex after the indent, without building a match array.
  LINE_INDENT.lastIndex = 0;
  LINE_INDENT.test(block.text);
  return readMarker(block.text, LINE_INDENT.lastIndex) !== undefined;
}

function checkMarks(block: Block, member: Member, report: ReportFunction<MessageId>): void {
  // Everything read up front, and nothing past the text's end: a read first made for a rare wrong mark, after the
  // function was compiled, would throw its code away.
  const { text } = block;
  const { system, start, end, written } = member;
  if (end >= text.length) return;
  const mark = text[end];
  const wrong = system === 'shi' ? WRONG_AFTER_SHI.has(mark) : system === 'di' && mark === '、';
  if (!wrong) return;
  const expected = `${written}，`;
  report({
    block,
    start,
    end: end + 1,
    messageId: 'wrongMark',
    data: { found: written + mark, mark, expected },
    suggestions: [
      { messageId: 'rewrite', data: { expected }, fix: { start: end, end: end + 1, text: '，' } },
      ...(system === 'shi' ? [{ messageId: 'rewrite' as const, data: { expected: written }, fix: { start: end, end: end + 1, text: '' } }] : []),
    ],
  });
}

export default defineRule({
  id: 'enumeration-sequence',
  description: '段内列举（一是……二是……、第一，……第二，……）断号、重号或混用',
  severity: 'error',
  fixable: false,
  messages,
  options: z.object({}).strict(),
  check(document: GwDocument, report) {
    const sequences = new SequenceChecker(report);
    // The scan a format rule made of every block's characters, if one did: a block without 是 第 其 首 再 最 holds no
    // member, and is not searched.
    const masks = scannedTriggers(document)?.masks;
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      if (block.kind === 'table-cell') continue;
      // A new section closes the open sequences; with none open there is nothing to close.
      if (sequences.isOpen && startsSection(block)) sequences.reset();
      if ((masks === undefined ? Trigger.EnumerationWord : masks[index] & Trigger.EnumerationWord) === 0 || !ITEM_HINT.test(block.text)) continue;
      const reader = new BlockReader(block.text);
      CANDIDATE.lastIndex = 0;
      for (let found = CANDIDATE.exec(block.text); found !== null; found = CANDIDATE.exec(block.text)) {
        const member = readMember(reader, found);
        if (!member) continue;
        checkMarks(block, member, report);
        sequences.member(block, member);
      }
    }
  },
});
