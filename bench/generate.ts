/**
 * Deterministic generator of realistic, internally consistent report drafts for benchmarks:
 * a section per level-1 indicator with its score table and prose, a summary table, a grade
 * band table and the conclusion. `targetBytes` grows the report by adding projects (each with
 * its own indicator tree), as a folder of many reports or one very long report would.
 */

/** Small seeded PRNG (mulberry32) so every run benchmarks the same text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVEL_ONE = [
  { name: '项目决策', weight: 20, children: ['项目立项', '绩效目标', '资金投入'] },
  { name: '项目过程', weight: 20, children: ['资金管理', '组织实施'] },
  { name: '项目产出', weight: 40, children: ['产出数量', '产出质量', '产出时效', '产出成本'] },
  { name: '项目效益', weight: 20, children: ['项目效益'] },
];

const LEAVES = ['立项依据充分性', '立项程序规范性', '绩效目标合理性', '绩效指标明确性', '预算编制科学性', '资金分配合理性', '资金到位率', '预算执行率', '资金使用合规性', '管理制度健全性', '制度执行有效性', '实际完成率', '质量达标率', '完成及时性', '成本节约率', '社会效益', '可持续影响', '服务对象满意度'];

const FILLER = '项目单位根据年度工作计划组织实施，相关资料齐全，程序规范，资金拨付有完整的审批程序和手续，符合国家财经法规和财务管理制度以及有关专项资金管理办法的规定。';

/** Cents (hundredths) as a two-decimal string; integer arithmetic keeps the generator exact. */
function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

function grade(totalCents: number): string {
  if (totalCents >= 9000) return '优';
  if (totalCents >= 8000) return '良';
  if (totalCents >= 6000) return '中';
  return '差';
}

interface Leaf { name: string; weightCents: number; scoreCents: number }

function splitWeight(totalCents: number, parts: number): number[] {
  const base = Math.floor(totalCents / parts / 50) * 50;
  const weights = Array.from({ length: parts }, () => base);
  weights[parts - 1] = totalCents - base * (parts - 1);
  return weights;
}

function project(index: number, random: () => number): string {
  const out: string[] = [];
  const levelOneScores: number[] = [];
  out.push(`## 项目${index + 1}：专项资金绩效评价\n`);
  out.push(`本项目共计 ${10 + (index % 90)} 万元，资金来源为本级财政资金。${FILLER}\n`);
  LEVEL_ONE.forEach((one, oneIndex) => {
    const secondWeights = splitWeight(one.weight * 100, one.children.length);
    const rows: string[] = [];
    let oneScore = 0;
    let leafCount = 0;
    one.children.forEach((second, secondIndex) => {
      const leafWeights = splitWeight(secondWeights[secondIndex], 2);
      const leaves: Leaf[] = leafWeights.map((weightCents, leafIndex) => {
        const deduction = random() < 0.3 ? Math.floor((weightCents * random()) / 25) * 25 : 0;
        return { name: LEAVES[(oneIndex * 5 + secondIndex * 2 + leafIndex) % LEAVES.length], weightCents, scoreCents: weightCents - deduction };
      });
      leaves.forEach((leaf, leafIndex) => {
        const first = secondIndex === 0 && leafIndex === 0;
        rows.push(`| ${first ? one.name : ''} | ${first ? one.weight : ''} | ${leafIndex === 0 ? second : ''} | ${leafIndex === 0 ? money(secondWeights[secondIndex]) : ''} | ${leaf.name} | ${money(leaf.weightCents)} | ${money(leaf.scoreCents)} |`);
        oneScore += leaf.scoreCents;
        leafCount++;
      });
    });
    levelOneScores.push(oneScore);
    out.push(`### （${'一二三四'[oneIndex]}）${one.name.slice(2)}情况\n`);
    out.push(`${one.name}类指标由 ${one.children.length} 个二级指标和 ${leafCount} 个三级指标构成，分值为 ${one.weight} 分，实际得分 ${money(oneScore)} 分。各指标详细得分情况如下表所示：\n`);
    out.push(`表 ${index + 1}-${oneIndex + 1} ${one.name}指标及分值\n`);
    out.push('| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |');
    out.push('| --- | --- | --- | --- | --- | --- | --- |');
    out.push(...rows);
    out.push(`| 合计 | ${one.weight} | | ${one.weight} | | ${one.weight} | ${money(oneScore)} |\n`);
    out.push(`${FILLER}综上所述，该类指标满分 ${one.weight} 分，得分 ${money(oneScore)} 分。\n`);
  });
  const total = levelOneScores.reduce((a, b) => a + b, 0);
  out.push(`最终评分结果为：总分 ${money(total)} 分，绩效评级为“${grade(total)}”。\n`);
  out.push(`项目${index + 1}得分表\n`);
  out.push(`| 指标 | ${LEVEL_ONE.map((o) => o.name).join(' | ')} | 合计 |`);
  out.push(`| --- | ${LEVEL_ONE.map(() => '---').join(' | ')} | --- |`);
  out.push(`| 权重 | ${LEVEL_ONE.map((o) => o.weight).join(' | ')} | 100 |`);
  out.push(`| 得分 | ${levelOneScores.map(money).join(' | ')} | ${money(total)} |\n`);
  return out.join('\n');
}

const HEADER = `# 专项资金项目绩效评价报告（生成样本）

## 一、评价标准

依据项目最终绩效评价分数评定等次，90分以上为“优”，80分至 89 分为“良”，60分至 79 分为“中”，60分以下为“差”。

| 评价计分结果 | 评价结果级别 |
| --- | --- |
| 90分～100 分 | 优 |
| 80 分～89 分 | 良 |
| 60 分～79 分 | 中 |
| 60分以下 | 差 |
`;

/** A report of about `targetBytes` UTF-8 bytes (at least one project). */
export function generateReport(seed: number, targetBytes: number): string {
  const random = seededRandom(seed);
  const parts = [HEADER];
  let bytes = Buffer.byteLength(HEADER);
  for (let index = 0; index === 0 || bytes < targetBytes; index++) {
    const section = project(index, random);
    parts.push(section);
    bytes += Buffer.byteLength(section);
  }
  return parts.join('\n');
}
