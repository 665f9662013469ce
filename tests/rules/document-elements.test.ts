import rule from '../../rules/document-elements.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const REQUEST = ['关于拨付农村公路养护资金的请示', '', '县人民政府：', '', '为做好全县农村公路日常养护工作，现将有关事项请示如下。', '', '妥否，请批示。', '', '县交通运输局', '', '2024年5月8日'];
const request = (change: (lines: string[]) => void = () => {}): string => {
  const lines = [...REQUEST];
  change(lines);
  return lines.join('\n');
};

runRuleTests(rule, {
  valid: [
    { name: 'a complete 请示', code: request() },
    { name: 'a complete 请示 in Markdown', code: `# ${request()}`, format: 'md' },
    { name: '当否，请批复 closes a 请示 too', code: request((lines) => (lines[6] = '当否，请批复。')) },
    { name: 'the request in the paragraph before a closing courtesy', code: request((lines) => lines.splice(7, 0, '此致', '')) },
    { name: 'a 请示 with its attachment note after the request', code: request((lines) => lines.splice(7, 0, '附件：农村公路养护资金测算表', '')) },
    { name: 'a 通知 to many agencies', code: '关于做好防汛工作的通知\n\n各乡镇人民政府，县直各单位：\n\n请切实做好防汛工作。\n\n县人民政府办公室\n\n2024年6月1日' },
    { name: 'a 通知 without a 主送机关 (普发)', code: '关于做好防汛工作的通知\n\n请切实做好防汛工作。\n\n2024年6月1日' },
    { name: 'a 政府工作报告 has no 主送机关', code: '政府工作报告\n\n各位代表：\n\n现在，我代表县人民政府，向大会报告工作。' },
    { name: 'a 报告 to an agency with its 主送机关', code: '关于一季度安全生产情况的报告\n\n县人民政府：\n\n现将一季度安全生产情况报告如下。\n\n特此报告。\n\n县应急管理局\n\n2024年4月2日' },
    { name: 'a published text without 署名 and 成文日期 at its end', code: '关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n请切实做好防汛工作。' },
    { name: '纪要 has no 成文日期 under a signature', code: '县政府常务会议纪要\n\n会议研究了防汛工作。\n\n县人民政府办公室' },
    { name: 'a text without a title naming a 文种 is no 公文 to check', code: '防汛工作要点\n\n请切实做好防汛工作。\n\n县人民政府办公室' },
    { name: '抄送 ending with 。', code: `${request()}\n\n抄送：县财政局。` },
    { name: 'a 函 with its 主送机关', code: '关于商请支持农村公路建设的函\n\n市交通运输局：\n\n恳请贵局给予支持。\n\n县人民政府\n\n2024年3月1日' },
    { name: 'a date in Chinese numerals', code: request((lines) => (lines[10] = '二〇二四年五月八日')) },
  ],
  invalid: [
    {
      name: 'a 请示 without a 主送机关',
      code: request((lines) => lines.splice(2, 2)),
      errors: [{ messageId: 'addresseeMissing', line: 1, column: 1, endLine: 1, endColumn: 16, data: { type: '请示' } }],
    },
    {
      name: 'a 主送机关 that lost its colon',
      code: request((lines) => (lines[2] = '县人民政府')),
      errors: [{ messageId: 'addresseeColon', line: 3, column: 1, endColumn: 6, data: { name: '县人民政府' } }],
    },
    {
      name: 'a 请示 to two agencies',
      code: request((lines) => (lines[2] = '县委、县人民政府：')),
      errors: [{ messageId: 'requestAddressees', line: 3, column: 1, endColumn: 10, data: { count: 2, name: '县委、县人民政府' } }],
    },
    {
      name: 'a 请示 that does not ask',
      code: request((lines) => (lines[6] = '以上情况，特此说明。')),
      errors: [{ messageId: 'requestEnding', line: 7, column: 1, endColumn: 11 }],
    },
    {
      name: 'a 函 without a 主送机关',
      code: '关于商请支持农村公路建设的函\n\n恳请贵局给予支持。\n\n县人民政府\n\n2024年3月1日',
      errors: [{ messageId: 'addresseeMissing', line: 1, column: 1, endColumn: 15, data: { type: '函' } }],
    },
    {
      name: 'a 报告 to an agency without its 主送机关',
      code: '关于一季度安全生产情况的报告\n\n现将一季度安全生产情况报告如下。\n\n县应急管理局\n\n2024年4月2日',
      errors: [{ messageId: 'addresseeMissing', line: 1, column: 1, endColumn: 15, data: { type: '报告' } }],
    },
    {
      name: 'a 署名 without its 成文日期',
      code: request((lines) => lines.splice(9, 2)),
      errors: [{ messageId: 'dateMissing', line: 9, column: 1, endColumn: 7 }],
    },
    {
      name: '抄送 without the closing 。 gets one',
      code: `${request()}\n\n抄送：县财政局，县审计局`,
      errors: [{ messageId: 'copyToEnd', line: 13, column: 13, endColumn: 13 }],
      output: `${request()}\n\n抄送：县财政局，县审计局。`,
    },
    {
      name: '抄送 ending with a comma: the comma becomes 。',
      code: `${request()}\n\n抄送：县财政局，县审计局，`,
      errors: [{ messageId: 'copyToEnd', line: 13, column: 13, endColumn: 14 }],
      output: `${request()}\n\n抄送：县财政局，县审计局。`,
    },
  ],
});
