import enumerationSequence from '../../rules/enumeration-sequence.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const lines = (...parts: string[]): string => parts.join('\n');

runRuleTests(enumerationSequence, {
  valid: [
    '（一）加强科技人才工作。一是抓好创新型人才培育，完善人才评估机制。二是抓好高层次人才引进，创新引才方式。三是优化人才服务。',
    '主要做法有三：一是，强化组织领导；二是，完善工作机制；三是，加强督导检查。',
    '下一步，我们将重点抓好以下工作：第一，坚持稳中求进；第二，着力扩大内需；第三，持续改善民生。',
    '之所以出现上述问题，原因有二：其一，思想认识不到位；其二，工作措施不扎实。',
    '首先，要提高政治站位。其次，要压实工作责任。最后，要加强督促检查。',
    '首先，要统一思想。其次，要完善机制。再次，要强化保障。再次，要严格考核。最后，要总结经验。',
    // Across consecutive paragraphs of one section.
    lines('（二）推进项目建设。今年重点抓好三项工作。', '一是加快前期工作，确保项目早日开工。', '二是强化要素保障，及时协调解决用地问题。', '三是严格督导考核，实行周调度月通报。'),
    // A new 一是 starts a new sequence; a new section starts afresh.
    lines('（一）稳增长。一是扩大有效投资。二是提振消费。', '（二）促改革。一是深化国企改革。二是优化营商环境。'),
    '在保障措施上，一是加大财政投入；二是强化金融支持。在监督考核上，一是建立台账；二是定期通报。',
    // Nested enumerations of different systems are not a mix.
    '首先，要抓好项目建设。一是加快前期工作；二是强化要素保障。其次，要抓好招商引资。',
    // Look-alikes.
    '这是全县第一次召开此类会议，第一批试点单位已经确定。',
    '主要负责同志是第一责任人，驻村第一书记要发挥带头作用。',
    '坚持标准唯一是确保质量的前提，口径统一是数据共享的基础。',
    '本办法所称公共数据，一是指行政机关在履职过程中产生的数据，二是指公共服务机构产生的数据。',
    '一是一，二是二，实事求是地反映情况。',
    '本市地区生产总值位居全省第一，增速排名第二。',
    '第一、第二、第三产业协调发展，第一、二轮督察反馈问题全部整改。',
    '各级领导干部要坚持其一贯的优良作风。',
    '打通服务群众最后一公里，这是我们第一位的任务。',
    '再次强调，各单位要严格落实值班制度。',
    '会议由第一副组长主持，第二中学、第三人民医院派员参加。',
    '原因之一是投入不足，原因之二是机制不活。',
    '最后，我再强调三点意见。',
    '其次，要注意方式方法。',
    '一是加强领导。二是完善机制。三是强化考核。四是严格奖惩。五是广泛宣传。六是及时总结。七是建立台账。八是定期调度。九是督促整改。十是严肃问责。十一是抓好总结。',
    { code: lines('## （一）稳增长', '', '一是扩大有效投资。', '', '二是提振消费。'), format: 'md' },
    '统计口径为：第一产业、第二产业、第三产业。',
    '我们要做到第一时间发现、第一时间处置。',
    '党的二十大报告提出，一是要坚持党的全面领导，二是要坚持以人民为中心。',
    // An enumeration that starts after its subject.
    '经审理查明，二被告一是未按合同约定支付货款，二是未及时通知原告，三是拒绝协商解决。',
    '该公司一是建立了安全生产责任制，二是配备了专职安全管理人员。',
    // `二是` is not linked to a `首先` that ended an earlier paragraph.
    lines('首先，要提高政治站位。', '二是要压实工作责任。'),
    lines('会议强调，首先要把思想统一到中央决策部署上来。', '会议要求，各地要抓好三项工作：二被告所在的县区一是要加强调解，二是要依法处置，三是要及时报告。'),
  ],
  invalid: [
    // Each paragraph holds one item of one form, so that the pre-search for items skips none of them.
    {
      code: lines('一是加快项目前期工作。', '三是强化用地要素保障。'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '三是', expected: '二是', previous: '一是' } }],
    },
    {
      code: lines('十是严格督导考核。', '十二是及时总结经验。'),
      errors: [{ messageId: 'badStart', line: 1, column: 1, data: { found: '十是', expected: '一是' } }, { messageId: 'gap', line: 2, column: 1, data: { found: '十二是', expected: '十一是' } }],
    },
    {
      code: lines('第一，坚持稳中求进。', '第三，持续改善民生。'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '第三', expected: '第二' } }],
    },
    {
      code: lines('其一，思想认识不到位。', '其三，工作措施不扎实。'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '其三', expected: '其二' } }],
    },
    // `首先` then `二是` in one paragraph: the later items show the system meant, so `首先` is to change.
    {
      code: '为了保证农业稳定增长，首先要增加对农业的投入，二是保护和合理使用耕地，三是加强农田水利建设。',
      errors: [{ messageId: 'mixedFirst', line: 1, column: 24, endColumn: 26, data: { found: '二是', previous: '首先', expected: '一是' }, suggestions: ['为了保证农业稳定增长，一是要增加对农业的投入，二是保护和合理使用耕地，三是加强农田水利建设。'] }],
    },
    // An enumeration that starts right after its subject is read from its `一是`.
    {
      code: '二被告一是未按合同约定履行义务，二是未及时通知原告，二是拒绝协商解决。',
      errors: [{ messageId: 'repeat', line: 1, column: 27, data: { found: '二是', expected: '三是' } }],
    },
    {
      code: lines('首先，要提高政治站位。其次，要压实工作责任。', '其次，要加强督促检查。'),
      errors: [{ messageId: 'repeat', line: 2, column: 1, data: { found: '其次', expected: '再次' } }],
    },
    {
      code: lines('首先，要提高政治站位。', '再次，要加强督促检查。'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '再次', expected: '其次' } }],
    },
    {
      // A new section closes the open sequence: its 二是 does not continue the first section's.
      code: lines('（一）稳增长。一是扩大有效投资。二是提振消费。', '（二）促改革。二是深化国企改革。'),
      errors: [{ messageId: 'badStart', line: 2, column: 8, data: { found: '二是', expected: '一是' } }],
    },
    {
      // `最后` closes the sequence, so that the 二是 after it has nothing to continue.
      code: lines('首先，要提高政治站位。', '最后，要加强督促检查。', '二是要压实工作责任。'),
      errors: [{ messageId: 'badStart', line: 3, column: 1, data: { found: '二是', expected: '一是' } }],
    },
    {
      code: '当前主要任务：一是稳增长；二是促改革；四是惠民生。',
      errors: [{ messageId: 'gap', line: 1, column: 20, endColumn: 22, data: { found: '四是', expected: '三是', previous: '二是' }, suggestions: ['当前主要任务：一是稳增长；二是促改革；三是惠民生。'] }],
    },
    {
      code: '一是加强组织领导。二是完善工作机制。二是强化督促检查。',
      errors: [{ messageId: 'repeat', line: 1, column: 19, data: { found: '二是', expected: '三是' } }],
    },
    {
      code: '第一，统一思想；第二，明确任务；第四，强化保障。',
      errors: [{ messageId: 'gap', line: 1, column: 17, data: { found: '第四', expected: '第三' } }],
    },
    {
      code: '其一，认识不到位；其三，措施不扎实。',
      errors: [{ messageId: 'gap', line: 1, column: 10, data: { found: '其三', expected: '其二' } }],
    },
    {
      code: '首先，要统一思想。其次，要明确任务。其次，要强化保障。',
      errors: [{ messageId: 'repeat', line: 1, column: 19, data: { found: '其次', expected: '再次' } }],
    },
    {
      code: '一是加强领导；第二，完善机制；三是强化考核。',
      errors: [{ messageId: 'mixed', line: 1, column: 8, data: { found: '第二', previous: '一是', expected: '二是' }, suggestions: ['一是加强领导；二是，完善机制；三是强化考核。'] }],
    },
    {
      code: '重点抓好三项工作：一是：加快项目建设；二是：强化要素保障。',
      errors: [
        { messageId: 'wrongMark', line: 1, column: 10, endColumn: 13, data: { found: '一是：', mark: '：' }, suggestions: ['重点抓好三项工作：一是，加快项目建设；二是：强化要素保障。', '重点抓好三项工作：一是加快项目建设；二是：强化要素保障。'] },
        { messageId: 'wrongMark', line: 1, column: 20, endColumn: 23, data: { found: '二是：' } },
      ],
    },
    {
      code: '主要措施：一是、完善制度；二是、加强监管。',
      errors: [
        { messageId: 'wrongMark', line: 1, column: 6, data: { found: '一是、', expected: '一是，' } },
        { messageId: 'wrongMark', line: 1, column: 14, data: { found: '二是、' } },
      ],
    },
    {
      code: '第一、加强组织领导。第二、完善工作机制。',
      errors: [
        { messageId: 'wrongMark', line: 1, column: 1, data: { found: '第一、', expected: '第一，' }, suggestions: ['第一，加强组织领导。第二、完善工作机制。'] },
        { messageId: 'wrongMark', line: 1, column: 11, data: { found: '第二、' } },
      ],
    },
    {
      code: lines('（三）强化保障。一是加大资金投入。', '二是加强人才支撑。', '二是完善考核机制。'),
      errors: [{ messageId: 'repeat', line: 3, column: 1, data: { found: '二是', expected: '三是' } }],
    },
    {
      code: '（二）优化服务。二是推行一网通办，三是推进跨省通办。',
      errors: [{ messageId: 'badStart', line: 1, column: 9, data: { found: '二是', expected: '一是' } }],
    },
    {
      code: '一是抓学习；二是抓落实；三是抓督查；二是抓问责。',
      errors: [{ messageId: 'outOfOrder', line: 1, column: 19, data: { found: '二是', expected: '四是', previous: '三是' } }],
    },
    {
      code: '首先，要提高认识；二是要落实责任。',
      errors: [{ messageId: 'mixedFirst', line: 1, column: 10, data: { found: '二是', previous: '首先', expected: '一是' }, suggestions: ['一是，要提高认识；二是要落实责任。'] }],
    },
    // A mix after `其次` keeps the system of the sequence it continues.
    {
      code: '首先，要提高认识；其次，要落实责任；三是要加强督查。',
      errors: [{ messageId: 'mixed', line: 1, column: 19, data: { found: '三是', previous: '其次', expected: '再次' } }],
    },
    {
      code: '一是强化统筹；二是压实责任；三是完善机制；五是加强宣传。',
      errors: [{ messageId: 'gap', line: 1, column: 22, data: { found: '五是', expected: '四是', previous: '三是' } }],
    },
    {
      code: '一是加强领导，二是明确分工，二是严格考核，三是总结提升。',
      errors: [{ messageId: 'repeat', line: 1, column: 15, data: { expected: '三是' } }],
    },
    {
      code: '第一，提高站位；第三，压实责任。',
      errors: [{ messageId: 'gap', line: 1, column: 9, data: { found: '第三', expected: '第二' } }],
    },
    {
      code: '第一，提高站位；第二，压实责任；第二，强化督导。',
      errors: [{ messageId: 'repeat', line: 1, column: 17, data: { found: '第二', expected: '第三' } }],
    },
    {
      code: '其一，基础薄弱；其二，投入不足；其二，人才匮乏。',
      errors: [{ messageId: 'repeat', line: 1, column: 17, data: { found: '其二', expected: '其三' } }],
    },
    {
      code: '第一，坚持稳中求进；二是扩大内需；第三，改善民生。',
      errors: [{ messageId: 'mixed', line: 1, column: 11, data: { found: '二是', previous: '第一', expected: '第二' } }],
    },
    {
      code: '其一，认识不足；第二，措施不力。',
      errors: [{ messageId: 'mixed', line: 1, column: 9, data: { found: '第二', previous: '其一', expected: '其二' } }],
    },
    {
      code: '近期工作安排如下：第二，开展专项检查；第三，组织考核验收。',
      errors: [{ messageId: 'badStart', line: 1, column: 10, data: { found: '第二', expected: '第一' } }],
    },
    {
      code: lines('（一）完善制度。一是修订管理办法。', '三是建立考核机制。'),
      errors: [{ messageId: 'gap', line: 2, column: 1, data: { found: '三是', expected: '二是' } }],
    },
    {
      code: '一是加强领导；二是完善机制；三是强化考核；四是严格奖惩；五是广泛宣传；六是及时总结；七是建立台账；八是定期调度；九是督促整改；十是严肃问责；十二是总结提升。',
      errors: [{ messageId: 'gap', line: 1, column: 71, data: { found: '十二是', expected: '十一是' } }],
    },
    {
      code: '主要措施是：一是:完善制度；二是，加强监管。',
      errors: [{ messageId: 'wrongMark', line: 1, column: 7, data: { found: '一是:', mark: ':' } }],
    },
    {
      code: '具体要求：第三、严格纪律。',
      errors: [
        { messageId: 'wrongMark', line: 1, column: 6, data: { found: '第三、' } },
        { messageId: 'badStart', line: 1, column: 6, data: { expected: '第一' } },
      ],
    },
    {
      code: '首先，统一思想。再次，强化保障。',
      errors: [{ messageId: 'gap', line: 1, column: 9, data: { found: '再次', expected: '其次' } }],
    },
    {
      code: lines('## 二、主要措施', '', '一是加强领导。二是完善机制。', '', '二是强化考核。'),
      format: 'md',
      errors: [{ messageId: 'repeat', line: 5, column: 1, data: { expected: '三是' } }],
    },
    {
      code: '一是抓学习，二是抓落实，三是抓督查，三是抓问责，五是抓总结。',
      errors: [
        { messageId: 'repeat', line: 1, column: 19, data: { found: '三是', expected: '四是' } },
        { messageId: 'gap', line: 1, column: 25, data: { found: '五是', expected: '四是' } },
      ],
    },
    {
      code: '（一）强化组织保障。二是，健全工作机制。',
      errors: [{ messageId: 'badStart', line: 1, column: 11, data: { found: '二是' } }],
    },
    {
      code: '其一，基础薄弱；其二，投入不足；其四，人才匮乏。',
      errors: [{ messageId: 'gap', line: 1, column: 17, data: { found: '其四', expected: '其三' } }],
    },
  ],
});
