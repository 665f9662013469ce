import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage, LintResult } from '../../core/linter.js';
import type { Formatter, FormatterContext, ReportWriter } from './types.js';
import { ByteBuilder, utf8Bytes } from './bytes.js';
import { TextCache } from './text-cache.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/gongwen-lint';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning';

function level(severity: 1 | 2): SarifLevel {
  return severity === 2 ? 'error' : 'warning';
}

/**
 * An artifact location: a percent-encoded URI relative to the source root when the file lies under `cwd`
 * (what GitHub code scanning matches against the repository), otherwise an absolute `file:` URI.
 */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = isAbsolute(filePath) ? filePath : resolve(cwd, filePath);
  const relativePath = relative(cwd, absolute);
  if (relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath)) {
    return { uri: relativePath.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** A region in SARIF's default column kind, 1-based UTF-16 code units with an exclusive end: ours exactly. */
function region(message: LintMessage): Record<string, number> | undefined {
  if (message.line < 1) return undefined;
  return {
    startLine: message.line,
    startColumn: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
}

function physicalLocation(message: LintMessage, location: { uri: string; uriBaseId?: string }, index: number): Record<string, unknown> {
  const physical: Record<string, unknown> = { artifactLocation: { ...location, index } };
  const messageRegion = region(message);
  if (messageRegion) physical.region = messageRegion;
  return physical;
}

/** `JSON.stringify(value, null, 2)` for a value that stands `depth` levels deep in the whole log. */
function nested(value: unknown, depth: number): string {
  // JSON strings hold no raw line break, so every line break is indentation.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** An array `depth` levels deep, pretty-printed as JSON.stringify would, yielded an element at a time. */
function* nestedArray<T>(items: Iterable<T>, depth: number, toJson: (item: T) => unknown): Generator<string> {
  const indent = '  '.repeat(depth + 1);
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${indent}${nested(toJson(item), depth + 1)}`;
    first = false;
  }
  yield first ? '[]' : `\n${'  '.repeat(depth)}]`;
}

/** A line break inside an element of `results`, which stands four levels deep in the log. */
const RESULT_LINE = `\n${'  '.repeat(4)}`;

/**
 * The end of a non-empty `results` array, three levels deep. A constant: code first run once the results
 * are written, in a generator optimised while writing them, is deoptimised on the spot.
 */
const RESULTS_CLOSE = `\n${'  '.repeat(3)}]`;

/** The fixed lines of a result around the values that vary, each with the break and indentation before it. */
const MESSAGE_TEXT = `${RESULT_LINE}  "message": {${RESULT_LINE}    "text": `;
const MESSAGE_CLOSE = `${RESULT_LINE}  },${RESULT_LINE}`;
const REGION_START = `,${RESULT_LINE}        "region": {${RESULT_LINE}          "startLine": `;
const REGION_START_COLUMN = `,${RESULT_LINE}          "startColumn": `;
const REGION_END_LINE = `,${RESULT_LINE}          "endLine": `;
const REGION_END_COLUMN = `,${RESULT_LINE}          "endColumn": `;
const REGION_CLOSE = `${RESULT_LINE}        }`;
const LOCATIONS_CLOSE = `${RESULT_LINE}      }${RESULT_LINE}    }${RESULT_LINE}  ]${RESULT_LINE}}`;

/** JSON strings of the texts many results share (rule ids, messages, file URIs): each is quoted once. */
class QuotedStrings {
  private readonly quoted = new TextCache<string>();

  get(text: string): string {
    return this.quoted.get(text) ?? this.quoted.set(text, JSON.stringify(text));
  }
}

/** The fixed lines of a result as UTF-8, copied into each result's bytes. */
const REGION_START_BYTES = utf8Bytes(REGION_START);
const REGION_START_COLUMN_BYTES = utf8Bytes(REGION_START_COLUMN);
const REGION_END_LINE_BYTES = utf8Bytes(REGION_END_LINE);
const REGION_END_COLUMN_BYTES = utf8Bytes(REGION_END_COLUMN);
const REGION_CLOSE_BYTES = utf8Bytes(REGION_CLOSE);
const LOCATIONS_CLOSE_BYTES = utf8Bytes(LOCATIONS_CLOSE);
const OPEN_BYTES = utf8Bytes('[');
const COMMA_BYTES = utf8Bytes(',');

/** A result's bytes from its opening brace to `"locations"`: the same for every finding with its message, rule and level. */
interface MessagePart {
  ruleId: string | null;
  severity: 1 | 2;
  bytes: Uint8Array;
}

/**
 * The `results` array, written from its fixed lines and the values between them: exactly what nestedArray
 * gives for the result objects (each `JSON.stringify(result, null, 2)`, indented four levels), without
 * building those objects and re-indenting their text. A draft full of findings has hundreds of thousands,
 * each some 700 bytes of mostly fixed text, written as UTF-8 bytes: the part up to `"locations"` encoded
 * once per message, the part from there to the artifact's index once per file, lines and columns as
 * digits. Written a file at a time, so that a streamed report (sarifReport) writes each file's results as
 * they arrive. The tests hold the log to JSON.stringify.
 */
class SarifResultsWriter {
  private readonly quoted = new QuotedStrings();
  private readonly ruleLines = new Map<string, string>();
  private readonly messageParts = new TextCache<MessagePart>();
  private readonly output = new ByteBuilder();
  private first = true;

  constructor(private readonly ruleIndex: ReadonlyMap<string, number>) {}

  /** The results of one file, the artifact at `artifactIndex`; lent bytes (see FormatterOutput). */
  *add(result: LintResult, location: { uri: string; uriBaseId?: string }, artifactIndex: number): Generator<Uint8Array> {
    const { messages, fatalErrorCount } = result;
    if (messages.length === 0) return;
    const { quoted, ruleLines, messageParts, output } = this;
    const { uri, uriBaseId } = location;
    // From `"locations"` to the artifact's index, every result of a file is the same.
    const artifactLines = ['  "locations": [', '    {', '      "physicalLocation": {', '        "artifactLocation": {', `          "uri": ${quoted.get(uri)},`];
    if (uriBaseId !== undefined) artifactLines.push(`          "uriBaseId": ${quoted.get(uriBaseId)},`);
    artifactLines.push(`          "index": ${artifactIndex}`, '        }');
    const artifact = utf8Bytes(artifactLines.join(RESULT_LINE));
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i];
      // A problem with the file is a notification, not a result (results.ts counts them).
      if (fatalErrorCount > 0 && message.fatal) continue;
      let known = messageParts.get(message.message);
      if (known === undefined || known.ruleId !== message.ruleId || known.severity !== message.severity) {
        let rule = '';
        if (message.ruleId !== null) {
          rule = ruleLines.get(message.ruleId) ?? '';
          if (rule === '') {
            const index = this.ruleIndex.get(message.ruleId);
            rule = `${RESULT_LINE}  "ruleId": ${quoted.get(message.ruleId)},${index === undefined ? '' : `${RESULT_LINE}  "ruleIndex": ${index},`}`;
            ruleLines.set(message.ruleId, rule);
          }
        }
        const head = `${RESULT_LINE}{${rule}${RESULT_LINE}  "level": "${level(message.severity)}",${MESSAGE_TEXT}${quoted.get(message.message)}${MESSAGE_CLOSE}`;
        known = messageParts.set(message.message, { ruleId: message.ruleId, severity: message.severity, bytes: utf8Bytes(head) });
      }
      output.add(this.first ? OPEN_BYTES : COMMA_BYTES);
      output.add(known.bytes);
      output.add(artifact);
      this.first = false;
      if (message.line >= 1) {
        output.add(REGION_START_BYTES);
        output.addInteger(message.line);
        output.add(REGION_START_COLUMN_BYTES);
        output.addInteger(message.column);
        output.add(REGION_END_LINE_BYTES);
        output.addInteger(message.endLine);
        output.add(REGION_END_COLUMN_BYTES);
        output.addInteger(message.endColumn);
        output.add(REGION_CLOSE_BYTES);
      }
      output.add(LOCATIONS_CLOSE_BYTES);
    }
    if (output.length > 0) yield output.lend();
  }

  /** The end of the array. */
  end(): string {
    return this.first ? '[]' : RESULTS_CLOSE;
  }
}

/** Stand in the log for the arrays written piece by piece (see sarif); a NUL never occurs in a path or message. */
const STREAMED = { artifacts: '\u0000gongwen-lint:artifacts', results: '\u0000gongwen-lint:results' };

/** The log from its start to its `results` array, which the artifacts and the files' own problems decide. */
function logStart(results: readonly LintResult[], locations: readonly { uri: string; uriBaseId?: string }[], context: FormatterContext): { start: string; end: string } {
  const notifications: Record<string, unknown>[] = [];
  results.forEach((result, artifactIndex) => {
    // Only a file with a problem of its own has one (results.ts counts them): the others' findings are not read.
    if (result.fatalErrorCount === 0) return;
    for (const message of result.messages) {
      if (!message.fatal) continue;
      const messageLocations = [{ physicalLocation: physicalLocation(message, locations[artifactIndex], artifactIndex) }];
      notifications.push({ level: 'error', message: { text: message.message }, locations: messageLocations });
    }
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gongwen-lint',
            version: context.version,
            informationUri: INFORMATION_URI,
            rules: context.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              help: { text: `${rule.description}。规则说明见 docs/rules/${rule.id}.md。` },
              defaultConfiguration:
                rule.severity === 'off' ? { enabled: false, level: 'warning' } : { level: rule.severity === 'error' ? 'error' : 'warning' },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href } },
        artifacts: STREAMED.artifacts,
        results: STREAMED.results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  // The log's own text, cut where the two arrays stand; they are three levels deep (log, runs, run).
  const [head, rest] = JSON.stringify(log, null, 2).split(JSON.stringify(STREAMED.artifacts));
  const [middle, tail] = rest.split(JSON.stringify(STREAMED.results));
  const artifacts = Array.from(nestedArray(locations, 3, (location) => ({ location }))).join('');
  return { start: `${head}${artifacts}${middle}`, end: `${tail}\n` };
}

function ruleIndexOf(context: FormatterContext): Map<string, number> {
  return new Map(context.rules.map((rule, index) => [rule.id, index]));
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Findings are results; a problem with a
 * file itself (unreadable, undecodable) is a tool execution notification, since no rule found it. The log
 * is yielded in pieces (results a file at a time) so that the report of ten thousand files never stands in
 * memory whole; joined, it is exactly `JSON.stringify(log, null, 2)`.
 */
const sarif: Formatter = function* (results, context) {
  const locations = results.map((result) => artifactLocation(result.filePath, context.cwd));
  const { start, end } = logStart(results, locations, context);
  yield start;
  const writer = new SarifResultsWriter(ruleIndexOf(context));
  for (let artifactIndex = 0; artifactIndex < results.length; artifactIndex++) yield* writer.add(results[artifactIndex], locations[artifactIndex], artifactIndex);
  yield writer.end();
  yield end;
};

/** A SARIF report streamed to a file (see sarifReport). */
export interface StreamedSarif extends ReportWriter {
  /**
   * After finish: undefined when the start of the log written first was right, otherwise how many bytes it
   * took and the right one, which replaces it (the file's own problems and the files skipped are known only
   * once they are read).
   */
  correction(): { writtenBytes: number; start: string } | undefined;
}

/**
 * The SARIF log as results arrive. Its start (the artifacts and the files' own problems) comes before the
 * first result, so it is written from `expected`, the results known before linting (missing paths) and one
 * without findings for each file to lint; the artifacts are numbered as results arrive. If a file turns out
 * unreadable or is skipped, the start differs, and `correction` says so.
 */
export function sarifReport(context: FormatterContext, expected: readonly LintResult[]): StreamedSarif {
  const expectedStart = logStart(expected, expected.map((result) => artifactLocation(result.filePath, context.cwd)), context);
  const writer = new SarifResultsWriter(ruleIndexOf(context));
  /** What decides the log's start, kept for each result: its path and, for a file with a problem of its own, its problems. */
  const arrived: LintResult[] = [];
  let started = false;
  return {
    *add(results) {
      if (!started) yield expectedStart.start;
      started = true;
      for (const result of results) {
        const location = artifactLocation(result.filePath, context.cwd);
        yield* writer.add(result, location, arrived.length);
        arrived.push({ ...result, messages: result.fatalErrorCount > 0 ? result.messages.filter((message) => message.fatal) : [] });
      }
    },
    *finish() {
      if (!started) yield expectedStart.start;
      started = true;
      yield writer.end();
      yield expectedStart.end;
    },
    correction() {
      const actual = logStart(arrived, arrived.map((result) => artifactLocation(result.filePath, context.cwd)), context);
      if (actual.start === expectedStart.start) return undefined;
      return { writtenBytes: Buffer.byteLength(expectedStart.start), start: actual.start };
    },
  };
}

export default sarif;
