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
  /** Rule ids and message ids: a few dozen, each stored once. */
  names: string[];
  /**
   * The other strings of the packed findings (messages, fix texts, excerpts) one after another, as one string:
   * posting hundreds of thousands of short strings cost more than the findings' numbers (0.1 s of the main
   * thread's time on the heavy corpus), and a table of distinct strings hashed each of them.
   */
  text: string;
  /** FIELDS numbers per packed finding (see the offsets below); -1 where a part is absent. */
  numbers: Int32Array<ArrayBuffer>;
  /** Findings of another shape (a file's own problem, suggestions, a Word part), whole, by index in the batch. */
  others: { index: number; message: LintMessage }[];
  /** How many findings each result of the batch has, in order. */
  counts: number[];
}

// A string of `text` is two numbers: where it starts and where it ends.
const RULE_ID = 0;
const SEVERITY = 1;
const MESSAGE = 2;
const MESSAGE_ID = 4;
const LINE = 5;
const COLUMN = 6;
const END_LINE = 7;
const END_COLUMN = 8;
const FIX_START = 9;
const FIX_END = 10;
const FIX_TEXT = 11;
const EXCERPT_TEXT = 13;
const EXCERPT_START = 15;
const EXCERPT_END = 16;
const FIELDS = 17;

/**
 * Every property of a finding, and whether a packed finding may have it: a property added to LintMessage
 * does not compile until it is named here (and, if packable, packed).
 */
const PACKED_PROPERTIES: Record<keyof LintMessage, boolean> = {
  ruleId: true,
  severity: true,
  message: true,
  messageId: true,
  line: true,
  column: true,
  endLine: true,
  endColumn: true,
  fix: true,
  excerpt: true,
  suggestions: false,
  part: false,
  fatal: false,
};

/**
 * Whether the numbers and strings hold all of a finding: a rule's finding with a message id, no suggestions,
 * outside Word's parts. The properties that are not packed are asked for one by one: going through each
 * finding's keys took a third of the packing.
 */
function isPackable(message: LintMessage): boolean {
  return message.ruleId !== null && message.messageId !== undefined && message.suggestions === undefined && message.part === undefined && message.fatal === undefined;
}

export function packMessages(lists: readonly (readonly LintMessage[])[]): PackedMessages {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const name = (text: string): number => {
    let index = nameIndex.get(text);
    if (index === undefined) {
      index = names.push(text) - 1;
      nameIndex.set(text, index);
    }
    return index;
  };
  const pieces: string[] = [];
  let length = 0;
  let total = 0;
  for (const list of lists) total += list.length;
  const numbers = new Int32Array(total * FIELDS).fill(-1);
  /** Appends a string to `text` and writes where it stands at `at`. */
  const append = (piece: string, at: number): void => {
    pieces.push(piece);
    numbers[at] = length;
    length += piece.length;
    numbers[at + 1] = length;
  };
  const others: PackedMessages['others'] = [];
  // A draft's findings often repeat the message before: it is stored once for the run of them.
  let lastMessage: string | undefined;
  let lastMessageAt = 0;
  let index = 0;
  for (const list of lists) {
    for (const message of list) {
      if (!isPackable(message)) {
        others.push({ index, message });
        index++;
        continue;
      }
      const at = index * FIELDS;
      numbers[at + RULE_ID] = name(message.ruleId!);
      numbers[at + SEVERITY] = message.severity;
      if (message.message === lastMessage) {
        numbers[at + MESSAGE] = numbers[lastMessageAt + MESSAGE];
        numbers[at + MESSAGE + 1] = numbers[lastMessageAt + MESSAGE + 1];
      } else {
        append(message.message, at + MESSAGE);
        lastMessage = message.message;
      }
      lastMessageAt = at;
      numbers[at + MESSAGE_ID] = name(message.messageId!);
      numbers[at + LINE] = message.line;
      numbers[at + COLUMN] = message.column;
      numbers[at + END_LINE] = message.endLine;
      numbers[at + END_COLUMN] = message.endColumn;
      if (message.fix) {
        numbers[at + FIX_START] = message.fix.range[0];
        numbers[at + FIX_END] = message.fix.range[1];
        append(message.fix.text, at + FIX_TEXT);
      }
      if (message.excerpt) {
        append(message.excerpt.text, at + EXCERPT_TEXT);
        numbers[at + EXCERPT_START] = message.excerpt.start;
        numbers[at + EXCERPT_END] = message.excerpt.end;
      }
      index++;
    }
  }
  return { names, text: pieces.join(''), numbers, others, counts: lists.map((list) => list.length) };
}

/** The findings of each result again, as packMessages received them. */
export function unpackMessages(packed: PackedMessages): LintMessage[][] {
  const { names, text, numbers, others, counts } = packed;
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
        ruleId: names[numbers[at + RULE_ID]],
        severity: numbers[at + SEVERITY] as 1 | 2,
        message: text.slice(numbers[at + MESSAGE], numbers[at + MESSAGE + 1]),
        messageId: names[numbers[at + MESSAGE_ID]],
        line: numbers[at + LINE],
        column: numbers[at + COLUMN],
        endLine: numbers[at + END_LINE],
        endColumn: numbers[at + END_COLUMN],
      };
      if (numbers[at + FIX_TEXT] !== -1) {
        message.fix = { range: [numbers[at + FIX_START], numbers[at + FIX_END]], text: text.slice(numbers[at + FIX_TEXT], numbers[at + FIX_TEXT + 1]) };
      }
      if (numbers[at + EXCERPT_TEXT] !== -1) {
        const excerptText = text.slice(numbers[at + EXCERPT_TEXT], numbers[at + EXCERPT_TEXT + 1]);
        message.excerpt = { text: excerptText, start: numbers[at + EXCERPT_START], end: numbers[at + EXCERPT_END] };
      }
      list[i] = message;
    }
    lists.push(list);
  }
  return lists;
}
