/**
 * Writes examples/请示-草稿.docx, the bundled Word draft: `npm run build && node dist/scripts/build-example-docx.js`.
 * The text is the project's own. Its problems hide where Word hides them: blanks split over runs, a `,;`
 * in two runs, a blank in the footer. examples/README.md lists them; tests pin the findings.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDocx, type ParagraphSpec } from './docx-writer.js';

const CENTERED_TITLE = '<w:jc w:val="center"/>';
const TITLE_RUN = '<w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/>';
const FIRST_LINE_INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';

const paragraph = (...runs: string[]): ParagraphSpec => ({ runs, properties: FIRST_LINE_INDENT });

export const EXAMPLE_PARAGRAPHS: readonly (string | ParagraphSpec)[] = [
  { runs: [{ text: '关于拨付20XX年农村公路养护资金的请示', properties: TITLE_RUN }], properties: CENTERED_TITLE },
  '县人民政府：',
  paragraph('为做好全县农村公路日常养护工作，保障群众安全便捷出行，根据《农村公路养护管理办法》有关规定，现将有关事项请示如下', ':'),
  paragraph('一、基本情况'),
  // Word split the blank `X` and its unit `公里` into two runs; the linter must read them as one text.
  paragraph('截至去年底，全县农村公路总里程达到', 'X', '公里，其中县道', '286', '公里、乡道', '512', '公里，列养率', '100%', '。'),
  paragraph('二、资金需求'),
  paragraph('按照每公里每年', '7000', '元的标准测算，全年需养护资金', '554.6', '万元', ',', '；县级财政已预算安排', '300', '万元，尚缺', '254.6', '万元。'),
  paragraph('(一)', '路面日常保洁和病害处治', '。'),
  paragraph('（二）桥涵和安全防护设施维修。'),
  paragraph('妥否，请批示。'),
  paragraph('联系人：某某，联系电话：', 'XXXXXXXX', '。'),
  { runs: ['XX县交通运输局'], properties: '<w:jc w:val="right"/>' },
  { runs: ['2024年5月8日'], properties: '<w:jc w:val="right"/>' },
];

export function buildExampleDocx(): Uint8Array {
  return buildDocx({ paragraphs: EXAMPLE_PARAGRAPHS, footer: [{ runs: ['XX县交通运输局办公室印发'], properties: '<w:jc w:val="center"/>' }] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = new URL('../../examples/请示-草稿.docx', import.meta.url);
  writeFileSync(target, buildExampleDocx());
}
