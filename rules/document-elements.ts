import * as z from 'zod';
import { defineRule } from '../src/core/rule.js';
import { recogniseElements } from '../src/core/layout/elements.js';

const messages = {
  addresseeMissing: '{{type}}应有主送机关：在标题之下另起一行顶格写明，最后一个机关名称后标全角冒号（GB/T 9704-2012 7.3.2）',
  addresseeColon: '主送机关“{{name}}”后应标全角冒号“：”（GB/T 9704-2012 7.3.2）',
  requestAddressees: '请示一般只写一个主送机关（《党政机关公文处理工作条例》第十五条），此处有 {{count}} 个：“{{name}}”',
  requestEnding: '请示应以请求批示、批准的语句结尾，如“妥否，请批示。”“当否，请批复。”（请示用于向上级机关请求指示、批准：《党政机关公文处理工作条例》第八条）',
  dateMissing: '署名之下缺少成文日期：写明年、月、日，如“2024年5月8日”（GB/T 9704-2012 7.3.5）',
  copyToEnd: '抄送机关最后一个名称后应标句号“。”（GB/T 9704-2012 7.4.2）',
};

/**
 * 文种 that are written to a receiver and so carry a 主送机关. A 报告 only when it reports to an agency
 * (`特此报告`, `现将…报告如下`): a 政府工作报告 is delivered to a congress and has none.
 */
const ADDRESSED_TYPES = new Set(['请示', '批复', '函']);
const REPORT_TO_AGENCY = /特此报告|报告如下/;
/** 文种 without 署名 and 成文日期 in the usual place (纪要 has its own format, GB/T 9704-2012 10.2; speeches and plans are not 公文 of that form). */
const UNDATED_TYPES = new Set(['纪要', '讲话', '方案', '规定', '办法', '规划', '计划', '总结', '公报', '令', '命令']);
/** How a 请示 closes its request. */
const REQUEST_ENDING = /(?:妥否|当否|可否|是否可行|是否同意|以上请示|请批示|请批复|请审批|请审定|请核准|请批准|请予批准|请予审批|请予支持|请予批复|请研究|请予研究|请指示)/;
/** The end of an agency's name: a line so ending right under the title is a 主送机关 that lost its colon. */
const AGENCY_END = /(?:政府|委员会|委|局|厅|部|办公室|办|院|会|处|科|中心|各单位|各部门|公司|集团|党组|党委|同志)$/;

export default defineRule({
  id: 'document-elements',
  description: '公文缺少必备要素或要素形式不对（主送机关、请示的结束语、成文日期、抄送机关的句号）',
  severity: 'warn',
  fixable: true,
  messages,
  options: z.object({}).strict(),
  check(document, report) {
    const { elements, documentType } = recogniseElements(document);
    if (documentType === undefined) return;
    const title = elements.find((element) => element.kind === 'title');
    if (!title) return;
    const lastTitle = elements.filter((element) => element.kind === 'title').pop()!;
    const addressee = elements.find((element) => element.kind === 'addressee');
    const addressed = ADDRESSED_TYPES.has(documentType) || (documentType === '报告' && elements.some((element) => REPORT_TO_AGENCY.test(element.block.text)));
    if (addressed && !addressee) {
      const next = elements[elements.indexOf(lastTitle) + 1];
      const nextText = next?.block.text.trim() ?? '';
      if (next && nextText.length <= 60 && AGENCY_END.test(nextText)) {
        report({ block: next.block, start: 0, end: next.block.text.length, messageId: 'addresseeColon', data: { name: nextText } });
      } else {
        report({ block: title.block, start: 0, end: title.block.text.length, messageId: 'addresseeMissing', data: { type: documentType } });
      }
    }
    if (documentType === '请示') {
      if (addressee) {
        const name = addressee.block.text.trim().replace(/[:：]$/, '');
        const count = name.split(/[、，,；;]/).filter((part) => part.trim() !== '').length;
        if (count > 1) report({ block: addressee.block, start: 0, end: addressee.block.text.length, messageId: 'requestAddressees', data: { count, name } });
      }
      const body = elements.filter((element) => element.kind === 'body' || element.kind.startsWith('heading'));
      const last = body[body.length - 1];
      if (last && !body.slice(-2).some((element) => REQUEST_ENDING.test(element.block.text))) {
        report({ block: last.block, start: 0, end: last.block.text.length, messageId: 'requestEnding' });
      }
    }
    // 署名 without 成文日期: the draft ends with an agency's name and no date under it. (Published texts
    // often drop both, so a missing date alone is not reported.)
    if (!UNDATED_TYPES.has(documentType) && !elements.some((element) => element.kind === 'date')) {
      const closing = elements.filter((element) => element.kind !== 'copy-to' && element.kind !== 'printed-by').pop();
      const text = closing?.block.text.trim() ?? '';
      if (closing && closing.kind === 'body' && text.length <= 30 && AGENCY_END.test(text) && !/[，。；：:,]/.test(text)) {
        report({ block: closing.block, start: 0, end: closing.block.text.length, messageId: 'dateMissing', data: { type: documentType } });
      }
    }
    for (const element of elements) {
      if (element.kind !== 'copy-to') continue;
      const text = element.block.text;
      const end = text.replace(/[\s\u3000]+$/, '').length;
      const last = text[end - 1];
      if (last === '。') continue;
      // A trailing comma, semicolon or 顿号 is the mark to replace; otherwise the 。 is added.
      const replaces = last === '，' || last === '；' || last === '、' || last === ',' || last === ';';
      report({ block: element.block, start: replaces ? end - 1 : end, end, messageId: 'copyToEnd', fix: { start: replaces ? end - 1 : end, end, text: '。' } });
    }
  },
});
