import type * as z from 'zod';
import type { Block, GwDocument } from './document.js';

export type Severity = 'off' | 'warn' | 'error';

/** A replacement in one block's text: `text` replaces `[start, end)`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface Suggestion<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  /** One or more edits in the same block, applied together. */
  readonly fix: TextEdit | readonly TextEdit[];
}

/** What a rule reports: a span in one block's text, a message by id, and optionally a certain fix. */
export interface Report<M extends string> {
  readonly block: Block;
  /** Offsets into `block.text`; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  readonly messageId: M;
  readonly data?: MessageData;
  /** Only for rules marked fixable, and only where the fix is certain. Several edits form one fix. */
  readonly fix?: TextEdit | readonly TextEdit[];
  /** Choices for the author where no fix is certain. */
  readonly suggestions?: readonly Suggestion<M>[];
  /** A finding less certain than the rest of its rule: reported as a warning even when the rule is set to error. */
  readonly severity?: 'warn';
}

export type ReportFunction<M extends string> = (report: Report<M>) => void;

export interface Rule<M extends string = string, S extends z.ZodType = z.ZodType> {
  /** kebab-case, equal to the file name in rules/. */
  readonly id: string;
  /** One Chinese sentence: what the rule finds. */
  readonly description: string;
  /** 'off' for a rule that has nothing to check until configured (terminology needs a dictionary). */
  readonly severity: Severity;
  readonly fixable: boolean;
  /** Messages by id, in Chinese, with `{{name}}` filled from the report's data. */
  readonly messages: Readonly<Record<M, string>>;
  /** The options, declared once: validation, defaults and the TypeScript type all come from this schema. */
  readonly options: S;
  /**
   * The layout rules share one profile: the configuration's top-level `layout` settings become their
   * options (a rule's own options, where given, take precedence).
   */
  readonly optionsFromLayout?: boolean;
  /** Method syntax keeps rules with different option types assignable to `Rule` in the registry. */
  check(document: GwDocument, report: ReportFunction<M>, options: z.output<S>): void;
}

/** Identity helper that lets TypeScript infer the message ids and the options type of a rule. */
export function defineRule<const M extends string, S extends z.ZodType>(rule: Rule<M, S>): Rule<M, S> {
  return rule;
}

/** The key of a slot the data does not fill (it stays as written). */
const UNFILLED = Symbol('unfilled slot');

type SlotKey = string | number | typeof UNFILLED;

/** Messages formatted from one template, by the value of each slot in turn; the last level holds the message. */
interface MessageTree extends Map<SlotKey, MessageTree | string> {}

/**
 * A message template split at its `{{name}}` slots: the first literal, then for each slot its name, the
 * slot as written and the literal after it. Compiled once per template: a run over a draft full of findings
 * formats hundreds of thousands of messages.
 */
interface CompiledTemplate {
  readonly parts: readonly string[];
  /**
   * The messages already formatted, shared: the findings of a draft full of them repeat a few thousand
   * texts, and building one string per finding, kept until the report is written, was memory and
   * garbage-collection work. Emptied when it grows past FORMATTED_LIMIT, for a long-running server.
   */
  formatted: MessageTree;
  size: number;
}

const FORMATTED_LIMIT = 10_000;

const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled === undefined) {
    const parts: string[] = [];
    const slot = /\{\{\s*(\w+)\s*\}\}/g;
    let literalStart = 0;
    for (let match = slot.exec(template); match !== null; match = slot.exec(template)) {
      parts.push(template.slice(literalStart, match.index), match[1], match[0]);
      literalStart = match.index + match[0].length;
    }
    parts.push(template.slice(literalStart));
    compiled = { parts, formatted: new Map(), size: 0 };
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

function slotKey(data: MessageData, name: string): SlotKey {
  return Object.prototype.hasOwnProperty.call(data, name) ? data[name] : UNFILLED;
}

/** Builds a message; joined, not concatenated: `+=` leaves a tree of pieces (a cons string) that every stored message keeps. */
function buildMessage(parts: readonly string[], data: MessageData): string {
  const pieces = [parts[0]];
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i];
    pieces.push(Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : parts[i + 1], parts[i + 2]);
  }
  return pieces.join('');
}

/** Fills `{{name}}` in a message from the report's data; a slot without data stays as written. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  const compiled = compileTemplate(template);
  const { parts } = compiled;
  if (parts.length === 1) return template;
  let tree = compiled.formatted;
  const last = parts.length - 3;
  for (let i = 1; i < last; i += 3) {
    const key = slotKey(data, parts[i]);
    let next = tree.get(key);
    if (next === undefined) tree.set(key, (next = new Map()));
    tree = next as MessageTree;
  }
  const key = slotKey(data, parts[last]);
  const known = tree.get(key);
  if (known !== undefined) return known as string;
  if (compiled.size >= FORMATTED_LIMIT) {
    compiled.formatted = new Map();
    compiled.size = 0;
    return formatMessage(template, data);
  }
  const message = buildMessage(parts, data);
  tree.set(key, message);
  compiled.size++;
  return message;
}
