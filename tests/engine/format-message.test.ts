import { expect, it } from 'vitest';
import { formatMessage } from '../../src/core/rule.js';

it('fills every slot from the data, spaces inside the braces allowed, and leaves slots without data as written', () => {
  const template = '“{{text}}”应为“{{ expected }}”，见{{missing}}第{{text}}处';
  expect(formatMessage(template, { text: ',', expected: '，' })).toBe('“,”应为“，”，见{{missing}}第,处');
  expect(formatMessage(template, { text: 3, expected: '' })).toBe('“3”应为“”，见{{missing}}第3处');
  expect(formatMessage('没有占位的消息', { text: 'x' })).toBe('没有占位的消息');
  expect(formatMessage(template, undefined)).toBe(template);
});

it('fills a one-slot template from its cache as from the template, and leaves the slot as written without data', () => {
  const template = '半角“{{text}}”应改为全角';
  expect(formatMessage(template, { text: ',' })).toBe('半角“,”应改为全角');
  expect(formatMessage(template, { text: ';' })).toBe('半角“;”应改为全角');
  expect(formatMessage(template, { text: ',' })).toBe('半角“,”应改为全角');
  expect(formatMessage(template, { text: 3 })).toBe('半角“3”应改为全角');
  expect(formatMessage(template, { other: ',' })).toBe('半角“{{text}}”应改为全角');
});
