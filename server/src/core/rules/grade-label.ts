/**
 * grade-label — the grade is written the same way everywhere.
 *
 * What: every grade word uses the report's own label from its band table or sentence ("优"), not a
 * synonym from another scheme ("优秀"); without a band definition, every grade word matches the
 * first one used. A word that is no known band label at all is flagged too.
 * Why: "优" in the 摘要 and "优秀" in the conclusion read as two different results to a reviewer.
 * Example: 摘要 绩效评级为“优” … 四、综合评价 绩效评级为“优秀” (band table: 90–100 优).
 * Fix: write the report's own label.
 */
import { bandsOf, sameGrade } from '../services/grades';
import { related } from '../engine/fixes';
import type { Rule, RuleContext, RuleFinding } from '../engine/types';

function check(context: RuleContext): RuleFinding[] {
  const claims = context.model.claims.filter((claim) => claim.field === 'grade' && claim.label);
  if (claims.length === 0) return [];
  const bands = bandsOf(context.model, context.config);
  const ownScale = context.model.gradeScales.length > 0;
  const first = claims[0].label!;
  const out: RuleFinding[] = [];
  for (const claim of claims) {
    const label = claim.label!;
    const text = label.text.trim();
    const band = bands.find((candidate) => sameGrade(candidate, text));
    if (!band) {
      out.push({
        message: { zh: `评级“${text}”不是等级标准中的等级（${bands.map((b) => b.label).join('、')}）`, en: `Grade "${text}" is not one of the bands (${bands.map((b) => b.label).join(', ')})` },
        range: label.range,
        related: [],
        fixes: [],
      });
      continue;
    }
    // the report's own word: its band table's label, else the first grade word written
    const canonical = ownScale ? band.label : sameGrade(band, first.text.trim()) ? first.text.trim() : band.label;
    if (text === canonical) continue;
    const source = ownScale ? { zh: '本报告等级标准', en: "the report's band definition" } : { zh: '首次出现的评级', en: 'the first grade stated' };
    out.push({
      message: {
        zh: `评级写作“${text}”，与${source.zh}的写法“${canonical}”不一致`,
        en: `Grade written "${text}", while ${source.en} writes "${canonical}"`,
      },
      range: label.range,
      related: ownScale ? [] : [related(first.range, `评级“${first.text}”`, `grade "${first.text}"`)],
      fixes: [{ kind: 'direct', title: { zh: `改为“${canonical}”`, en: `Change to "${canonical}"` }, preferred: true, edits: [{ range: label.range, newText: canonical }] }],
    });
  }
  return out;
}

export const gradeLabel: Rule = {
  id: 'grade-label',
  description: { zh: '评级用词全文一致', en: 'The grade is written the same way everywhere' },
  defaultSeverity: 'warning',
  docs: {
    what: {
      zh: '各处评级使用报告等级标准中的写法（如“优”），而不是其他体系的同义词（如“优秀”）；报告未给出等级标准时，与首次出现的评级写法一致；不属于任何等级的词也会提示。',
      en: 'Every grade word uses the label of the report\'s own band definition ("优"), not a synonym from another scheme ("优秀"); without a band definition, it matches the first grade written; unknown words are flagged.',
    },
    why: { zh: '摘要写“优”、结论写“优秀”，审阅者会认为是两个不同的结论。', en: '"优" in the abstract and "优秀" in the conclusion read as two different results.' },
    example: '绩效评级为“优秀”。   ← 等级标准：90～100 分 优',
    fix: { zh: '改为报告自身等级标准的写法。', en: "Write the report's own label." },
  },
  check,
};
