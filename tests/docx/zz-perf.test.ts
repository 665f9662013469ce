import { it } from 'vitest';
import { openDocx } from '../../src/core/docx/package.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { lintBytes } from '../../src/core/linter.js';
import { rulesById } from '../../rules/index.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import { buildDocx, paragraph } from '../fixtures/docx/build.js';
it('perf', () => {
  const rules = resolveRules([...rulesById.values()], []);
  const rpr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>';
  const para = (i: number) => paragraph(['各有关单位要', '高度重视', `第${i}项工作`, '，切实加强组织领导，', '确保各项任务', '落到实处。'].map((t) => `<w:r>${rpr}<w:t>${t}</w:t></w:r>`).join(''), '<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>');
  for (const count of [2000, 6000]) {
    const body = Array.from({ length: count }, (_, i) => para(i)).join('');
    const bytes = buildDocx({ body });
    let t0 = performance.now();
    const pkg = openDocx(bytes); const t1 = performance.now();
    pkg.xml('word/document.xml'); const t2 = performance.now();
    const doc = parseDocx(bytes); const t3 = performance.now();
    const r = lintBytes(bytes, { filePath: 'a.docx', format: 'docx', rules }, rulesById); const t4 = performance.now();
    console.log(count, 'open', (t1-t0).toFixed(0), 'xml', (t2-t1).toFixed(0), 'parseDocx', (t3-t2).toFixed(0), 'lint', (t4-t3).toFixed(0), doc.blocks.length, r.messages.length);
  }
});
