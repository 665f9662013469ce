/**
 * The built-in dictionary of the terminology rule, in prh's rule format: variant spellings that the 《第一批异形词
 * 整理表》 (GF 1001—2001, 教育部、国家语言文字工作委员会 2001 年发布) sets aside for its recommended form, chosen
 * among the groups that turn up in official documents and whose variant cannot be read as part of other words.
 * Each entry is listed with its source on docs/rules/terminology.md.
 */

const NOTE = '《第一批异形词整理表》（GF 1001—2001）以此为推荐词形';

export const BUILTIN_DICTIONARY_SOURCE = '内置词典（《第一批异形词整理表》GF 1001—2001）';

/** `[expected, variants…]`; a variant that starts with `/` is a regular expression, as in prh. */
const GROUPS: readonly (readonly string[])[] = [
  ['辈分', '辈份'],
  ['参与', '参预'],
  ['彻底', '澈底'],
  // `完成份额` `达成份额`: a 成 that ends a word before 份额 is no 成份.
  ['成分', '/(?<![完达构组])成份(?![额内])/'],
  ['筹划', '筹画'],
  ['出谋划策', '出谋画策'],
  ['赐予', '赐与'],
  ['答复', '答覆'],
  ['担心', '耽心'],
  ['担忧', '耽忧'],
  ['凋敝', '雕敝', '雕弊'],
  ['一股脑', '一古脑'],
  ['义无反顾', '义无返顾'],
  ['盈余', '赢余'],
  ['原原本本', '源源本本', '元元本本'],
  ['再接再厉', '再接再砺'],
  ['折中', '折衷'],
  ['直截了当', '直捷了当'],
  ['指手画脚', '指手划脚'],
  ['装潢', '装璜'],
  ['姿势', '姿式'],
  ['佐证', '左证'],
];

/** The dictionary as prh rules (`expected`, `patterns`, `prh`), compiled like any user dictionary. */
export const BUILTIN_RULES: readonly { expected: string; patterns: string[]; prh: string }[] = GROUPS.map(([expected, ...patterns]) => ({
  expected,
  patterns,
  prh: NOTE,
}));
