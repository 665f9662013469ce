/**
 * The findings of a batch of files as they travel from a worker thread: a table of strings and one typed
 * array of numbers, instead of a structured clone of hundreds of thousands of small objects. The clone cost
 * more than the worker saved on drafts full of findings (2,000 heavy drafts: 5.1 s of CPU on one thread,
 * 6.8 s with a worker). The numbers' buffer is transferred, not copied.
 */
import type { LintMessage } from '../core/linter.js';
import type { LintedFile } from './lint-one-file.js';

/** What a worker posts for a batch: the results with their findings left out, and the findings packed. */
export interface WorkerReply {
  results: LintedFile[];
  packed: PackedMessages;
}

export interface PackedMessages {
  /** Every distinct string of the packed findings: rule ids, messages, message ids, fix texts, excerpts. */
  strings: string[];
  /** FIELDS numbers per packed finding (see the offsets below); -1 where a string or part is absent. */
  numbers: Int32Array<ArrayBuffer>;
  /** Findings of another shape (a file's own problem, suggestions, a Word part), whole, by index in the batch. */
  others: { index: number; message: LintMessage }[];
  /** How many findings each result of the batch has, in order. */
  counts: number[];
}

const RULE_ID = 0;
const SEVERITY = 1;
const MESSAGE = 2;
const MESSAGE_ID = 3;
const LINE = 4;
const COLUMN = 5;
const END_LINE = 6;
const END_COLUMN = 7;
const FIX_START = 8;
const FIX_END = 9;
const FIX_TEXT = 10;
const EXCERPT_TEXT = 11;
const EXCERPT_START = 12;
const EXCERPT_END = 13;
const FIELDS = 14;

/** The properties a packed finding may have: anything else goes whole (see isPackable). */
const PACKED_KEYS: ReadonlySet<string> = new Set(['ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'fix', 'excerpt']);

/** Whether the numbers and strings hold all of a finding: a rule's finding with a message id, no suggestions, outside Word's parts. */
function isPackable(message: LintMessage): boolean {
  if (message.ruleId === null || message.messageId === undefined) return false;
  for (const key in message) if (!PACKED_KEYS.has(key)) return false;
  return true;
}

export function packMessages(lists: readonly (readonly LintMessage[])[]): PackedMessages {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (text: string): number => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      stringIndex.set(text, index);
    }
    return index;
  };
  let total = 0;
  for (const list of lists) total += list.length;
  const numbers = new Int32Array(total * FIELDS).fill(-1);
  const others: PackedMessages['others'] = [];
  let index = 0;
  for (const list of lists) {
    for (const message of list) {
      if (!isPackable(message)) {
        others.push({ index, message });
        index++;
        continue;
      }
      const at = index * FIELDS;
      numbers[at + RULE_ID] = intern(message.ruleId!);
      numbers[at + SEVERITY] = message.severity;
      numbers[at + MESSAGE] = intern(message.message);
      numbers[at + MESSAGE_ID] = intern(message.messageId!);
      numbers[at + LINE] = message.line;
      numbers[at + COLUMN] = message.column;
      numbers[at + END_LINE] = message.endLine;
      numbers[at + END_COLUMN] = message.endColumn;
      if (message.fix) {
        numbers[at + FIX_START] = message.fix.range[0];
        numbers[at + FIX_END] = message.fix.range[1];
        numbers[at + FIX_TEXT] = intern(message.fix.text);
      }
      if (message.excerpt) {
        numbers[at + EXCERPT_TEXT] = intern(message.excerpt.text);
        numbers[at + EXCERPT_START] = message.excerpt.start;
        numbers[at + EXCERPT_END] = message.excerpt.end;
      }
      index++;
    }
  }
  return { strings, numbers, others, counts: lists.map((list) => list.length) };
}

/** The findings of each result again, as packMessages received them. */
export function unpackMessages(packed: PackedMessages): LintMessage[][] {
  const { strings, numbers, others, counts } = packed;
  const lists: LintMessage[][] = [];
  let index = 0;
  let nextOther = 0;
  for (const count of counts) {
    const list: LintMessage[] = new Array<LintMessage>(count);
    for (let i = 0; i < count; i++, index++) {
      if (nextOther < others.length && others[nextOther].index === index) {
        list[i] = others[nextOther++].message;
        continue;
      }
      const at = index * FIELDS;
      // The properties in the order lintDocument gives them, so that the finding serialises the same.
      const message: LintMessage = {
        ruleId: strings[numbers[at + RULE_ID]],
        severity: numbers[at + SEVERITY] as 1 | 2,
        message: strings[numbers[at + MESSAGE]],
        messageId: strings[numbers[at + MESSAGE_ID]],
        line: numbers[at + LINE],
        column: numbers[at + COLUMN],
        endLine: numbers[at + END_LINE],
        endColumn: numbers[at + END_COLUMN],
      };
      if (numbers[at + FIX_TEXT] !== -1) message.fix = { range: [numbers[at + FIX_START], numbers[at + FIX_END]], text: strings[numbers[at + FIX_TEXT]] };
      if (numbers[at + EXCERPT_TEXT] !== -1) {
        message.excerpt = { text: strings[numbers[at + EXCERPT_TEXT]], start: numbers[at + EXCERPT_START], end: numbers[at + EXCERPT_END] };
      }
      list[i] = message;
    }
    lists.push(list);
  }
  return lists;
}
