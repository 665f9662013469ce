import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

/**
 * Precision on genres the rule tests cover least: meeting minutes, tables of figures, regulations with 第X条,
 * letters between agencies, English terms inside Chinese text, measurements and units, legal citations. Each
 * case is linted with every rule at its default setting; `findings` lists exactly what must be reported, as
 * `rule/messageId line:column`. Most cases are correct text and must yield nothing; the few findings are real
 * errors written into the case on purpose.
 */
interface NewGroundCase {
  readonly genre: string;
  readonly text: string;
  readonly format?: 'md' | 'txt';
  readonly findings?: readonly string[];
}

const lines = (...parts: string[]): string => parts.join('\n');

export const NEW_GROUND_CASES: readonly NewGroundCase[] = [
  // Meeting minutes.
  {
    genre: '会议纪要',
    text: '2025年3月12日上午，市政府副市长李明主持召开专题会议，研究城市公共交通运营补贴有关问题。市交通运输局、市财政局、市发展改革委、市公交集团等单位负责同志参加会议。现将会议议定事项纪要如下：',
  },
  { genre: '会议纪要', text: '一、关于补贴标准。会议同意按照“成本规制、绩效挂钩”的原则核定2025年度运营补贴，补贴资金由市、区两级财政按6∶4的比例分担。' },
  { genre: '会议纪要', text: '会议指出，近年来全市公交客流持续下降，2024年日均客运量为86.3万人次，较2019年下降31.2%，企业经营压力较大。' },
  { genre: '会议纪要', text: '会议要求，一是市交通运输局要在4月底前完成线网优化方案，二是市财政局要及时拨付一季度补贴资金，三是市公交集团要压减非生产性支出。' },
  { genre: '会议纪要', text: lines('出席：李明　王芳　张伟　赵强', '列席：市审计局　刘洋', '记录：陈静') },
  { genre: '会议纪要', text: '会议明确，首先由市交通运输局牵头制定考核办法，其次由市财政局会同市审计局开展成本审核，最后由市政府常务会议审定。' },
  {
    genre: '会议纪要',
    text: lines('出席会议的有：', '市政府副市长李明，', '市交通运输局局长王芳，', '市财政局副局长张伟，', '市公交集团董事长赵强。', '会议由李明同志主持。'),
  },
  {
    genre: '会议纪要',
    text: lines('一、关于线网优化。会议议定：', '1.撤并重复系数高于0.6的线路8条；', '2.新开社区微循环线路5条；', '3.调整后线网长度控制在1,450公里以内。', '二、关于票制票价。会议同意维持现行票价不变。'),
  },
  { genre: '会议纪要', text: '出席：王强（市交通运输局）、李娜（市财政局）、陈刚（市公交集团）。' },
  { genre: '会议纪要', text: '会议听取了市数据局关于“城市大脑”项目（一期）建设情况的汇报。' },
  // A gap in an enumeration, written in on purpose.
  {
    genre: '会议纪要',
    text: '会议强调，一是要压实安全生产责任，二是要加强驾驶员心理疏导，四是要做好节假日运力保障。',
    findings: ['enumeration-sequence/gap 1:31'],
  },
  // Tables of figures.
  {
    genre: '数据表',
    format: 'md',
    text: lines(
      '表1　2025年1—6月全市主要经济指标',
      '',
      '| 指标 | 单位 | 绝对值 | 同比增长（%） |',
      '| --- | --- | --- | --- |',
      '| 地区生产总值 | 亿元 | 3,418.9 | 5.0 |',
      '| 规模以上工业增加值 | 亿元 | — | 6.2 |',
      '| 社会消费品零售总额 | 亿元 | 1,206.7 | 4.1 |',
      '| 城镇居民人均可支配收入 | 元 | 26,315 | 4.6 |',
    ),
  },
  { genre: '数据表', text: '全市一般公共预算收入完成312.6亿元，同比增长4.3%；其中税收收入236.1亿元，增长5.2%，占一般公共预算收入的75.5%。' },
  { genre: '数据表', text: lines('注：1.本表数据为快报数，最终以统计年鉴为准。', '2.增速按可比价格计算。', '3.“—”表示该项数据暂未发布。') },
  { genre: '数据表', text: '第一、二、三产业增加值分别增长3.1%、5.8%和4.9%，三次产业结构调整为8.2∶36.5∶55.3。' },
  { genre: '数据表', text: '1—5月，全市新登记市场主体2.36万户，其中企业0.71万户、个体工商户1.62万户、农民专业合作社0.03万户。' },
  {
    genre: '数据表',
    format: 'md',
    text: lines('| 序号 | 线路 | 日均客流（人次） | 准点率 |', '| --- | --- | --- | --- |', '| 1 | 1路 | 12,860 | 96.5% |', '| 2 | 15路 | 9,420 | 94.8% |', '| 3 | K3路 | 7,135 | 97.2% |'),
  },
  // Regulations with 第X条.
  {
    genre: '条例',
    text: lines(
      '第十二条　城市公共汽车客运企业应当履行下列义务：',
      '（一）按照核定的线路、站点、时间和班次运营；',
      '（二）执行价格主管部门核定的票价；',
      '（三）建立健全安全生产管理制度；',
      '（四）法律、法规规定的其他义务。',
    ),
  },
  { genre: '条例', text: '第十三条　违反本条例第十二条第（一）项规定，擅自变更线路、站点的，由市交通运输主管部门责令改正，处五千元以上二万元以下罚款。' },
  { genre: '条例', text: '第十四条　本条例第十二条第（三）项、第（四）项所列义务，由市交通运输主管部门会同应急管理部门监督检查。' },
  {
    genre: '条例',
    text: lines('第二十条　有下列情形之一的，不予受理：', '（一）申请事项不属于本机关职责范围的；', '（二）申请材料不齐全或者不符合法定形式的；', '（三）法律、行政法规规定的其他情形。', '第二十一条　本条例自2026年1月1日起施行。'),
  },
  // An item missing between two items, written in on purpose.
  {
    genre: '条例',
    text: lines('第八条　乘客有下列行为之一的，驾驶员、乘务员可以拒绝其乘车：', '（一）携带易燃、易爆等危险物品的；', '（三）拒不按规定支付车费的。'),
    findings: ['section-numbering/gap 3:1'],
  },
  { genre: '条例', text: '第九条　公共汽车客运服务质量评价结果分为优秀、良好、合格、不合格四个等次，评价结果向社会公布。' },
  {
    genre: '条例',
    text: lines(
      '一、将第五条修改为：“第五条　市交通运输主管部门负责下列工作：',
      '（一）编制城市公共交通规划；',
      '（二）组织实施运营服务监管。”',
      '二、删去第九条。',
      '三、将第十二条第一款中的“五千元”修改为“一万元”。',
    ),
  },
  {
    genre: '条例',
    text: lines('第十五条　车辆应当符合下列安全要求：', 'a) 配备灭火器和安全锤；', 'b) 张贴安全疏散示意图；', 'c) 驾驶区安装防护隔离设施。'),
  },
  // The last item of an article ending with `；`, written in on purpose.
  {
    genre: '条例',
    text: lines('第十六条　客运企业应当建立下列制度：', '（一）车辆维护制度；', '（二）驾驶员培训制度；', '第十七条　本条例自公布之日起施行。'),
    findings: ['paragraph-end/lastItemSemicolon 3:11'],
  },
  { genre: '条例', text: lines('第十条　享受免费乘车的人员包括：', '（一）现役军人；', '（二）残疾人；', '（三）七十周岁以上老年人。', '（二）、（三）项所列人员凭有效证件乘车。') },
  { genre: '条例', text: '第二十三条　违反本办法第十条第二款规定的，责令限期改正；逾期不改正的，处一千元以上五千元以下罚款。' },
  // Letters between agencies.
  {
    genre: '函',
    text: lines(
      '市财政局：',
      '你局《关于商请提供2025年度公交运营补贴测算依据的函》（市财函〔2025〕45号）收悉。经研究，现将有关情况函复如下：',
      '一、补贴测算以2024年度经审计的企业运营成本为基础，扣除票款收入和其他经营收入后，按照核定的成本利润率计算。',
      '二、新能源车辆购置补助、场站建设投资不纳入运营成本，另行申报。',
    ),
  },
  { genre: '函', text: lines('特此函复。', '', '联系人：王强，联系电话：0871-63123456。', '', '市交通运输局', '2025年4月3日') },
  { genre: '函', text: '请于2025年5月10日前将意见反馈至我局综合规划处（电子邮箱：zhghc@jtj.example.gov.cn），逾期视为无意见。' },
  { genre: '函', text: '请登录https://www.example.gov.cn/zwgk/index.html查询，或发送邮件至service@example.gov.cn。' },
  { genre: '函', text: '根据《关于印发〈城市公共交通运营服务评价办法〉的通知》（交运发〔2023〕17号）要求，开展年度评价。' },
  { genre: '函', text: '抄送：市人民政府办公室，市发展改革委，市审计局。' },
  // English terms and abbreviations inside Chinese text.
  { genre: '英文术语', text: '依托5G、AI和IoT技术建设城市交通大脑（City Brain），实现公交车辆GPS定位数据每10秒上传一次。' },
  { genre: '英文术语', text: '系统采用B/S架构，支持Windows、macOS和Linux操作系统，数据库采用PostgreSQL 15，接口遵循RESTful规范。' },
  { genre: '英文术语', text: '按照ISO/IEC 27001标准建立信息安全管理体系，开展网络安全等级保护2.0三级测评。' },
  { genre: '英文术语', text: '加快推进TOD（以公共交通为导向的开发）综合体建设，推广使用ETC、NFC和二维码等多种支付方式。' },
  { genre: '英文术语', text: '全年PM2.5平均浓度为28微克/立方米，同比下降6.7%；空气质量优良天数比例达到95.3%。' },
  { genre: '英文术语', text: '在App Store和各大安卓应用市场上线“一码通乘”App，累计注册用户突破120万人。' },
  { genre: '英文术语', text: '本项目采用BIM（Building Information Modeling）技术进行全过程管理。' },
  { genre: '英文术语', text: '公司英文名称为Kunming Public Transport Group Co., Ltd.，简称KPTG。' },
  { genre: '英文术语', text: '车辆识别代号（VIN）由17位字母和数字组成，不得使用字母I、O、Q。' },
  { genre: '英文术语', format: 'md', text: '根据 `config.yaml` 中的 `timeout: 30` 设置，接口超时时间为30秒。' },
  // Measurements and units.
  { genre: '计量单位', text: '新建公交专用道12.5公里，改造港湾式停靠站36处，更新新能源公交车210辆，车长为10.5 m～12 m。' },
  { genre: '计量单位', text: '隧道净宽14.5 m，净高5.0 m，设计速度60 km/h，全长3.2 km。' },
  { genre: '计量单位', text: '项目建成后年发电量约2.3亿kW·h，每年可减少二氧化碳排放约18.6万t。' },
  { genre: '计量单位', text: '混凝土强度等级不低于C30，钢筋保护层厚度为35 mm±5 mm，养护时间不少于7 d。' },
  { genre: '计量单位', text: '车厢内温度控制在18 ℃～26 ℃，二氧化碳浓度不高于1500 ppm。' },
  { genre: '计量单位', text: '平均车速由15.2 km/h提高到18.6 km/h，高峰时段准点率达到92%以上。' },
  { genre: '计量单位', text: '车载显示屏尺寸为10.1"，分辨率为1280×800。' },
  { genre: '计量单位', text: '该车于7:30从始发站发车，8:15到达终点站，全程运行45 min。' },
  { genre: '计量单位', text: '2025年第一季度，全市共查处违法停车、等车揽客等交通违法行为1.2万起。' },
  // A half-width comma between Chinese clauses, written in on purpose.
  {
    genre: '计量单位',
    text: '场站占地面积约2.4公顷,总建筑面积1.8万平方米，可停放标准公交车150辆。',
    findings: ['punctuation-width/halfWidth 1:13'],
  },
  // Legal citations.
  { genre: '法律引用', text: '根据《中华人民共和国行政许可法》第二十条第一款的规定，行政机关应当向社会公开听证事项。' },
  {
    genre: '法律引用',
    text: '依照《中华人民共和国道路交通安全法》第九十条和《城市公共汽车和电车客运管理规定》（交通运输部令2017年第5号）第六十五条第（二）项之规定，决定给予罚款二百元的行政处罚。',
  },
  { genre: '法律引用', text: '《中华人民共和国民法典》第一千一百六十五条第一款规定：“行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。”' },
  { genre: '法律引用', text: '经审理查明，二被告一是未按合同约定按期支付车辆租金，二是擅自将车辆转租他人，三是拒绝返还车辆。' },
  { genre: '法律引用', text: '《中华人民共和国道路交通安全法实施条例》第一百零四条、第一百零五条对此作了规定。' },
  { genre: '法律引用', text: '经查，当事人于2024年5月12日驾驶车牌号为云A·D12345的小型汽车在公交站台违法停车。' },
  { genre: '法律引用', text: '如不服本决定，可以在收到本决定书之日起六十日内向市人民政府申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。' },
  { genre: '法律引用', text: '本案适用《中华人民共和国行政处罚法》第三十二条第（一）项、第（四）项的规定，依法从轻处罚。' },
  {
    genre: '法律引用',
    text: lines('第二百六十四条　盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金。', '第六十七条　犯罪以后自动投案，如实供述自己的罪行的，是自首。'),
  },
];

function findingsOf(testCase: NewGroundCase): string[] {
  const result = lintText(testCase.text, { filePath: `新案例.${testCase.format ?? 'txt'}` });
  return result.messages.map((message) => `${message.ruleId}/${message.messageId} ${message.line}:${message.column}`);
}

describe('precision on new ground', () => {
  it('holds at least 40 paragraphs in every genre', () => {
    const paragraphs = NEW_GROUND_CASES.reduce((count, testCase) => count + testCase.text.split(/\n(?:\s*\n)*/).length, 0);
    expect(paragraphs).toBeGreaterThanOrEqual(40);
    expect(new Set(NEW_GROUND_CASES.map((testCase) => testCase.genre)).size).toBe(7);
  });

  for (const testCase of NEW_GROUND_CASES) {
    it(`${testCase.genre}: ${testCase.text.slice(0, 30).replace(/\n/g, '⏎')}`, () => {
      expect(findingsOf(testCase)).toEqual(testCase.findings ?? []);
    });
  }
});
