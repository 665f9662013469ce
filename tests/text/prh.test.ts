import { describe, expect, it } from 'vitest';
import { compilePrhRule, entryRegExp, findTerms, prhPatternText, PrhRuleError } from '../../src/core/text/prh.js';
import { BUILTIN_RULES } from '../../src/core/text/terminology-builtin.js';

function rewrite(raw: unknown, text: string): string {
  const entry = compilePrhRule(raw);
  let result = '';
  let last = 0;
  for (const match of findTerms(text, entry, entryRegExp(entry))) {
    result += text.slice(last, match.start) + match.replacement;
    last = match.end;
  }
  return result + text.slice(last);
}

describe('compilePrhRule (prh 5 semantics)', () => {
  it('without a pattern, matches expected in either case and width, as prh spreads Latin letters and digits', () => {
    const entry = compilePrhRule({ expected: 'App' });
    expect(prhPatternText(entry)).toBe('/[AaＡａ][PpＰｐ][PpＰｐ]/gmu');
    expect(rewrite({ expected: 'App' }, '政务APP、ａｐｐ和App')).toBe('政务App、App和App');
  });

  it('takes a bare string as {expected}', () => {
    expect(compilePrhRule('5G').expected).toBe('5G');
    expect(rewrite('5G', '推进５ｇ基站建设')).toBe('推进5G基站建设');
  });

  it('reads /…/ as a regular expression and anything else literally', () => {
    expect(rewrite({ expected: '（$1）', pattern: '/\\(([^)]+)\\)/' }, '会议(扩大)召开')).toBe('会议（扩大）召开');
    expect(rewrite({ expected: '一点', pattern: '1.5' }, '1x5和1.5')).toBe('1x5和一点');
    expect(compilePrhRule({ expected: 'a', pattern: '/A/i' }).flags).toBe('gimu');
  });

  it('joins patterns, longest first as written', () => {
    expect(rewrite({ expected: '硬件', patterns: ['硬件设备', '硬体'] }, '硬体和硬件设备')).toBe('硬件和硬件');
  });

  it('adds word boundaries on request', () => {
    expect(rewrite({ expected: 'js', options: { wordBoundary: true } }, 'JS and altJS')).toBe('js and altJS');
  });

  it('leaves a match alone when the group regexpMustEmpty names is not empty', () => {
    const raw = { expected: '卫生健康委', pattern: '/(原)?卫计委/', regexpMustEmpty: '$1' };
    expect(rewrite(raw, '原卫计委、市卫计委')).toBe('原卫计委、市卫生健康委');
  });

  it('runs specs and reports the one that fails', () => {
    expect(() => compilePrhRule({ expected: '党的十九大', pattern: '十九大', specs: [{ from: '十九大', to: '党的十九大' }] })).not.toThrow();
    expect(() => compilePrhRule({ expected: '甲', pattern: '乙', specs: [{ from: '乙乙', to: '甲' }] })).toThrow(/specs 第 1 项没有通过：“乙乙”应改为“甲”，按这条规则却得到“甲甲”/);
  });

  it('keeps the prh note', () => {
    expect(compilePrhRule({ expected: '党的十九大', pattern: '十九大', prh: ' 首次出现时写全称 ' }).note).toBe('首次出现时写全称');
  });

  it.each([
    [{ pattern: '乙' }, /缺少 expected/],
    [{ expected: '甲', pattern: '' }, /不能是空字符串/],
    [{ expected: '甲', patterns: [] }, /不能是空列表/],
    [{ expected: '甲', pattern: 3 }, /应为字符串/],
    [{ expected: '甲', pattern: '/(/' }, /不是有效的正则表达式/],
    [{ expected: '甲', pattern: '/a*/' }, /会匹配空字符串/],
    [{ expected: '甲', patterns: ['/a/i', '/b/'] }, /标志不一致/],
    [{ expected: '甲', pattern: '乙', regexpMustEmpty: '1' }, /regexpMustEmpty/],
    [{ expected: '甲', pattern: '乙', specs: {} }, /specs 应为列表/],
    [{ expected: '甲', options: { wordBoundary: 'yes' } }, /wordBoundary/],
    [42, /应为一个对象/],
  ])('rejects %j', (raw, message) => {
    expect(() => compilePrhRule(raw)).toThrow(PrhRuleError);
    expect(() => compilePrhRule(raw)).toThrow(message);
  });
});

describe('the built-in dictionary', () => {
  it('compiles, and each variant is rewritten to the recommended form', () => {
    for (const raw of BUILTIN_RULES) {
      for (const variant of raw.patterns) {
        const text = variant.startsWith('/') ? '成份' : variant;
        expect(rewrite(raw, text), variant).toBe(raw.expected);
      }
    }
  });
});
