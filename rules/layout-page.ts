import { defineRule } from '../src/core/rule.js';
import { layoutSettingsSchema, resolveProfile } from '../src/core/layout/profile.js';
import { firstBodyBlock, formattingOf, twipsToMm } from '../src/core/layout/word.js';

const messages = {
  paper: '纸张为 {{found}}，应为 A4（{{expected}} 毫米，GB/T 9704-2012 5.2.1）',
  margin: '{{side}}页边距为 {{found}} 毫米，应为 {{expected}} 毫米（允许误差 ±{{tolerance}} 毫米；{{source}}）',
  grid: '文档网格为每页 {{lines}} 行、每行 {{characters}} 字，应为每页 {{expectedLines}} 行、每行 {{expectedCharacters}} 字（GB/T 9704-2012 5.2.4）',
};

/** 1 pt in twips. */
const TWIPS_PER_POINT = 20;

export default defineRule({
  id: 'layout-page',
  description: 'Word 文档的纸张、页边距和每页行数、每行字数不合版式标准',
  severity: 'warn',
  fixable: false,
  messages,
  options: layoutSettingsSchema,
  optionsFromLayout: true,
  check(document, report, options) {
    const resolver = formattingOf(document);
    const anchor = firstBodyBlock(document);
    if (!resolver || !anchor) return;
    const profile = resolveProfile(options);
    const { page } = profile;
    const at = { block: anchor, start: 0, end: 0 } as const;
    // Sections of one document usually share their page; each distinct fault is reported once.
    const reported = new Set<string>();
    const once = (key: string, emit: () => void): void => {
      if (reported.has(key)) return;
      reported.add(key);
      emit();
    };
    for (const section of resolver.sections()) {
      const { pageWidthTwips: width, pageHeightTwips: height } = section;
      if (width !== undefined && height !== undefined) {
        const [short, long] = [Math.min(width, height), Math.max(width, height)].map(twipsToMm);
        if (Math.abs(short - page.widthMm) > page.toleranceMm || Math.abs(long - page.heightMm) > page.toleranceMm) {
          once(`paper:${short}x${long}`, () => report({ ...at, messageId: 'paper', data: { found: `${short} × ${long} 毫米`, expected: `${page.widthMm} × ${page.heightMm}` } }));
        }
      }
      const margins: [string, number | undefined, number][] = [
        ['上', section.marginTopTwips, page.marginTopMm],
        ['下', section.marginBottomTwips, page.marginBottomMm],
        // The gutter widens the binding (left) margin in Word.
        ['左', section.marginLeftTwips === undefined ? undefined : section.marginLeftTwips + (section.gutterTwips ?? 0), page.marginLeftMm],
        ['右', section.marginRightTwips, page.marginRightMm],
      ];
      for (const [side, twips, expected] of margins) {
        if (twips === undefined) continue;
        const found = twipsToMm(Math.abs(twips));
        if (Math.abs(found - expected) <= page.toleranceMm) continue;
        once(`margin:${side}:${found}`, () =>
          report({ ...at, messageId: 'margin', data: { side, found, expected, tolerance: page.toleranceMm, source: profile.source } }),
        );
      }
      // Lines and characters are fixed only where the draft sets a document grid.
      if (section.gridType === undefined || section.gridType === 'default' || width === undefined || height === undefined) continue;
      // Word fits whole lines and characters into the text area (the epsilon only absorbs float error).
      const textHeight = height - (section.marginTopTwips ?? 0) - (section.marginBottomTwips ?? 0);
      const lines = section.gridLinePitch ? Math.floor(textHeight / section.gridLinePitch + 1e-6) : undefined;
      let characters: number | undefined;
      if (section.gridType === 'linesAndChars' || section.gridType === 'snapToChars') {
        const fontPoints = (resolver.defaultSizeHalfPoints ?? 21) / 2;
        const pitchPoints = fontPoints + (section.gridCharSpace ?? 0) / 4096;
        const textWidth = width - (section.marginLeftTwips ?? 0) - (section.marginRightTwips ?? 0) - (section.gutterTwips ?? 0);
        characters = pitchPoints > 0 ? Math.floor(textWidth / TWIPS_PER_POINT / pitchPoints + 1e-6) : undefined;
      }
      const linesWrong = lines !== undefined && lines !== page.linesPerPage;
      const charactersWrong = characters !== undefined && characters !== page.charactersPerLine;
      if (linesWrong || charactersWrong) {
        once(`grid:${lines}:${characters}`, () =>
          report({
            ...at,
            messageId: 'grid',
            data: { lines: lines ?? '?', characters: characters ?? '?', expectedLines: page.linesPerPage, expectedCharacters: page.charactersPerLine },
          }),
        );
      }
    }
  },
});
