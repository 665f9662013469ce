import { expect, it } from 'vitest';
import { lintText } from '../src/index.js';

it('lints an empty text without findings', () => {
  expect(lintText('').messages).toEqual([]);
});
