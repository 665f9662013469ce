import { describe, expect, it } from 'vitest';
import { outputText } from '../../src/node/formatters/index.js';
import sarifFormatter from '../../src/node/formatters/sarif.js';
import { context, cwd, results, ruleMetas } from './fixtures.js';
import type { LintResult } from '../../src/core/linter.js';
import { countMessages } from '../../src/core/results.js';

const sarif: (...args: Parameters<typeof sarifFormatter>) => string = (...args) => outputText(sarifFormatter(...args));

/** `any` because parsed SARIF is untyped JSON: the structural checks below are what give it a shape. */
type Json = any;

const SRCROOT_URI = 'file:///home/user/%E5%85%AC%E6%96%87/';
const REPORT_URI = '%E8%8D%89%E7%A8%BF/%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A.md';

function expectPositiveInteger(value: unknown): void {
  expect(Number.isInteger(value) && (value as number) >= 1).toBe(true);
}

/** The required shape of SARIF 2.1.0 (§3.13 sarifLog, §3.14 run, §3.18 tool, §3.27 result, §3.30 region). */
function expectSarif210(log: Json): void {
  expect(log.version).toBe('2.1.0');
  expect(typeof log.$schema).toBe('string');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    const driver = run.tool.driver;
    expect(typeof driver.name).toBe('string');
    const ruleIds = new Set<string>();
    for (const rule of driver.rules ?? []) {
      expect(typeof rule.id).toBe('string');
      expect(ruleIds.has(rule.id)).toBe(false);
      ruleIds.add(rule.id);
      expect(typeof rule.shortDescription.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
    }
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      if (result.ruleIndex !== undefined) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      for (const location of result.locations) {
        const artifactLocation = location.physicalLocation.artifactLocation;
        expect(() => new URL(artifactLocation.uri, run.originalUriBaseIds[artifactLocation.uriBaseId].uri)).not.toThrow();
        expect(run.artifacts[artifactLocation.index].location.uri).toBe(artifactLocation.uri);
        const region = location.physicalLocation.region;
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) expectPositiveInteger(region[key]);
        expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
        if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
      }
    }
    for (const invocation of run.invocations ?? []) expect(typeof invocation.executionSuccessful).toBe('boolean');
  }
}

describe('sarif', () => {
  const log: Json = JSON.parse(sarif(results, context()));

  it('has the SARIF 2.1.0 shape', () => {
    expectSarif210(log);
  });

  it('describes the tool and every rule in Chinese', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver).toEqual({
      name: 'gongwen-lint',
      version: '9.9.9',
      informationUri: 'https://www.npmjs.com/package/gongwen-lint',
      rules: [
        {
          id: 'no-placeholder',
          shortDescription: { text: '模板中遗留的占位符' },
          help: { text: '模板中遗留的占位符。规则说明见 docs/rules/no-placeholder.md。' },
          defaultConfiguration: { level: 'error' },
          properties: { fixable: false },
        },
        {
          id: 'punctuation-width',
          shortDescription: { text: '中文语境中的半角标点应为全角' },
          help: { text: '中文语境中的半角标点应为全角。规则说明见 docs/rules/punctuation-width.md。' },
          defaultConfiguration: { level: 'warning' },
          properties: { fixable: true },
        },
      ],
    });
    expect(driver.rules).toHaveLength(ruleMetas.length);
  });

  it('reports findings with 1-based UTF-16 regions and percent-encoded URIs relative to the working directory', () => {
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: SRCROOT_URI } });
    expect(run.results).toEqual([
      {
        ruleId: 'no-placeholder',
        ruleIndex: 0,
        level: 'error',
        message: { text: '“X年”疑似未填写的占位符，请填写具体年份' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: REPORT_URI, uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 3 },
            },
          },
        ],
      },
      {
        ruleId: 'punctuation-width',
        ruleIndex: 1,
        level: 'warning',
        message: { text: '中文语境中的半角逗号“,”应为全角“，”' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: REPORT_URI, uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 12, startColumn: 17, endLine: 12, endColumn: 18 },
            },
          },
        ],
      },
    ]);
    expect(decodeURIComponent(new URL(REPORT_URI, SRCROOT_URI).pathname)).toBe('/home/user/公文/草稿/工作报告.md');
  });

  it('turns a file that could not be read into a failed-execution notification, not a result', () => {
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: '无法读取文件：文件不存在' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: '%E7%BC%BA%E5%A4%B1%2C%20%E6%96%87%E4%BB%B6%3A1.txt', uriBaseId: '%SRCROOT%', index: 2 },
            },
          },
        ],
      },
    ]);
  });

  it('uses an absolute file URI for a file outside the working directory', () => {
    const outside = JSON.parse(sarif([{ ...results[1], filePath: '/tmp/通知.md' }], context()));
    expect(outside.runs[0].artifacts).toEqual([{ location: { uri: 'file:///tmp/%E9%80%9A%E7%9F%A5.md' } }]);
    expect(outside.runs[0].invocations[0].executionSuccessful).toBe(true);
    expectSarif210(outside);
  });
});

/** Findings off the common path: no rule, a rule the run does not describe, no position, a file outside cwd, quotes and a line break in the message. */
const unusual: LintResult[] = [
  countMessages('/tmp/外部/请示.md', [
    { ruleId: null, severity: 1, message: '未使用的 gongwen-lint-disable 指令：此处没有可屏蔽的问题，请删除', line: 4, column: 1, endLine: 4, endColumn: 40 },
    { ruleId: 'local-rule', severity: 2, message: '“\\”与"引号"\n不应出现', messageId: 'x', line: 0, column: 0, endLine: 0, endColumn: 0 },
  ]),
  countMessages(`${cwd}/通知.md`, [
    { ruleId: 'punctuation-width', severity: 1, message: '中文语境中的半角逗号“,”应为全角“，”', line: 2, column: 5, endLine: 2, endColumn: 6 },
  ]),
];

describe('written in pieces', () => {
  it('writes findings off the common path as the objects would be written', () => {
    const run = JSON.parse(sarif(unusual, context())).runs[0];
    expect(run.results.map((result: Json) => [result.ruleId, result.ruleIndex, result.level, result.message.text, result.locations[0].physicalLocation])).toEqual([
      [undefined, undefined, 'warning', unusual[0].messages[0].message, { artifactLocation: { uri: 'file:///tmp/%E5%A4%96%E9%83%A8/%E8%AF%B7%E7%A4%BA.md', index: 0 }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 40 } }],
      ['local-rule', undefined, 'error', '“\\”与"引号"\n不应出现', { artifactLocation: { uri: 'file:///tmp/%E5%A4%96%E9%83%A8/%E8%AF%B7%E7%A4%BA.md', index: 0 } }],
      ['punctuation-width', 1, 'warning', unusual[1].messages[0].message, { artifactLocation: { uri: '%E9%80%9A%E7%9F%A5.md', uriBaseId: '%SRCROOT%', index: 1 }, region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 6 } }],
    ]);
  });

  it.each([
    ['findings and a file that could not be read', results],
    ['findings off the common path', unusual],
    ['no files', []],
  ])('joins to exactly the pretty-printed log (%s)', (_name, given) => {
    // Bytes are lent until the next piece is asked for: kept, they are copied.
    const pieces = Array.from(sarifFormatter(given, context()), (piece) => (typeof piece === 'string' ? piece : new Uint8Array(piece)));
    const text = outputText(pieces);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    if (given.length > 0) expect(pieces.length).toBeGreaterThan(given.length);
  });
});
