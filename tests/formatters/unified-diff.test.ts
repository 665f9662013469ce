import { expect, it } from 'vitest';
import { unifiedDiff } from '../../src/node/formatters/unified-diff.js';

it('prints a unified diff with the Chinese file name as written', () => {
  const before = '关于做好年底工作的通知\n\n工作已经完成,下一步继续推进。\n请各单位认真落实。\n';
  const after = '关于做好年底工作的通知\n\n工作已经完成，下一步继续推进。\n请各单位认真落实。\n';
  expect(unifiedDiff('草稿/通知.txt', before, after)).toBe(
    [
      '--- a/草稿/通知.txt',
      '+++ b/草稿/通知.txt',
      '@@ -1,4 +1,4 @@',
      ' 关于做好年底工作的通知',
      ' ',
      '-工作已经完成,下一步继续推进。',
      '+工作已经完成，下一步继续推进。',
      ' 请各单位认真落实。',
      '',
    ].join('\n'),
  );
});

it('marks a missing final newline and prints nothing for equal texts', () => {
  expect(unifiedDiff('a.txt', '完成,', '完成，')).toBe(
    ['--- a/a.txt', '+++ b/a.txt', '@@ -1,1 +1,1 @@', '-完成,', '\\ No newline at end of file', '+完成，', '\\ No newline at end of file', ''].join('\n'),
  );
  expect(unifiedDiff('a.txt', '同一文本\n', '同一文本\n')).toBe('');
});
