import { describe, expect, it } from 'vitest';
import enumerationSequence from '../../rules/enumeration-sequence.js';
import sectionNumbering from '../../rules/section-numbering.js';
import { corpusFiles, corpusFindings, sortByPlace } from '../helpers/corpus.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const lines = (...parts: string[]): string => parts.join('\n');

runRuleTests(sectionNumbering, {
  valid: [
    // A four-level outline of a work plan.
    lines(
      '关于开展安全生产大检查的实施方案',
      '一、总体要求',
      '（一）指导思想。坚持人民至上、生命至上。',
      '（二）工作目标。全面排查整治各类隐患。',
      '二、重点任务',
      '（一）开展隐患排查',
      '1.企业自查。各企业对照清单逐项自查。',
      '（1）制定自查计划。',
      '（2）建立隐患台账。',
      '2.部门检查。行业主管部门开展全覆盖检查。',
      '（二）强化执法检查',
      '三、保障措施',
    ),
    // A level restarts under a new parent, at every depth.
    lines('一、工作回顾', '（一）经济运行稳中向好', '1.工业生产平稳', '2.消费市场回暖', '（二）改革持续深化', '1.营商环境优化', '二、工作安排', '（一）稳增长', '（二）促改革'),
    // Numbering a level on across parents, as State Council documents do, is as right as restarting.
    lines('一、总体要求', '（一）指导思想。', '（二）主要目标。', '二、重点任务', '（三）明确审核范围。', '（四）确定审核主体。', '三、组织保障', '（五）加强组织领导。'),
    // Skipping a level downward is allowed.
    lines('一、基本情况', '1.人员配备到位。', '2.经费保障有力。', '二、存在问题', '1.基础设施薄弱。'),
    // Numbers past ten and full-width digits.
    lines('一、加强领导', '二、明确责任', '三、完善制度', '四、强化保障', '五、严格考核', '六、广泛宣传', '七、及时总结', '八、建立台账', '九、加强督导', '十、严肃问责', '十一、强化宣传', '十二、附则'),
    lines('（一）加强领导。', '（二）明确责任。', '（三）强化保障。', '（四）严格考核。', '（五）广泛宣传。', '（六）及时总结。', '（七）建立台账。', '（八）定期调度。', '（九）督促整改。', '（十）严肃问责。', '（十一）完善制度。', '（十二）总结评估。'),
    lines('１．提高认识。', '２．加强领导。', '３．落实责任。'),
    lines('（1）企业名称；', '（2）统一社会信用代码；', '（3）法定代表人。'),
    // Running text, decimals, dates and years are not numbering.
    '今天我讲两个问题：一、关于形势；二、关于任务。',
    lines('7.9公里的道路改造工程年内完工。', '3.5%的增速高于全国平均水平。'),
    lines('2021.6.15', '2021.全年工作总结'),
    lines('1+X证书制度试点稳步推进。', '5G基站新建1200个。'),
    lines('一、二月份全市规模以上工业增加值增长6.2%。', '三、四线城市房地产市场保持平稳。'),
    lines('一、二、三级医院全部接入平台。'),
    // Legal style: articles count on across chapters; items restart under each article.
    lines(
      '第一章　总则',
      '第一条　为了规范政务数据管理，制定本办法。',
      '第二条　本办法适用于本市行政区域内政务数据的管理活动。',
      '第二章　数据采集',
      '第三条　数据采集应当遵循下列原则：',
      '（一）合法正当；',
      '（二）最小必要；',
      '第四条　数据主管部门履行下列职责：',
      '（一）统筹数据资源管理；',
      '（二）组织编制数据目录。',
      '第三章　附则',
      '第五条　本办法自发布之日起施行。',
    ),
    lines('第一章　总则', '第一节　一般规定', '第一条　为了规范管理，制定本规定。', '第二节　职责分工', '第二条　各部门按照职责分工负责。'),
    // `第一条规定` in running text is not an article.
    lines('第一条规定的期限届满后，申请人可以再次申请。', '第三条规定的情形除外。'),
    // The attachment list and the attachment's own outline each start afresh.
    lines('一、工作目标', '二、工作任务', '附件：1.任务分工表', '　　　2.进度安排表', '附件1', '一、总体安排', '二、分工'),
    lines('一、项目概况', '二、资金安排', '注：1.本表数据截至6月底。', '2.资金单位为万元。'),
    // An unmarked second document restarts at one.
    lines('一、关于财政税收', '二、关于社会保障', '三、关于人员安置', '关于进一步支持文化企业发展的规定', '一、关于财政税收', '二、关于投资融资'),
    // A decimal outline heading is the parent of the items under it.
    lines('2.1　指挥部职责', '（1）掌握市场形势；', '（2）组织实施应急措施。', '2.2　办公室职责', '（1）承担日常工作；'),
    lines('2.1　指挥部职责', '（1）掌握市场形势；', '2.2　成员单位职责', '（一）市发展改革委：负责综合协调。'),
    // Markdown (read as plain lines until the Markdown parser lands, and as headings after).
    { code: lines('# 关于加强基层治理的意见', '', '## 一、总体要求', '', '## 二、主要任务', '', '### （一）健全组织体系', '', '### （二）完善服务功能', '', '## 三、组织保障'), format: 'md' },
    { code: lines('## 一、工作回顾', '', '过去一年，我们主要做了以下工作：', '', '## 二、存在的问题', '', '## 三、下一步打算', '', '## 附件'), format: 'md' },
    { code: lines('一、工作进展', '（一）项目建设', '1. 征地拆迁基本完成；', '2. 主体工程开工建设。'), format: 'md' },
    // Table cells hold their own counting.
    { code: lines('| 序号 | 任务 |', '| --- | --- |', '| 3. | 完成验收 |', '| 1. | 开展调研 |'), format: 'md' },
    // A heading on its own line and a run-in heading ending with 。 are both fine.
    lines('（一）“双重”负责的原则。', '（二）属地管理为主。各地区负责本行政区域内的工作。'),
    // English after a half-width bracket is no 公文 marker.
    lines('(1) see the attached schedule', '(2) contact the secretariat'),
    // An outline marker with a space after it.
    lines('一、 总体要求', '二、 重点任务'),
    lines('关于2021年度考核结果的通报', '一、考核情况', '二、2022年工作安排', '三、“十四五”时期目标'),
    lines('一、基本原则', '1.坚持统筹规划。', '2.坚持需求导向。', '二、实施步骤', '（一）试点阶段', '（二）推广阶段'),
    // A counted run may start with 十, as a marker may: `九、十月份` counts months.
    '九、十月份全市空气质量优良天数比例同比提高。',
    // Half-width brackets before English are no marker, also after indentation.
    lines('　　(1) see the attached schedule', '\t(3) contact the secretariat'),
    // Articles: a `二、` after the items of an article is a new section above the articles.
    lines(
      '一、总则',
      '第一条　为了规范城市公共汽车客运管理，制定本条例。',
      '第二条　本条例所称公共汽车客运，包括下列服务：',
      '（一）定线定站服务；',
      '（二）定制客运服务。',
      '二、运营管理',
      '第三条　运营企业应当按照核定的线路运营。',
    ),
    lines('（一）一般规定', '第五条　客运企业应当履行下列义务：', '1.执行运营服务标准；', '2.公开投诉电话。', '（二）特别规定', '第六条　城市人民政府可以设置公交专用道。'),
    // A sub-heading far below its parent, after articles, items and paragraphs of text.
    lines(
      '（一）关于适用范围',
      '　　本条例的适用范围与原条例一致，但增加了定制客运服务。',
      '第二条　本条例适用于本市行政区域内的公共汽车客运。',
      '　　起草过程中，有意见提出应当将农村客运纳入，经研究，未予采纳。',
      '1.关于定制客运',
      '2.关于农村客运',
      '　　农村客运另行规定。',
      '（二）关于运营管理',
    ),
    // Articles that do not start at 第一条: constitutional amendments, one 编 of a code, an article quoted in a case.
    lines('第十八条　宪法第三条第三款修改为：“国家行政机关、监察机关、审判机关、检察机关都由人民代表大会产生，对它负责，受它监督。”', '第十九条　宪法第四条第一款中“维护和发展各民族的平等、团结、互助关系”修改为“维护和发展各民族的平等团结互助和谐关系”。'),
    lines('第二编　物权', '第一章　一般规定', '第二百零五条　本编调整因物的归属和利用产生的民事关系。', '第二百零六条　国家坚持和完善社会主义基本经济制度。'),
    lines('　　本院认为，被告人的行为构成盗窃罪。', '第二百六十四条　盗窃公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金。', '第六十七条　犯罪以后自动投案，如实供述自己的罪行的，是自首。'),
    // An appendix list restarts at `一、`.
    lines('一、总体要求', '（一）指导思想', '附录A　名词解释', '一、公共汽车客运', '二、定制客运'),
    { code: lines('## 一、总体要求', '', '### （一）指导思想', '', '## 附件2　名词解释', '', '### 一、公共汽车客运', '', '### 二、定制客运'), format: 'md' },
    // Amendment decisions: numbering inside the quoted new text is the quoted document's.
    lines(
      '一、将第三条修改为：“第三条　公共汽车客运应当遵循下列原则：',
      '（一）公交优先；',
      '（二）安全便捷。”',
      '二、将第五条修改为：“第五条　市交通运输主管部门负责下列工作：',
      '1.编制公共交通规划；',
      '2.组织实施运营监管。',
      '3.受理投诉。”',
      '三、删去第八条。',
    ),
    lines('1.将第十条第一款修改为：', '“第十条　客运企业应当建立安全管理制度。', '“第十一条　客运企业应当为车辆配备安全设施。”', '2.删去第十二条。', '3.本决定自公布之日起施行。'),
    // Headings whose text starts with a numeral or a digit.
    lines('一、全国人民代表大会的组成', '二、代表的产生', '三、一个代表团可以提出议案', '四、一九四九年以来的代表大会'),
    lines('附件1', '1．1—苯基-2-丙酮', '2．3,4—亚甲基二氧苯基-2-丙酮', '3．胡椒醛'),
    // A cross-reference at the start of a paragraph is not a heading.
    lines('（一）教育培训', '（二）社会保险', '（四）、（五）项所列人员，由所在单位负责登记。', '（三）医疗救助'),
    // Notes under a table number on their own inside the section, which goes on after them.
    lines('一、经济运行', '（一）工业生产', '1.规模以上工业增加值增长6.2%。', '表1　主要工业产品产量', '注：1.本表数据为快报数。', '2.增速按可比价格计算。', '（二）消费市场', '附：一、名词解释', '二、统计口径'),
    // An unnumbered closing heading after a numbered run; at the top level the last heading may be end matter.
    { code: lines('## 一、工作回顾', '', '## 二、存在的问题', '', '## 结束语'), format: 'md' },
    { code: lines('# 会议纪要', '', '## 一、会议议定事项', '', '## 二、下一步工作', '', '## 参加会议人员'), format: 'md' },
    { code: lines('## 一、总体要求', '', '### （一）指导思想', '', '### （二）工作目标', '', '### 出席人员', '', '## 二、主要任务'), format: 'md' },
    { code: lines('# 方案', '', '## 一、主要任务', '', '### （一）扩大内需', '', '### （二）稳定就业', '', '### 附表', '', '## 二、保障措施'), format: 'md' },
  ],
  invalid: [
    // Gaps, repeats and reversals, with the expected number in the message and as a suggestion.
    {
      code: lines('一、总体要求', '二、重点任务', '四、保障措施'),
      errors: [{ messageId: 'gap', line: 3, column: 1, endColumn: 3, data: { found: '四、', expected: '三、', previous: '二、' }, suggestions: [lines('一、总体要求', '二、重点任务', '三、保障措施')] }],
    },
    {
      code: lines('一、工作开展情况', '（一）加强人才工作。', '（二）聚焦关键技术攻关。', '（二）加大高企培育力度。', '（三）加强平台建设。'),
      errors: [{ messageId: 'repeat', line: 4, column: 1, data: { found: '（二）', expected: '（三）' } }],
    },
    {
      code: lines('一、主要成效', '1.产业结构持续优化。', '2.创新能力明显增强。', '3.营商环境不断改善。', '5.民生保障更加有力。'),
      errors: [{ messageId: 'gap', line: 5, column: 1, data: { expected: '4.' }, suggestions: [lines('一、主要成效', '1.产业结构持续优化。', '2.创新能力明显增强。', '3.营商环境不断改善。', '4.民生保障更加有力。')] }],
    },
    {
      code: lines('（一）申请材料', '（1）申请书；', '（2）营业执照复印件；', '（4）法定代表人身份证明。'),
      errors: [{ messageId: 'gap', line: 4, column: 1, data: { found: '（4）', expected: '（3）' } }],
    },
    {
      code: lines('一、基本情况', '二、主要做法', '三、存在问题', '二、下一步打算'),
      errors: [{ messageId: 'outOfOrder', line: 4, column: 1, data: { found: '二、', expected: '四、' } }],
    },
    {
      code: lines('一、加强领导', '二、明确责任', '三、完善制度', '四、强化保障', '五、严格考核', '六、广泛宣传', '七、及时总结', '八、建立台账', '九、加强宣传引导', '十、强化督促检查', '十、严格责任追究'),
      errors: [{ messageId: 'repeat', line: 11, column: 1, data: { found: '十、', expected: '十一、' } }],
    },
    {
      code: lines('一、加强领导', '二、明确责任', '三、完善制度', '四、强化保障', '五、严格考核', '六、广泛宣传', '七、及时总结', '八、建立台账', '九、督促整改', '十、严肃问责', '十二、组织实施'),
      errors: [{ messageId: 'gap', line: 11, column: 1, data: { expected: '十一、' } }],
    },
    {
      code: lines('１．提高政治站位。', '２．压实工作责任。', '４．加强督导检查。'),
      errors: [{ messageId: 'gap', line: 3, column: 1, data: { expected: '３．' } }],
    },
    // A sequence must start at one.
    {
      code: lines('关于做好防汛工作的通知', '二、压实防汛责任', '三、加强隐患排查'),
      errors: [{ messageId: 'badStart', line: 2, column: 1, data: { found: '二、', expected: '一、' } }],
    },
    {
      code: lines('一、重点任务', '（二）推进数字政府建设。', '（三）优化营商环境。'),
      errors: [{ messageId: 'badStart', line: 2, column: 1, data: { expected: '（一）' } }],
    },
    // Under a new parent a level either restarts or numbers on; anything else is wrong.
    {
      code: lines('一、工作回顾', '（一）经济平稳运行。', '（二）改革纵深推进。', '二、工作安排', '（二）扩大有效需求。'),
      errors: [{ messageId: 'badContinuation', line: 5, column: 1, data: { found: '（二）', first: '（一）', previous: '（二）', expected: '（三）' } }],
    },
    // Wrong marker forms, fixed where certain.
    {
      code: lines('一.总体要求', '二.重点任务'),
      errors: [
        { messageId: 'wrongForm', line: 1, column: 1, endColumn: 3, data: { found: '一.', expected: '一、' } },
        { messageId: 'wrongForm', line: 2, column: 1, endColumn: 3, data: { found: '二.', expected: '二、' } },
      ],
      output: lines('一、总体要求', '二、重点任务'),
    },
    {
      code: lines('一，指导思想', '二、基本原则'),
      errors: [{ messageId: 'wrongForm', line: 1, column: 1, data: { expected: '一、' } }],
      output: lines('一、指导思想', '二、基本原则'),
    },
    {
      code: lines('一．工作目标', '二、工作措施'),
      errors: [{ messageId: 'wrongForm', line: 1, column: 1, data: { found: '一．' } }],
      output: lines('一、工作目标', '二、工作措施'),
    },
    {
      code: lines('一、工作目标', '（一）、近期目标', '（二）、远期目标'),
      errors: [
        { messageId: 'wrongForm', line: 2, column: 1, endColumn: 5, data: { found: '（一）、', expected: '（一）' } },
        { messageId: 'wrongForm', line: 3, column: 1, endColumn: 5, data: { found: '（二）、', expected: '（二）' } },
      ],
      output: lines('一、工作目标', '（一）近期目标', '（二）远期目标'),
    },
    {
      code: lines('（一）加强组织领导', '1、成立工作专班。', '2、建立调度机制。'),
      errors: [
        { messageId: 'wrongForm', line: 2, column: 1, data: { found: '1、', expected: '1.' } },
        { messageId: 'wrongForm', line: 3, column: 1, data: { found: '2、', expected: '2.' } },
      ],
      output: lines('（一）加强组织领导', '1.成立工作专班。', '2.建立调度机制。'),
    },
    {
      code: lines('1.申报条件', '（1）、具有独立法人资格；', '（2）依法纳税。'),
      errors: [{ messageId: 'wrongForm', line: 2, column: 1, data: { found: '（1）、', expected: '（1）' } }],
      output: lines('1.申报条件', '（1）具有独立法人资格；', '（2）依法纳税。'),
    },
    {
      code: lines('一、主要任务', '(一)推进乡村振兴', '(二)加强生态保护'),
      errors: [
        { messageId: 'wrongForm', line: 2, column: 1, data: { found: '(一)', expected: '（一）' } },
        { messageId: 'wrongForm', line: 3, column: 1, data: { found: '(二)', expected: '（二）' } },
      ],
      output: lines('一、主要任务', '（一）推进乡村振兴', '（二）加强生态保护'),
    },
    {
      code: lines('（一）工作进展', '(1)完成立项审批；', '(2)启动招标工作。'),
      errors: [
        { messageId: 'wrongForm', line: 2, column: 1, data: { found: '(1)', expected: '（1）' } },
        { messageId: 'wrongForm', line: 3, column: 1, data: { found: '(2)', expected: '（2）' } },
      ],
      output: lines('（一）工作进展', '（1）完成立项审批；', '（2）启动招标工作。'),
    },
    {
      code: lines('（一）稳住经济大盘。', '（二）促进消费回暖。', '三）深化改革开放。', '（四）保障改善民生。'),
      errors: [{ messageId: 'wrongForm', line: 3, column: 1, data: { found: '三）', expected: '（三）' } }],
      output: lines('（一）稳住经济大盘。', '（二）促进消费回暖。', '（三）深化改革开放。', '（四）保障改善民生。'),
    },
    // A wrong form and a wrong number on one marker: the form is fixed, the number only suggested.
    {
      code: lines('1、提高认识', '3、落实责任'),
      errors: [
        { messageId: 'wrongForm', line: 1, column: 1, data: { found: '1、' } },
        { messageId: 'wrongForm', line: 2, column: 1, data: { found: '3、' } },
        { messageId: 'gap', line: 2, column: 1, data: { found: '3、', expected: '2.' } },
      ],
      output: lines('1.提高认识', '3.落实责任'),
    },
    // Going back up inside a lower level.
    {
      code: lines('一、重点工作', '1.推进项目建设', '（一）加快前期工作', '（二）强化要素保障'),
      errors: [{ messageId: 'levelOrder', line: 3, column: 1, data: { found: '（一）', previous: '1.' } }],
    },
    {
      code: lines('（一）完善制度', '（1）修订管理办法', '1.明确职责分工'),
      errors: [{ messageId: 'levelOrder', line: 3, column: 1, data: { found: '1.', previous: '（1）' } }],
    },
    // Indented plain text is read the same.
    {
      code: lines('　　一、指导思想', '　　二、目标任务', '　　二、保障措施'),
      errors: [{ messageId: 'repeat', line: 3, column: 3, data: { expected: '三、' } }],
    },
    // Legal style.
    {
      code: lines('第一章　总则', '第一条　为了规范管理，制定本办法。', '第二条　本办法适用于全市。', '第二章　职责', '第四条　市级部门负责统筹。'),
      errors: [{ messageId: 'gap', line: 5, column: 1, data: { found: '第四条', expected: '第三条' } }],
    },
    {
      code: lines('第一章　总则', '第一条　为了规范管理，制定本办法。', '第二章　管理', '第二章　监督', '第二条　市级部门负责监督。'),
      errors: [{ messageId: 'repeat', line: 4, column: 1, data: { expected: '第三章' } }],
    },
    {
      code: lines('第一章　总则', '第二节　一般规定', '第一条　为了规范管理，制定本办法。'),
      errors: [{ messageId: 'badStart', line: 2, column: 1, data: { expected: '第一节' } }],
    },
    // An article may open at any number (an excerpt); its items still run on.
    {
      code: lines('第三条　申请人应当提交下列材料：', '（一）申请书；', '（三）身份证明。'),
      errors: [{ messageId: 'gap', line: 3, column: 1, data: { expected: '（二）' } }],
    },
    // Several numbered lines in one Markdown paragraph (soft line breaks).
    {
      code: lines('一、工作目标', '', '（一）近期目标', '（三）远期目标'),
      format: 'md',
      errors: [{ messageId: 'gap', line: 4, column: 1, data: { expected: '（二）' } }],
    },
    // Markdown headings.
    {
      code: lines('1.申报材料', '（1）申请表；', '（2）项目计划书；', '（2）财务报表。'),
      errors: [{ messageId: 'repeat', line: 4, column: 1, data: { found: '（2）', expected: '（3）' } }],
    },
    {
      code: lines('一、目标任务', '（一)完善基础设施', '（二）提升服务水平'),
      errors: [{ messageId: 'wrongForm', line: 2, column: 1, data: { found: '（一)', expected: '（一）' } }],
      output: lines('一、目标任务', '（一）完善基础设施', '（二）提升服务水平'),
    },
    {
      code: lines('关于2022年工作安排的报告', '一、2021年工作回顾', '三、2022年工作安排'),
      errors: [{ messageId: 'gap', line: 3, column: 1, data: { expected: '二、' } }],
    },
    // Markers are read after any indentation: spaces, tabs, U+3000 and no-break spaces.
    {
      code: lines(' 一、总体要求', '\t二、重点任务', '\u00a0\u00a0四、保障措施', '　　五、组织实施'),
      errors: [{ messageId: 'gap', line: 3, column: 3, data: { found: '四、', expected: '三、' } }],
    },
    // Every form is read, whatever character it opens with.
    {
      code: lines('第一章　总则', '第三章　附则'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '第三章', expected: '第二章' } }],
    },
    {
      code: lines('（一）加强领导', '(三)明确责任'),
      errors: [
        { messageId: 'wrongForm', line: 2, column: 1, data: { found: '(三)', expected: '（三）' } },
        { messageId: 'gap', line: 2, column: 1, data: { found: '(三)', expected: '（二）' } },
      ],
      output: lines('（一）加强领导', '（三）明确责任'),
    },
    {
      code: lines('（1）申请书；', '（3）身份证明。'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '（3）', expected: '（2）' } }],
    },
    {
      code: lines('(1)“双随机”抽查；', '(2)‘互联网+’监管。'),
      errors: [
        { messageId: 'wrongForm', line: 1, column: 1, data: { found: '(1)', expected: '（1）' } },
        { messageId: 'wrongForm', line: 2, column: 1, data: { found: '(2)', expected: '（2）' } },
      ],
      output: lines('（1）“双随机”抽查；', '（2）‘互联网+’监管。'),
    },
    {
      code: lines('８．完善制度。', '１０．强化保障。'),
      errors: [
        { messageId: 'badStart', line: 1, column: 1, data: { found: '８．', expected: '１．' } },
        { messageId: 'gap', line: 2, column: 1, data: { found: '１０．', expected: '９．' } },
      ],
    },
    {
      code: lines('一,指导思想', '三、基本原则'),
      errors: [
        { messageId: 'wrongForm', line: 1, column: 1, data: { found: '一,', expected: '一、' } },
        { messageId: 'gap', line: 2, column: 1, data: { found: '三、', expected: '二、' } },
      ],
      output: lines('一、指导思想', '三、基本原则'),
    },
    // An attachment heading and a note list reset the outline only on lines that start with them.
    {
      code: lines('一、工作目标', '二、工作任务', '附件', '一、总体安排', '三、分工'),
      errors: [{ messageId: 'gap', line: 5, column: 1, data: { found: '三、', expected: '二、' } }],
    },
    {
      code: lines('（一）项目概况', '（二）资金安排', '注：（一）本表数据截至6月底。', '（三）资金单位为万元。'),
      errors: [{ messageId: 'gap', line: 4, column: 1, data: { found: '（三）', expected: '（二）' } }],
    },
    // An unnumbered heading between numbered siblings: one number missing, or more.
    {
      code: lines('## 一、总体要求', '', '## 二、主要任务', '', '## 加强宣传引导', '', '## 四、组织保障'),
      format: 'md',
      errors: [{ messageId: 'missingNumber', line: 5, column: 4, data: { heading: '加强宣传引导', expected: '三、' } }],
    },
    // The last heading of its level without a number.
    {
      code: lines('## 一、总体要求', '', '## 二、主要任务', '', '### （一）扩大有效投资', '', '### （二）促进消费升级', '', '### 提高开放水平', '', '## 三、保障措施'),
      format: 'md',
      errors: [{ messageId: 'missingNumber', line: 9, column: 5, endColumn: 11, data: { heading: '提高开放水平', expected: '（三）' }, suggestions: [lines('## 一、总体要求', '', '## 二、主要任务', '', '### （一）扩大有效投资', '', '### （二）促进消费升级', '', '### （三）提高开放水平', '', '## 三、保障措施')] }],
    },
    {
      code: lines('## 一、工作回顾', '', '### （一）经济运行', '', '### （二）改革开放', '', '### 民生保障', '', '# 附件'),
      format: 'md',
      errors: [{ messageId: 'missingNumber', line: 7, column: 5, data: { heading: '民生保障', expected: '（三）' } }],
    },
    // Malformed section numbers: `1。` `两、`, and a decimal number with a dot after it.
    {
      code: lines('一、总体要求', '1。坚持问题导向。', '2。坚持系统观念。'),
      errors: [
        { messageId: 'wrongForm', line: 2, column: 1, endColumn: 3, data: { found: '1。', expected: '1.' } },
        { messageId: 'wrongForm', line: 3, column: 1, endColumn: 3, data: { found: '2。', expected: '2.' } },
      ],
      output: lines('一、总体要求', '1.坚持问题导向。', '2.坚持系统观念。'),
    },
    // Malformed `1。` parents: their items restart under each, no repeat.
    {
      code: lines('1。总体要求', '（1）坚持问题导向；', '（2）坚持系统观念。', '2。主要任务', '（1）扩大有效投资。'),
      errors: [
        { messageId: 'wrongForm', line: 1, column: 1, data: { found: '1。', expected: '1.' } },
        { messageId: 'wrongForm', line: 4, column: 1, data: { found: '2。', expected: '2.' } },
      ],
      output: lines('1.总体要求', '（1）坚持问题导向；', '（2）坚持系统观念。', '2.主要任务', '（1）扩大有效投资。'),
    },
    {
      code: lines('一、基本情况', '（一）人员构成', '两、存在的问题', '（一）基础设施薄弱', '三、下一步打算'),
      errors: [{ messageId: 'wrongForm', line: 3, column: 1, endColumn: 3, data: { found: '两、', expected: '二、' } }],
      output: lines('一、基本情况', '（一）人员构成', '二、存在的问题', '（一）基础设施薄弱', '三、下一步打算'),
    },
    {
      code: lines('4.3　运营服务', '（一）线路设置', '4.4.安全管理', '（一）车辆安全'),
      errors: [{ messageId: 'malformedDecimal', line: 3, column: 1, endColumn: 5, data: { found: '4.4.', expected: '4.4' }, suggestions: [lines('4.3　运营服务', '（一）线路设置', '4.4　安全管理', '（一）车辆安全')] }],
    },
    {
      code: lines('1.1. 适用范围', '（一）城市公交', '1.2. 术语', '（一）定制客运', '（三）响应式客运'),
      errors: [
        { messageId: 'malformedDecimal', line: 1, column: 1, data: { found: '1.1.' }, suggestions: [lines('1.1 适用范围', '（一）城市公交', '1.2. 术语', '（一）定制客运', '（三）响应式客运')] },
        { messageId: 'malformedDecimal', line: 3, column: 1, data: { found: '1.2.' } },
        { messageId: 'gap', line: 5, column: 1, data: { found: '（三）', expected: '（二）' } },
      ],
    },
    // A marker split over two lines is reported, not fixed: the fix would double the bracket.
    {
      code: lines('（一）经济运行稳中有进。', '（二）产业发展提质增效。', '（', '三）改革开放持续深化。', '（四）城乡发展更趋协调。'),
      errors: [{ messageId: 'wrongForm', line: 4, column: 1, data: { found: '三）', expected: '（三）' } }],
    },
    // A heading whose text starts with a numeral is still a heading: the gap before it is found.
    {
      code: lines('一、代表的产生', '三、一个代表团可以提出议案'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '三、', expected: '二、' } }],
    },
    // After an article's items, a new section that does not run on.
    {
      code: lines('一、总则', '第一条　为了规范管理，制定本条例。', '（一）定线服务；', '（二）定制服务。', '三、运营管理'),
      errors: [{ messageId: 'gap', line: 5, column: 1, data: { found: '三、', expected: '二、' } }],
    },
    // Numbering outside the quotation is checked on, also after an amendment.
    {
      code: lines('一、将第三条修改为：“第三条　本条例适用于下列客运：', '（一）公共汽车；', '（二）城市轨道交通。”', '三、删去第八条。'),
      errors: [{ messageId: 'gap', line: 4, column: 1, data: { found: '三、', expected: '二、' } }],
    },
    {
      code: lines('一、关于“放管服', '改革的要求', '二、关于营商环境', '二、关于政务服务'),
      errors: [{ messageId: 'repeat', line: 4, column: 1, data: { found: '二、', expected: '三、' } }],
    },
    {
      code: lines('# 实施方案', '', '## 一、总体要求', '', '### 说明', '', '## 二、主要任务', '', '## 加强宣传引导', '', '## 五、组织保障'),
      format: 'md',
      errors: [
        { messageId: 'unnumberedHeading', line: 9, column: 4, data: { heading: '加强宣传引导', sibling: '二、' } },
        { messageId: 'gap', line: 11, column: 4, data: { found: '五、', expected: '三、' } },
      ],
    },
  ],
});

/**
 * Both outline rules over the real documents in ../shared/corpus/real. Every finding below was read against
 * its document and is genuine; a new or lost finding means the rules' precision or recall changed.
 */
const GENUINE_CORPUS_FINDINGS = [
  // A note list under a table numbered `1、2、3、` instead of `1. 2. 3.`.
  'govcn-2006-guohan-132-approval.txt:512 section-numbering/wrongForm',
  'govcn-2006-guohan-132-approval.txt:513 section-numbering/wrongForm',
  'govcn-2006-guohan-132-approval.txt:514 section-numbering/wrongForm',
  // `三）` lost its opening bracket between `（二）` and `（四）`.
  'gwr-2026-yunnan.txt:39 section-numbering/wrongForm',
  // `（一）（二）` used as the top level with `一、二、` under `（二）`: the levels are inverted.
  'gwr-state-council-1985.txt:83 section-numbering/levelOrder',
  // `第一、…第二、…` for `第一，…第二，…`, in a paragraph and as paragraph openings.
  'gwr-state-council-1985.txt:93 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:93 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:93 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:93 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:93 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:109 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:116 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:123 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:130 enumeration-sequence/wrongMark',
  'gwr-state-council-1985.txt:137 enumeration-sequence/wrongMark',
  // `首先要增加对农业的投入…二是…三是…`: the sequence changes system at its second item; `首先` is to become `一是`.
  'gwr-state-council-1995.txt:79 enumeration-sequence/mixedFirst',
];

describe('real documents', () => {
  it('finds exactly the genuine findings listed', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([enumerationSequence, sectionNumbering], (file, message, found) => `${file}:${message.line} ${found.id}/${message.messageId}`)).toEqual(sortByPlace(GENUINE_CORPUS_FINDINGS));
  });
});
