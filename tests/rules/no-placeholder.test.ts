import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-placeholder.js';
import { ConfigError } from '../../src/core/config/resolve-rules.js';
import { formatForPath } from '../../src/core/linter.js';
import { lintWithRule, runRuleTests, type ExpectedError, type InvalidCase } from '../helpers/rule-tester.js';

type MessageId = keyof typeof rule.messages;

/**
 * An invalid case written with each expected finding between `⟦` and `⟧`; the marks are removed before
 * linting and give the exact line, column and end column. `quotes` pins the whole text each message quotes.
 */
function flagged(marked: string, messageIds: MessageId[], extra: { quotes?: string[]; options?: Record<string, unknown>; format?: 'md' | 'txt' } = {}): InvalidCase {
  const errors: ExpectedError[] = [];
  let code = '';
  let line = 1;
  let column = 1;
  let open: { line: number; column: number } | undefined;
  for (const char of marked) {
    if (char === '⟦') open = { line, column };
    else if (char === '⟧') {
      const index = errors.length;
      const quote = extra.quotes?.[index];
      errors.push({
        messageId: messageIds[index],
        line: open!.line,
        column: open!.column,
        endLine: line,
        endColumn: column,
        ...(quote === undefined ? {} : { data: { text: quote }, messageIncludes: [`“${quote}”`] }),
      });
      open = undefined;
    } else {
      code += char;
      if (char === '\n') {
        line++;
        column = 1;
      } else column += char.length;
    }
  }
  expect(errors.length, marked).toBe(messageIds.length);
  return { code, errors, ...(extra.options ? { options: extra.options } : {}), ...(extra.format ? { format: extra.format } : {}) };
}

runRuleTests(rule, {
  valid: [
    // Words with a Latin X.
    '患者需定期到医院进行X光检查，费用按规定报销。',
    'X射线探伤作业人员必须持证上岗。',
    '土壤中重金属含量采用X-射线荧光光谱法测定。',
    '胸部X线检查纳入65岁以上老年人健康体检项目。',
    '市人民医院新购置伽马刀和X刀各一台。',
    '开展X染色体连锁遗传病筛查。',
    '以X轴表示年份，以Y轴表示粮食产量。',
    '图中x轴为监测时间，y轴为水位高度。',
    '界址点X坐标和Y坐标见附表。',
    '新建X型钢架结构厂房一座。',
    '两条道路呈X形交叉，须设置信号灯。',
    '要高度警惕影响经济运行的各种X因素。',
    'X理论与Y理论是管理学中关于人性的两种假设。',
    '面向X世代青年群体开展国防教育宣传。',
    // X inside Latin or digit tokens, URLs, e-mail, code and formulas.
    '部分老旧终端仍在使用Windows XP操作系统，应于年底前完成替换。',
    '配备预装Mac OS X系统的计算机2台。',
    '政务云服务器统一采用x86架构。',
    '不再采购X86架构以外的服务器。',
    '安装64位（x64）版本的办公软件。',
    '数据统一以XML格式报送。',
    '请将统计表另存为XLSX格式后上传。',
    '各单位使用Excel汇总填报数据。',
    '美国SpaceX公司的星链卫星不得接入政务网络。',
    '严禁在办公电脑上安装Xbox等游戏程序。',
    '为值班人员配发iPhone X手机一部。',
    '夏季工作服尺码分为XL和XXL两种。',
    '政策原文见https://www.xxzx.gov.cn/xxgk/XX年.html，请自行下载。',
    '来稿请发送至电子邮箱xxb@xxzx.gov.cn。',
    '详情请登录WWW.XXZX.GOV.CN查询，或发送邮件至xxb@xxzx.gov.cn、xx@xx.cn咨询。',
    '在命令行中输入`xcopy`命令完成备份。',
    '若x+y=10，则两项指标之和为10。',
    '函数f(x)在定义域内单调递增。',
    '车牌号为京·X2345应急的车辆归属北京市应急管理部门。',
    '车辆类型代码中，用X表示消防救援车辆。',
    // × between numbers and in established names.
    '政务服务热线提供7×24小时不间断服务。',
    '电厂二期工程新建5×770MW超超临界燃煤机组。',
    '标签尺寸为4cm×3cm，统一粘贴在设备右上角。',
    '深入实施“数据要素×”行动，培育数据产业生态。',
    '稳步推进1+X证书制度试点工作。',
    '加快构建“1+N+X”规划体系。',
    '计算公式：抽检合格率=合格批次数/抽检批次数×100%。',
    '住院床日数=出院患者人次数×出院患者平均住院日。',
    '包装箱长×宽×高不超过1.5米。',
    // Chinese numerals, ordinary 某 words, anonymised names, check boxes.
    '二〇二一年十二月三十日',
    '早在一九八○年，我县就建成了第一座中型水库。',
    '本办法自二○○五年六月一日起施行。',
    '某些地区仍不同程度存在形式主义、官僚主义问题。',
    '这在某种程度上影响了政策落地见效。',
    '任何单位不得以某一环节未完成为由拖延办理。',
    '对某个部门、某方面工作的意见建议，可通过热线反映。',
    '被告人张某于2022年3月在某小区实施盗窃。',
    '当事人王某某对行政处罚决定无异议。',
    '是否同意公开：□是 □否',
    '○ 已完成事项',
    // Marker words talked about, not used.
    '正式印发的文件中不得保留“TODO”标记。',
    '有关配套制度有待补充完善。',
    '请填写《2024年度统计报表》并于3月1日前报送。',
    '请各单位填写附件2并于月底前报送。',
    '报名人员请填写真实姓名和联系方式。',
    '安检口配备X-ray行李检查设备两台。',
    { name: 'a suppression comment for an amount withheld on purpose', code: '<!-- gongwen-lint-disable-next-line no-placeholder -->\n国家每年从价差款中拨付XXX元。' },
    // Brackets with content.
    '【工作动态】全市召开安全生产工作会议。',
    '页面设置：【字号：大 中 小】',
    '（一）加强组织领导。',
    '第Ⅹ卷第三章',
    // Latin words after a spaced X are not units: the X is part of a name.
    '信息中心服务器统一部署X Window图形界面。',
    '续购X Server授权许可2套，用于远程桌面接入。',
    '停车场新装Tesla Model X kW级快充桩两台。',
    // Letters in abbreviations, operators and units of technical text.
    '上市公司应按XBRL格式报送年度财务报告。',
    '深入推进“X+医疗”“X+教育”融合应用试点。',
    'B超、CT、DR和X光机等设备已全部到位。',
    '机房配置2×10 Gbps上行链路，单机柜功率不超过8 kW。',
    '矩阵A×B的计算结果见附表3。',
    // Crosses that mark a check, not a blank.
    '检查结果：✓合格　✗不合格',
    '整改情况：✔ 已整改　✗ 未整改',
    // Filler words only in runs of three: two are speech.
    '群众反映：“说什么什么都对，办起来就难了。”',
    '尺码：XL XXL',
    // An ellipsis after words ends a quotation or a list; it is not a blank.
    '他在座谈会上动情地说：“我们一定……”',
    '参加培训的有北京、上海、广州……等地的学员。',
    '抄送：区委宣传部、区委组织部、……',
    '文件第三条规定：“……”',
    '他强调：“要坚持问题导向，……，切实把各项工作落到实处。”',
    '第五条　……',
    { name: 'rows left out of a table', code: '| 乡镇 | 户数 |\n| --- | --- |\n| 城关镇 | 1260 |\n| …… | …… |', format: 'md' },
    // Anonymised names and parties in case reports.
    '原告宁某某诉被告常某某民间借贷纠纷一案，本院依法适用简易程序公开开庭进行了审理。',
    '上诉人欧阳某某因劳动争议一案，不服一审判决，提起上诉。',
    '原告某某商贸有限公司与被告X公司买卖合同纠纷一案，现已审理终结。',
    '被告某某于2023年5月向原告借款5万元，约定同年12月归还。',
    { name: 'a company anonymised in a later paragraph of a case report', code: '原告：宁某某，男，汉族。\n\n被告：某某建筑工程有限公司，住所地本市开发区。\n\n被告XX公司未到庭参加诉讼。', format: 'md' },
    // A cross between words multiplies in a formula.
    '应纳税额＝货物数量×单位税额',
    '应纳税额=销售额×适用税率，适用税率按年度确定。',
    '（期末余额－期初余额）×调整系数＝本期调整额。',
    // Check characters and masked digits in published numbers.
    '经核查，申请人身份证号码为11010519491231002X，与户籍信息一致。',
    '参考书目：《公文写作教程》，ISBN 7-302-12345-X。',
    '中奖用户手机号为138XXXX5678。',
    // Letters the text defines as a code format.
    '注册证编号格式为：X妆XXXXXXXX。其中，第一位X代表省份简称，第二至五位XXXX代表注册年份。',
    { name: 'a code format explained in the next paragraph', code: '备案编号的格式为X妆网备字XXXXXXXXXX。\n\n其中，X为备案地省份简称。', format: 'md' },
    // Options.
    { name: 'allow: a literal word', code: '采购海信X系列交换机12台。', options: { allow: ['X系列'] } },
    { name: 'allow: a regular expression', code: '采购海信Ｘ系列交换机12台。', options: { allow: ['/[XＸ]系列/'] } },
    { name: 'markers: replacing the list drops the defaults', code: '具体数字待核实。', options: { markers: ['待研究'] } },
    // Markdown: the code span and the link target are not prose.
    { code: '运行 `gongwen-lint XX年.md` 检查草稿。', format: 'md' },
    { code: '参见[XML 规范](https://www.example.com/XX年)第三节。', format: 'md' },
    { code: '原文链接：<https://www.example.com/xxgk/XX.html>', format: 'md' },
    { code: '说明如下：\n\n```\nX年以来，XX局\n```\n\n    TODO：XX县\n', format: 'md' },
    { code: '公文正文\n\n___\n\n附件', format: 'md' },
    { code: '- [ ] 完成年度考核\n- [x] 报送统计报表', format: 'md' },
    { code: '<!-- TODO：定稿前核对数据 -->\n关于开展安全生产大检查的通知', format: 'md' },
  ],
  invalid: [
    flagged('⟦X⟧年以来，在县委、县政府的坚强领导下，全县经济保持平稳增长。', ['year'], { quotes: ['X年'] }),
    flagged('20⟦XX⟧年是全面贯彻落实党的二十大精神的开局之年。', ['year'], { quotes: ['20XX年'] }),
    flagged('现将202⟦X⟧年度工作总结报告如下：', ['year'], { quotes: ['202X年'] }),
    flagged('请各单位于⟦X月X⟧日前将自查报告报送县委办公室。', ['date'], { quotes: ['X月X日'] }),
    flagged('会议定于⟦XX月XX⟧日上午9时在县政府三楼会议室召开。', ['date'], { quotes: ['XX月XX日'] }),
    flagged('（20⟦XX年X月X⟧日）', ['date'], { quotes: ['20XX年X月X日'] }),
    flagged('印发日期：⟦×年×月×⟧日', ['date'], { quotes: ['×年×月×日'] }),
    flagged('⟦X⟧县人民政府关于切实做好防汛备汛工作的通知', ['place'], { quotes: ['X县'] }),
    flagged('⟦XX⟧省发展和改革委员会：', ['place'], { quotes: ['XX省'] }),
    flagged('市⟦XX⟧局党组高度重视，第一时间召开专题会议研究部署。', ['place'], { quotes: ['XX局'] }),
    flagged('⟦××⟧市人民政府办公室关于印发2024年重点工作任务分工的通知', ['place'], { quotes: ['××市'] }),
    flagged('落款：⟦ＸＸ⟧乡人民政府', ['place'], { quotes: ['ＸＸ乡'] }),
    flagged('⟦X⟧瑞康生物科技有限公司获批省级企业技术中心。', ['place'], { quotes: ['X瑞康生物科技有限公司'] }),
    flagged('在“⟦X⟧县小米”品牌推介会上的致辞', ['place'], { quotes: ['X县'] }),
    flagged('⟦XXX⟧科技有限公司中标智慧城管项目。', ['place'], { quotes: ['XXX科技有限公司'] }),
    // No word says whose name or what belongs here: the message asks for 具体内容 instead of guessing.
    flagged('⟦XXX⟧在会上作了交流发言。', ['generic'], { quotes: ['XXX'] }),
    flagged('会上，⟦某某⟧就下一步工作作了具体部署。', ['generic'], { quotes: ['某某'] }),
    flagged('近⟦X⟧年来，全县累计投入资金⟦X⟧亿元。', ['number', 'amount'], { quotes: ['X年', 'X亿元'] }),
    flagged('全年共培训基层干部⟦X⟧名，实现乡镇全覆盖。', ['number'], { quotes: ['X名'] }),
    flagged('新建村级综合服务站⟦X⟧个，改造提升⟦X⟧个。', ['number', 'number']),
    flagged('完成重点改革任务⟦X⟧项，其中⟦X⟧项走在全省前列。', ['number', 'number']),
    flagged('共组织申报市级以上科技项目⟦X⟧余项。', ['number'], { quotes: ['X余项'] }),
    flagged('达标村占全县行政村总数的⟦X/X⟧。', ['number'], { quotes: ['X/X'] }),
    flagged('这是我县第⟦X⟧次承办全省现场推进会。', ['number'], { quotes: ['X次'] }),
    flagged('力争培育规模以上工业企业⟦X⟧家以上。', ['number'], { quotes: ['X家'] }),
    flagged('采购X光机⟦X⟧台，充实基层医疗机构设备。', ['number'], { quotes: ['X台'] }),
    flagged('争取上级资金⟦X⟧万元，用于农村公路提档升级。', ['amount'], { quotes: ['X万元'] }),
    flagged('全年完成固定资产投资⟦XX⟧亿元，同比增长⟦X.X⟧%。', ['amount', 'percent'], { quotes: ['XX亿元', 'X.X%'] }),
    flagged('一般公共预算收入达到⟦X.XX⟧亿元。', ['amount'], { quotes: ['X.XX亿元'] }),
    flagged('城镇调查失业率控制在⟦X⟧%以内。', ['percent'], { quotes: ['X%'] }),
    flagged('全年粮食播种面积稳定在⟦X⟧万亩。', ['number'], { quotes: ['X万亩'] }),
    flagged('⟦XXX⟧同志在全县经济工作会议上的讲话', ['person'], { quotes: ['XXX同志'] }),
    flagged('在全县安全生产工作会议上的讲话\n⟦XXX⟧', ['generic'], { quotes: ['XXX'] }),
    flagged('会议由县长⟦某某⟧主持。', ['person'], { quotes: ['某某主持'] }),
    flagged('出席：⟦某某⟧、⟦某某⟧、⟦某某⟧', ['person', 'person', 'person'], { quotes: ['某某', '某某', '某某'] }),
    flagged('⟦某某⟧市教育局：', ['place'], { quotes: ['某某市'] }),
    flagged('⟦○○○⟧同志任县文化和旅游局局长。', ['person'], { quotes: ['○○○同志'] }),
    flagged('⟦○○⟧镇人民政府关于申请道路维修资金的请示', ['place'], { quotes: ['○○镇'] }),
    flagged('报送单位：⟦□□⟧县农业农村局', ['place'], { quotes: ['□□县'] }),
    flagged('联系人：李明，联系电话：⟦XXXXXXXX⟧。', ['phone'], { quotes: ['XXXXXXXX'] }),
    flagged('值班电话：0371-6789⟦××××⟧', ['phone'], { quotes: ['××××'] }),
    flagged('填报人：⟦＿＿＿⟧　审核人：⟦＿＿＿⟧', ['underline', 'underline']),
    flagged('签发人：⟦______⟧', ['underline']),
    flagged('请于⟦（    ）⟧前将报名表报送县人社局。', ['emptyBracket'], { quotes: ['（    ）'] }),
    flagged('附件：⟦【 】⟧', ['emptyBracket']),
    flagged('审核意见：⟦[ ]⟧同意　⟦[ ]⟧不同意', ['emptyBracket', 'emptyBracket']),
    flagged('⟦【单位名称】⟧关于2024年度安全生产工作情况的报告', ['prompt'], { quotes: ['【单位名称】'] }),
    flagged('二、存在的问题⟦【待补充】⟧', ['prompt']),
    flagged('⟦【此处填写会议主要议题…】⟧', ['prompt']),
    flagged('下一步工作安排⟦待补充⟧。', ['marker'], { quotes: ['待补充'] }),
    flagged('全年接待游客人数（⟦待核实⟧）。', ['marker']),
    flagged('项目总投资：⟦待填写⟧', ['marker']),
    flagged('项目负责人：⟦请填写⟧', ['marker']),
    flagged('（⟦请填写⟧牵头单位名称）', ['marker']),
    flagged('⟦此处插入⟧2023年度主要经济指标完成情况表', ['marker']),
    flagged('⟦TODO⟧：补充典型案例', ['marker'], { quotes: ['TODO'] }),
    flagged('资金来源⟦TBD⟧，与财政局沟通后确定。', ['marker']),
    flagged('⟦FIXME⟧ 数据口径与统计局不一致', ['marker']),
    flagged('⟦XX⟧县人民政府\n20⟦XX年X月X⟧日', ['place', 'date']),
    flagged('联系人：⟦【●】⟧', ['pattern'], { quotes: ['【●】'], options: { patterns: ['【●】'] } }),
    flagged('此事⟦待研究⟧。', ['marker'], { options: { markers: ['待研究'] } }),
    // A blank, a space and a Latin unit.
    flagged('骨干网传输速率不低于⟦XX⟧ Gbps。', ['number'], { quotes: ['XX Gbps'] }),
    flagged('新建输电线路⟦X⟧ km，途经3个乡镇。', ['number'], { quotes: ['X km'] }),
    flagged('单个附件不超过⟦XX⟧ MB，格式为PDF。', ['number'], { quotes: ['XX MB'] }),
    flagged('全年新增政务云存储容量约⟦X⟧ TB。', ['number'], { quotes: ['X TB'] }),
    flagged('开工建设⟦XX⟧ kV输变电工程两项。', ['number'], { quotes: ['XX kV'] }),
    // Crosses that look like X.
    flagged('附件：⟦X⟧. ⟦✕✕✕✕⟧', ['generic', 'generic'], { quotes: ['X', '✕✕✕✕'] }),
    flagged('⟦✖✖⟧县人民政府关于申请防汛资金的请示', ['place'], { quotes: ['✖✖县'] }),
    flagged('⟦✗✗✗⟧同志在全县组织工作会议上的讲话', ['person'], { quotes: ['✗✗✗同志'] }),
    flagged('成文日期：⟦╳╳╳╳年╳╳月╳╳⟧日', ['date'], { quotes: ['╳╳╳╳年╳╳月╳╳日'] }),
    // Filler words.
    flagged('关于⟦什么什么什么⟧的通知', ['generic'], { quotes: ['什么什么什么'] }),
    flagged('⟦啥啥啥啥⟧工作领导小组会议纪要', ['generic'], { quotes: ['啥啥啥啥'] }),
    flagged('⟦某某某某⟧：', ['generic'], { quotes: ['某某某某'] }),
    flagged('李⟦某某某⟧同志任县农业农村局局长。', ['person'], { quotes: ['某某某同志'] }),
    flagged('⟦XXXX XXXX XXXX，XXXXXXXX⟧。', ['generic'], { quotes: ['XXXX XXXX XXXX，XXXXXXXX'] }),
    flagged('⟦XX.XX⟧%', ['percent'], { quotes: ['XX.XX%'] }),
    flagged('⟦xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx⟧……', ['generic'], { quotes: ['xxxxxxxxxxxxxxxxxxxxxxxx…'] }),
    // Clauses whose only content is an ellipsis.
    flagged('⟦……⟧', ['ellipsis'], { quotes: ['……'] }),
    flagged('会议认为，⟦……⟧。', ['ellipsis'], { quotes: ['……'] }),
    flagged('出席会议的还有：⟦……⟧。', ['ellipsis'], { quotes: ['……'] }),
    flagged('抄送：区委宣传部，⟦……⟧；', ['ellipsis'], { quotes: ['……'] }),
    flagged('一、会议听取了县发展改革局的工作汇报。\n⟦……⟧\n三、会议研究了其他事项。', ['ellipsis']),
    flagged('- 抓好春季造林绿化。\n- ⟦……⟧', ['ellipsis'], { format: 'md' }),
    // Runs next to a hyphen or spaces.
    flagged('联系电话：⟦XXXX-XXXXXXX⟧', ['phone'], { quotes: ['XXXX-XXXXXXX'] }),
    flagged('⟦XXX⟧                      （区政府办公室）', ['generic'], { quotes: ['XXX'] }),
    flagged('第二章  ⟦XXX⟧', ['generic'], { quotes: ['XXX'] }),
    flagged('成文日期：⟦XXXX-XX-XX⟧', ['date'], { quotes: ['XXXX-XX-XX'] }),
    flagged('填报日期：20⟦XX-XX-XX⟧', ['date'], { quotes: ['20XX-XX-XX'] }),
    flagged('填报日期：2024-⟦XX-XX⟧', ['date'], { quotes: ['2024-XX-XX'] }),
    flagged('截止日期：2024-05-⟦XX⟧', ['date'], { quotes: ['2024-05-XX'] }),
    // The quote ends with the word that decides the kind; without one the message asks for 具体内容.
    flagged('关于做好⟦XXX⟧工作的通知', ['generic'], { quotes: ['XXX'] }),
    flagged('关于开展⟦XXXX⟧普查的公告', ['generic'], { quotes: ['XXXX'] }),
    flagged('⟦XXX⟧人民政府关于同意设立县级文化馆的批复', ['place'], { quotes: ['XXX人民政府'] }),
    flagged('⟦×××⟧人民法院', ['place'], { quotes: ['×××人民法院'] }),
    flagged('（⟦××××⟧）×民初⟦×⟧号民事判决书', ['year', 'number'], { quotes: ['（××××）', '×号'] }),
    flagged('〔⟦XXXX⟧〕', ['year'], { quotes: ['〔XXXX〕'] }),
    flagged('⟦XX⟧市场监督管理局关于开展食品安全专项检查的通知', ['place'], { quotes: ['XX市场监督管理局'] }),
    flagged('请⟦XX⟧市长在开幕式上致辞。', ['generic'], { quotes: ['XX'] }),
    flagged('组织⟦XX⟧人员开展汛期巡查。', ['generic'], { quotes: ['XX'] }),
    flagged('加快推进⟦X⟧项目建设。', ['generic'], { quotes: ['X'] }),
    flagged('全县共有⟦X⟧人参加考试。', ['number'], { quotes: ['X人'] }),
    flagged('请于⟦X月X⟧日报送自查报告。', ['date'], { quotes: ['X月X日'] }),
    flagged('⟦XXX⟧在县政府常务会议上作了说明。', ['generic'], { quotes: ['XXX'] }),
    flagged('项目负责人员和⟦XXX⟧一同参加竣工验收。', ['generic'], { quotes: ['XXX'] }),
    flagged('请⟦XXX⟧当面向县人民政府报告。', ['generic'], { quotes: ['XXX'] }),
    flagged('手机号码：⟦XXXXXXXXXXX⟧', ['phone'], { quotes: ['XXXXXXXXXXX'] }),
    flagged('（20⟦XX⟧版）', ['year'], { quotes: ['20XX'] }),
    // Outside a case report, an X before 公司 is a blank; so is a formula-like cross without a formula.
    flagged('⟦X⟧公司：', ['place'], { quotes: ['X公司'] }),
    flagged('⟦某某⟧商贸有限公司关于申请入驻产业园区的函', ['place'], { quotes: ['某某商贸有限公司'] }),
    flagged('原告⟦某某某⟧诉被告某某公司一案', ['generic'], { quotes: ['某某某'] }),
    flagged('共发放慰问金⟦×⟧万元。', ['amount'], { quotes: ['×万元'] }),
    flagged('备案编号：⟦X⟧妆⟦XXXXXXXX⟧', ['generic', 'generic'], { quotes: ['X', 'XXXXXXXX'] }),
    flagged('身份证号码：1101051949⟦XXXXXXX⟧', ['generic'], { quotes: ['1949XXXXXXX'] }),
    flagged('传真：0371-⟦XXXXXXXX⟧', ['phone'], { quotes: ['XXXXXXXX'] }),
    // Each holds just one of the things the pre-search for blanks looks for, so that none is skipped.
    flagged('请于⟦（　　）⟧前将报名表报送县人社局。', ['emptyBracket']),
    flagged('报送时间：⟦(\t)⟧月底前', ['emptyBracket']),
    flagged('文号：县政办发⟦〔\u00a0〕⟧号', ['emptyBracket']),
    flagged('审核意见：⟦［　］⟧同意', ['emptyBracket']),
    flagged('⟦○〇⟧乡人民政府', ['place']),
    flagged('经办人签字：⟦_＿_⟧', ['underline']),
    flagged('全年新增就业⟦Ｘ⟧万人。', ['number']),
    flagged('培训基层干部⟦ｘｘ⟧名。', ['number']),
    flagged('联系人：⟦●●⟧', ['pattern'], { options: { patterns: ['●●'] } }),
    flagged('会议地点⟦(待定)⟧，另行通知。', ['marker'], { options: { markers: ['(待定)'] } }),
    flagged('## ⟦X⟧年工作总结', ['year'], { format: 'md' }),
    flagged('详见 `x86` 说明，共涉及⟦X⟧项指标。', ['number'], { format: 'md' }),
    flagged('```\nXX\n```\n\n⟦X⟧县', ['place'], { format: 'md' }),
    flagged('# ⟦【单位名称】⟧关于2024年度工作情况的报告', ['prompt'], { format: 'md' }),
    flagged('- 培训基层干部⟦X⟧名\n- 新增就业⟦X⟧万人', ['number', 'number'], { format: 'md' }),
    flagged('| 指标 | 数值 |\n| --- | --- |\n| 增长率 | ⟦X.X⟧% |', ['percent'], { format: 'md' }),
    flagged('参见[⟦XX⟧局官网](https://www.example.gov.cn)公告。', ['place'], { format: 'md' }),
    flagged('**⟦XXX⟧同志**在会上讲话。', ['person'], { format: 'md' }),
  ],
});

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('no-placeholder options', () => {
  it('rejects an invalid regular expression as a config error', () => {
    expect(() => lintWithRule(rule, 'X年', 'txt', { patterns: ['【(●】'] })).toThrow(ConfigError);
    expect(() => lintWithRule(rule, 'X年', 'txt', { allow: ['/X[年/'] })).toThrow(ConfigError);
  });

  it('rejects a pattern that matches the empty string', () => {
    expect(() => lintWithRule(rule, 'X年', 'txt', { patterns: ['●*'] })).toThrow(ConfigError);
  });

  it('keeps built-in allowances when `allow` adds words', () => {
    expect(lintWithRule(rule, '采购X光机和海信X系列交换机。', 'txt', { allow: ['X系列'] })).toEqual([]);
  });
});

describe('no-placeholder on the template speech', () => {
  const path = `${root}../shared/seed/template-speech.txt`;
  it('flags every X blank in it', () => {
    expect(existsSync(path)).toBe(true);
    const source = readFileSync(path, 'utf8');
    const messages = lintWithRule(rule, source, 'txt');
    const lineStarts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
    const covered = (offset: number): boolean =>
      messages.some((m) => {
        const start = lineStarts[m.line - 1] + m.column - 1;
        const end = lineStarts[m.endLine - 1] + m.endColumn - 1;
        return start <= offset && offset < end;
      });
    // Every capital X outside the site's URLs stands for a blank.
    const blanks = [...source.matchAll(/X/g)].map((match) => match.index);
    expect(blanks).toHaveLength(42);
    expect(blanks.filter((offset) => !covered(offset))).toEqual([]);
    // `X/X` (a share of the province's total) is one blank, so 42 letters make 41 findings.
    expect(messages).toHaveLength(41);
    expect(messages.filter((m) => m.message.includes('X/X')).map((m) => m.messageId)).toEqual(['number']);
  });
});

describe('no-placeholder on published documents', () => {
  const directory = `${root}../shared/corpus/real`;
  /**
   * A 1996 reply letter was published with its amounts withheld as `XXX元`. That is textually the same as
   * an amount left blank in a draft, so the rule reports it; these four are the only findings allowed.
   */
  const withheldAmounts = [
    'govcn-1996-guobanhan-16-reply-letter.txt 7:63 XXX',
    'govcn-1996-guobanhan-16-reply-letter.txt 7:96 XXX',
    'govcn-1996-guobanhan-16-reply-letter.txt 7:108 XXX',
    'govcn-1996-guobanhan-16-reply-letter.txt 13:20 XXX',
  ];
  it('reports nothing else in any of them', () => {
    expect(readdirSync(directory).length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const name of readdirSync(directory).sort()) {
      const source = readFileSync(`${directory}/${name}`, 'utf8');
      const format = formatForPath(name) === 'markdown' ? 'md' : 'txt';
      for (const m of lintWithRule(rule, source, format)) found.push(`${name} ${m.line}:${m.column} ${m.excerpt?.text.slice(m.excerpt.start, m.excerpt.end)}`);
    }
    expect(found).toEqual(withheldAmounts);
  });
});

describe('no-placeholder stays linear', () => {
  const megabyte = 1 << 20;
  /** Name, a 1 MB line, and how many findings it holds. */
  const inputs: [string, string, number][] = [
    ['a line of X', 'X'.repeat(megabyte), 1],
    ['a line of 某', '某'.repeat(megabyte), 1],
    ['a line of ×', '×'.repeat(megabyte), 1],
    ['a line of ○', '○'.repeat(megabyte), 1],
    ['a line of underscores', '_'.repeat(megabyte), 1],
    ['an open bracket and spaces', `（${' '.repeat(megabyte)}。`, 0],
    ['open brackets', '【'.repeat(megabyte), 0],
    ['X. repeated', 'X.'.repeat(megabyte / 2), 1],
    ['待 repeated', '待'.repeat(megabyte), 0],
    ['a long e-mail address', `${'x'.repeat(megabyte)}@example.gov.cn`, 0],
    ['spaced X', 'X '.repeat(megabyte / 2), 0],
    ['year blanks', '年X'.repeat(megabyte / 64), megabyte / 64],
    ['a line of ellipses', '…'.repeat(megabyte), 1],
    ['spaced ellipses', '是…… '.repeat(megabyte / 4), 0],
    ['a line of crosses', '✕'.repeat(megabyte), 1],
    ['filler words', '什么'.repeat(megabyte / 2), 1],
    ['hyphenated X', 'X-'.repeat(megabyte / 2), 1],
    ['spaced X pairs', 'XX '.repeat(megabyte / 3), 1],
    ['X before spaces', `X${' '.repeat(megabyte)}km`, 0],
  ];
  for (const [name, line, count] of inputs) {
    it(`lints ${name} quickly`, () => {
      const started = performance.now();
      const messages = lintWithRule(rule, `前言\n${line}\n结尾`, 'txt');
      expect(performance.now() - started).toBeLessThan(3000);
      expect(messages).toHaveLength(count);
    });
  }
});
