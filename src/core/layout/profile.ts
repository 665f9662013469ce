/**
 * Layout profiles: the figures a unit's 公文 must follow. `gb9704` holds those of GB/T 9704-2012 (each
 * value's clause is on the rule pages); a configuration selects a profile and overrides any value:
 * `"layout": {"profile": "gb9704", "fonts": {"body": ["仿宋_GB2312", "仿宋"]}}`.
 */
import * as z from 'zod';

/** The faces accepted for each kind of text, by the names Word stores (`w:eastAsia`). */
export interface ProfileFonts {
  readonly body: readonly string[];
  readonly title: readonly string[];
  readonly heading1: readonly string[];
  readonly heading2: readonly string[];
  readonly heading3: readonly string[];
  readonly heading4: readonly string[];
  readonly pageNumber: readonly string[];
}

/** Sizes in points: 三号 16, 二号 22, 四号 14. */
export interface ProfileSizes {
  readonly body: number;
  readonly title: number;
  readonly heading: number;
  readonly pageNumber: number;
  /** 版记 (抄送, 印发机关和印发日期). */
  readonly colophon: number;
}

export interface ProfilePage {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly marginTopMm: number;
  readonly marginBottomMm: number;
  readonly marginLeftMm: number;
  readonly marginRightMm: number;
  /** How far a measure may stray, in mm (GB/T 9704 7.1: ±1 mm). */
  readonly toleranceMm: number;
  /** With a document grid: lines per page and characters per line. */
  readonly linesPerPage: number;
  readonly charactersPerLine: number;
}

export interface LayoutProfile {
  readonly name: string;
  /** Where the figures come from, for messages and the doc page. */
  readonly source: string;
  readonly page: ProfilePage;
  readonly fonts: ProfileFonts;
  readonly sizes: ProfileSizes;
  /** First-line indent of body paragraphs, in characters. */
  readonly indentCharacters: number;
  /** Page numbers: the dash written on each side (`— 1 —`). */
  readonly pageNumberDash: string;
}

const FANGSONG = ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312', '方正仿宋_GBK', '方正仿宋简体', '华文仿宋'];
const HEITI = ['黑体', 'SimHei', '方正黑体_GBK', '方正黑体简体'];
const KAITI = ['楷体_GB2312', '楷体', 'KaiTi', 'KaiTi_GB2312', '方正楷体_GBK', '方正楷体简体', '华文楷体'];
const XIAOBIAOSONG = ['方正小标宋简体', '方正小标宋_GBK', '小标宋', '方正小标宋'];
const SONGTI = ['宋体', 'SimSun', '方正书宋_GBK', '方正书宋简体'];

export const GB9704: LayoutProfile = {
  name: 'gb9704',
  source: 'GB/T 9704-2012《党政机关公文格式》',
  page: { widthMm: 210, heightMm: 297, marginTopMm: 37, marginBottomMm: 35, marginLeftMm: 28, marginRightMm: 26, toleranceMm: 1, linesPerPage: 22, charactersPerLine: 28 },
  fonts: { body: FANGSONG, title: XIAOBIAOSONG, heading1: HEITI, heading2: KAITI, heading3: FANGSONG, heading4: FANGSONG, pageNumber: SONGTI },
  sizes: { body: 16, title: 22, heading: 16, pageNumber: 14, colophon: 14 },
  indentCharacters: 2,
  pageNumberDash: '—',
};

/**
 * 郑州师范学院财经学院《标准文件格式要求》（cjxy.zznu.edu.cn，2017）: narrower margins (top 35, bottom 33,
 * left and right 27 mm), headings in 黑体 at the second level too; otherwise as GB/T 9704.
 */
export const ZZNU: LayoutProfile = {
  ...GB9704,
  name: 'zznu',
  source: '郑州师范学院财经学院《标准文件格式要求》',
  page: { ...GB9704.page, marginTopMm: 35, marginBottomMm: 33, marginLeftMm: 27, marginRightMm: 27 },
  fonts: { ...GB9704.fonts, heading2: [...HEITI, ...KAITI] },
};

export const PROFILES: Readonly<Record<string, LayoutProfile>> = { gb9704: GB9704, zznu: ZZNU };

const fontList = z.array(z.string().min(1)).min(1);

/** The `layout` settings of a configuration (and the options of each layout rule): a profile and overrides. */
export const layoutSettingsSchema = z
  .object({
    profile: z.enum(['gb9704', 'zznu']).default('gb9704').describe('版式标准：gb9704（GB/T 9704-2012，默认）或 zznu'),
    page: z
      .object({
        widthMm: z.number().positive(),
        heightMm: z.number().positive(),
        marginTopMm: z.number().nonnegative(),
        marginBottomMm: z.number().nonnegative(),
        marginLeftMm: z.number().nonnegative(),
        marginRightMm: z.number().nonnegative(),
        toleranceMm: z.number().nonnegative(),
        linesPerPage: z.number().int().positive(),
        charactersPerLine: z.number().int().positive(),
      })
      .partial()
      .strict()
      .optional()
      .describe('页面（毫米）：纸张、页边距、允许误差，以及设置了文档网格时的每页行数和每行字数'),
    fonts: z
      .object({ body: fontList, title: fontList, heading1: fontList, heading2: fontList, heading3: fontList, heading4: fontList, pageNumber: fontList })
      .partial()
      .strict()
      .optional()
      .describe('各类文字可用的字体名（按 Word 中的名称），如 {"body": ["仿宋_GB2312", "仿宋"]}'),
    sizes: z
      .object({ body: z.number().positive(), title: z.number().positive(), heading: z.number().positive(), pageNumber: z.number().positive(), colophon: z.number().positive() })
      .partial()
      .strict()
      .optional()
      .describe('字号（磅）：正文、标题、层次标题、页码、版记（抄送、印发）'),
    indentCharacters: z.number().nonnegative().optional().describe('正文段落首行缩进的字数'),
  })
  .strict();

export type LayoutSettings = z.output<typeof layoutSettingsSchema>;

/** The profile a rule checks against: the named profile with the configuration's overrides. */
export function resolveProfile(settings: LayoutSettings): LayoutProfile {
  const base = PROFILES[settings.profile] ?? GB9704;
  return {
    ...base,
    page: { ...base.page, ...settings.page },
    fonts: { ...base.fonts, ...settings.fonts },
    sizes: { ...base.sizes, ...settings.sizes },
    indentCharacters: settings.indentCharacters ?? base.indentCharacters,
  };
}

/** 三号, 二号… for a size in points, or the points themselves. */
export function sizeName(points: number): string {
  const names: Record<number, string> = { 42: '初号', 36: '小初', 26: '一号', 24: '小一', 22: '二号', 18: '小二', 16: '三号', 15: '小三', 14: '四号', 12: '小四', 10.5: '五号', 9: '小五' };
  return names[points] ? `${names[points]}（${points} 磅）` : `${points} 磅`;
}
