import { describe, expect, it } from 'vitest';
import rule from '../../rules/layout-fonts.js';
import { STANDARD_STYLES, styledParagraph, standardDraft } from '../fixtures/docx/layout.js';
import { lintWithRule } from '../helpers/rule-tester.js';

type Spec = Parameters<Parameters<typeof standardDraft>[0]>[0];

function findings(change: (spec: Spec) => void, options?: Record<string, unknown>): string[] {
  return lintWithRule(rule, standardDraft(change), 'docx', options).map((message) => `${message.line}:${message.column}-${message.endColumn} ${message.messageId} ${message.message}`);
}

const SONG = '<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/>';
const THEME = (minorEastAsia: string): string =>
  `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:font script="Hans" typeface="黑体"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Hans" typeface="${minorEastAsia}"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;

describe('layout-fonts', () => {
  it('accepts a draft whose elements use the faces and sizes of GB/T 9704, through styles and character styles', () => {
    expect(findings(() => {})).toEqual([]);
  });

  it('reports a body paragraph in another face by direct formatting, once, at its first wrong run', () => {
    expect(
      findings((spec) => {
        spec.paragraphs[2] = styledParagraph('Normal', ['为做好全县农村公路', [`日常养护工作，`, SONG], ['保障群众出行。', SONG]]);
      }),
    ).toEqual(['3:10-17 face 正文应为三号（16 磅）仿宋_GB2312，此处为三号（16 磅）宋体（GB/T 9704-2012 5.2.3）']);
  });

  it('reports a title in the body size and a heading without its face', () => {
    expect(
      findings((spec) => {
        spec.paragraphs[0] = styledParagraph('GwTitle', [['关于做好农村公路养护工作的通知', '<w:sz w:val="32"/>']]);
        spec.paragraphs[3] = styledParagraph('Normal', ['一、明确养护责任']);
      }),
    ).toEqual([
      '1:1-16 face 标题应为二号（22 磅）方正小标宋简体，此处为三号（16 磅）方正小标宋简体（GB/T 9704-2012 7.3.1）',
      '4:1-9 face 一级标题（一、）应为三号（16 磅）黑体，此处为三号（16 磅）仿宋_GB2312（GB/T 9704-2012 7.3.3）',
    ]);
  });

  it('reads a run-in heading as heading up to its 。 and body text after it', () => {
    expect(
      findings((spec) => {
        spec.paragraphs[5] = styledParagraph('GwHeading2', [['（一）落实县级责任。', '<w:rStyle w:val="GwKai"/>'], ['县交通运输局负责统筹协调。', '<w:rStyle w:val="GwKai"/>']]);
      }),
    ).toEqual(['6:11-24 face 正文应为三号（16 磅）仿宋_GB2312，此处为三号（16 磅）楷体_GB2312（GB/T 9704-2012 5.2.3）']);
  });

  it('resolves theme fonts: a document default of the theme\'s minor East Asian face', () => {
    const themed = STANDARD_STYLES.replace('<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>', '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi"/>');
    expect(findings((spec) => ((spec.styles = themed), (spec.theme = THEME('仿宋_GB2312'))))).toEqual([]);
    const wrong = findings((spec) => ((spec.styles = themed), (spec.theme = THEME('宋体'))));
    expect(wrong[0]).toBe('2:1-17 face 主送机关应为三号（16 磅）仿宋_GB2312，此处为三号（16 磅）宋体（GB/T 9704-2012 5.2.3）');
    // Every paragraph set in the body face: 主送机关, body text, the body part of run-in headings, 署名, 日期.
    expect(wrong.map((line) => line.split(':')[0])).toEqual(['2', '3', '5', '6', '7', '8', '10', '11', '12']);
  });

  it('reports a face no profile list knows once for the document, listing the paragraphs that use it', () => {
    const yahei = '<w:rFonts w:ascii="微软雅黑" w:eastAsia="微软雅黑" w:hAnsi="微软雅黑"/>';
    expect(
      findings((spec) => {
        spec.paragraphs[2] = styledParagraph('Normal', [['为做好全县农村公路日常养护工作。', yahei]]);
        spec.paragraphs[4] = styledParagraph('Normal', ['根据有关规定，', ['结合我县实际。', yahei]]);
      }),
    ).toEqual(['3:1-17 unknownFace 字体“微软雅黑”不在版式标准的字体中（GB/T 9704-2012《党政机关公文格式》），用于第 3、5 段；请改为标准字体，或在配置的 layout.fonts 中列出']);
  });

  it('reports coloured text', () => {
    expect(findings((spec) => (spec.paragraphs[4] = styledParagraph('Normal', ['请各单位', ['务必于5月底前', '<w:color w:val="FF0000"/>'], '报送。'])))).toEqual([
      '5:5-12 color 正文的文字为彩色（#FF0000），公文文字应为黑色（GB/T 9704-2012 5.2.5）',
    ]);
    expect(findings((spec) => (spec.paragraphs[4] = styledParagraph('Normal', [['请各单位报送。', '<w:color w:val="000000"/>']])))).toEqual([]);
  });

  it('gives 抄送 and 印发 the colophon size (四号)', () => {
    const colophon = '<w:sz w:val="28"/>';
    expect(findings((spec) => spec.paragraphs.push(styledParagraph('GwPlain', [['抄送：县委办公室，县人大常委会办公室。', colophon]])))).toEqual([]);
    expect(findings((spec) => spec.paragraphs.push(styledParagraph('GwPlain', ['抄送：县委办公室。'])))).toEqual([
      '13:1-10 face 抄送机关应为四号（14 磅）仿宋_GB2312，此处为三号（16 磅）仿宋_GB2312（GB/T 9704-2012 7.4）',
    ]);
  });

  it('takes a unit\'s own faces from the options', () => {
    const songBody = (spec: Spec): void => {
      spec.paragraphs[2] = styledParagraph('Normal', [['为做好全县农村公路日常养护工作。', SONG]]);
    };
    expect(findings(songBody)).toHaveLength(1);
    expect(findings(songBody, { fonts: { body: ['仿宋_GB2312', '宋体'] } })).toEqual([]);
  });

  it('leaves Markdown and plain text alone', () => {
    expect(lintWithRule(rule, '# 关于做好农村公路养护工作的通知\n\n一、明确养护责任', 'md')).toEqual([]);
  });
});
