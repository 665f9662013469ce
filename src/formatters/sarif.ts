import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage } from '../linter.js';
import type { Formatter } from './types.js';

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

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Findings are results; a problem with a
 * file itself (unreadable, undecodable) is a tool execution notification, since no rule found it.
 */
const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const artifacts: Record<string, unknown>[] = [];
  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, context.cwd);
    const artifactIndex = artifacts.length;
    artifacts.push({ location });
    for (const message of result.messages) {
      const locations = [{ physicalLocation: physicalLocation(message, location, artifactIndex) }];
      if (message.fatal) {
        notifications.push({ level: 'error', message: { text: message.message }, locations });
        continue;
      }
      const sarifResult: Record<string, unknown> = {};
      if (message.ruleId !== null) {
        sarifResult.ruleId = message.ruleId;
        const index = ruleIndex.get(message.ruleId);
        if (index !== undefined) sarifResult.ruleIndex = index;
      }
      sarifResult.level = level(message.severity);
      sarifResult.message = { text: message.message };
      sarifResult.locations = locations;
      sarifResults.push(sarifResult);
    }
  }
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
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export default sarif;
