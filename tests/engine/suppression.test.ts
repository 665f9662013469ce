import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

/** `line:column ruleId` of every finding (null rule ids are directive reports). */
function findings(text: string, filePath = '草稿.md', reportUnusedDisableDirectives = false): string[] {
  return lintText(text, { filePath, reportUnusedDisableDirectives }).messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'directive'}`);
}

describe('suppression comments', () => {
  it('disable … enable covers the lines between, for the named rule only', () => {
    const draft = [
      '各单位,请于X月X日前报送。',
      '<!-- gongwen-lint-disable punctuation-width -->',
      '',
      '各单位,请于X月X日前报送。',
      '',
      '<!-- gongwen-lint-enable punctuation-width -->',
      '',
      '各单位,请于X月X日前报送。',
    ].join('\n');
    expect(findings(draft)).toEqual([
      '1:4 punctuation-width',
      '1:7 no-placeholder',
      '4:7 no-placeholder',
      '8:4 punctuation-width',
      '8:7 no-placeholder',
    ]);
  });

  it('disable without ids covers every rule until the end, and enable without ids ends it', () => {
    const draft = ['<!-- gongwen-lint-disable -->', '', '各单位,请于X月X日前报送。', '', '<!-- gongwen-lint-enable -->', '', '联系人：某某同志。'].join('\n');
    expect(findings(draft)).toEqual(['7:5 no-placeholder']);
  });

  it('an enable for one rule ends only that rule of a disable for all', () => {
    const draft = ['<!-- gongwen-lint-disable -->', '', '<!-- gongwen-lint-enable no-placeholder -->', '', '各单位,请于X月X日前报送。'].join('\n');
    expect(findings(draft)).toEqual(['5:7 no-placeholder']);
  });

  it('disable-next-line covers the next line only', () => {
    const draft = ['<!-- gongwen-lint-disable-next-line no-placeholder -- 填表说明里的示例 -->', '请在“X年X月X日”处填写日期。', '报送时间：X月X日。'].join('\n');
    expect(findings(draft)).toEqual(['3:6 no-placeholder']);
  });

  it('works in plain text too, on a line of its own', () => {
    const draft = ['<!-- gongwen-lint-disable-next-line -->', '各单位,请于X月X日前报送。', '各单位,请于X月X日前报送。'].join('\n');
    expect(findings(draft, '草稿.txt')).toEqual(['3:4 punctuation-width', '3:7 no-placeholder']);
  });

  it('reports directives that suppressed nothing only when asked, one finding per unused rule id', () => {
    const draft = [
      '<!-- gongwen-lint-disable-next-line no-placeholder, punctuation-width -->',
      '请于X月X日前报送。',
      '<!-- gongwen-lint-disable-next-line -->',
      '请于2024年6月30日前报送。',
    ].join('\n');
    expect(findings(draft)).toEqual([]);
    expect(findings(draft, '草稿.md', true)).toEqual(['1:1 directive', '3:1 directive']);
    const messages = lintText(draft, { filePath: '草稿.md', reportUnusedDisableDirectives: true }).messages;
    expect(messages[0].message).toContain('punctuation-width');
    expect(messages[0].severity).toBe(2);
  });
});
