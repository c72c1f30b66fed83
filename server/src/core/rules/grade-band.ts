/**
 * grade-band — the grade matches the band of the total, and the bands themselves are sound.
 *
 * What: every grade word stated for the report (绩效评级为“优”) names the band its total falls in,
 * using the report's own band table or sentence, else the configured bands. Bands are half-open:
 * "80–89 分为良" means [80, 90), so 89.5 → 良. A band definition with gaps or overlaps ("60–78"
 * then "80–89") is flagged on the band table (warning). Rounding before banding (domain.md §4):
 * a stated total and Σ row scores on either side of a boundary by no more than the rounding of
 * the scores, or a total within 0.5 of a boundary built from rounded scores, is a warning on the
 * total (a larger gap is a calculation error, score-sum's).
 * Why: "评分与评级相符" is a scored item of the report-quality review; a grade left unchanged after
 * the total moved across a boundary is a classic error.
 * Example: 总分 88.5 分，绩效评级为“优” → 88.5 lies in 良 [80, 90).
 * Fix: write the band's label (keeping the label scheme: 优秀 → 良好).
 *
 * The total is the report's stated total (prose 总分, summary 合计, annex 总分); whether those agree
 * with each other and with the tables is checked by the sum and claim rules. A report that scores
 * several projects, one section each, is checked project by project (engine/parts.ts), so each
 * grade is judged against its own project's total.
 */
import type Decimal from 'decimal.js';
import type { GradeScale } from '../model/types';
import { bandFor, bandsOf, sameGrade, type Band } from '../services/grades';
import { statedTotal } from '../services/summary';
import { claimSubjectKey } from '../engine/quantities';
import { isAmbiguous, termsBelow } from '../engine/modelIndex';
import { sumReadingRowsRight } from '../engine/contradictedRows';
import { formatNatural } from '../services/derive';
import { Dec } from '../text/numbers';
import { halfUnit } from '../engine/rounding';
import { related } from '../engine/fixes';
import type { Rule, RuleContext, RuleFinding } from '../engine/types';

/** The label of `target` written in the same scheme as `label` (优秀 → 良好), else its main label. */
export function labelLike(from: Band | undefined, target: Band, label: string): string {
  const position = from ? from.names.indexOf(label) : -1;
  return (position > 0 ? target.names[position] : undefined) ?? target.label;
}

function gradeChecks(context: RuleContext): RuleFinding[] {
  // several projects the engine could not tell apart (parts.ts): which total goes with which grade is unknown
  if (isAmbiguous(context.index, '')) return [];
  const total = statedTotal(context.model);
  if (!total) return [];
  const bands = bandsOf(context.model, context.config);
  const expected = bandFor(bands, total.value);
  if (!expected) return [];
  const out: RuleFinding[] = [];
  for (const claim of context.model.claims) {
    if (claim.field !== 'grade' || !claim.label || claimSubjectKey(context.index, claim.subject) !== '') continue;
    const label = claim.label.text.trim();
    const stated = bands.find((band) => sameGrade(band, label));
    if (!stated || stated === expected) continue; // an unknown word is grade-label's concern
    const newText = labelLike(stated, expected, label);
    out.push({
      message: {
        zh: `评级“${label}”与总分 ${total.text} 所在等级“${expected.label}”（${expected.describe('zh')}）不符`,
        en: `Grade "${label}" does not match the band of the total ${total.text}: "${expected.label}" (${expected.describe('en')})`,
      },
      range: claim.label.range,
      related: [related(total.range, `总分 ${total.text}`, `total ${total.text}`)],
      fixes: [{ kind: 'direct', title: { zh: `改为“${newText}”`, en: `Change to "${newText}"` }, preferred: true, edits: [{ range: claim.label.range, newText }] }],
    });
  }
  return out;
}

/** How close to a band boundary a total built from rounded scores counts as "near" (domain.md §4). */
const NEAR = new Dec('0.5');

/** Σ of the level-1 scores recomputed from their rows, and whether any row score is a rounded figure. */
function rowTotal(context: RuleContext): { sum: Decimal; rounded: boolean; terms: number } | undefined {
  const levelOne = context.index.levelOne;
  if (levelOne.length === 0 || isAmbiguous(context.index, '')) return undefined;
  const terms = levelOne.map((entry) => termsBelow(context.index, entry.primary, 'score'));
  if (terms.some((list) => list.length === 0)) return undefined;
  const all = terms.flat();
  // a row that contradicts itself counts as 分值 − 扣分 (contradictedRows.ts): its 得分 is score-arithmetic's
  const sum = sumReadingRowsRight(context.index, all) ?? all.reduce((acc, term) => acc.plus(term.value), new Dec(0));
  return { sum, rounded: all.some((term) => term.decimals > 0), terms: all.length };
}

/** The boundaries of the bands (their lower bounds). */
function boundaries(bands: readonly Band[]): Decimal[] {
  return bands.flatMap((band) => (band.low === undefined ? [] : [band.low]));
}

/**
 * Rounding before banding: the stated total and Σ row scores in different bands; or a total within
 * 0.5 of a boundary while the row scores are themselves rounded figures (the band may depend on
 * how they were rounded). Warnings, on the stated total.
 */
function boundaryChecks(context: RuleContext): RuleFinding[] {
  const total = statedTotal(context.model);
  const rows = rowTotal(context);
  if (!total || !rows) return [];
  const bands = bandsOf(context.model, context.config);
  const stated = bandFor(bands, total.value);
  const summed = bandFor(bands, rows.sum);
  if (!stated) return [];
  const sumText = formatNatural(rows.sum, 4);
  // a difference beyond the rounding of the terms is a calculation error (score-sum), not a question of banding
  const roundingOnly = rows.sum.minus(total.value).abs().lte(halfUnit(total.decimals).times(rows.terms + 1));
  if (summed && summed !== stated && roundingOnly) {
    return [{
      severity: 'warning',
      message: {
        zh: `总分 ${total.text} 属“${stated.label}”，而各项得分之和 ${sumText} 属“${summed.label}”：两者位于等级界限两侧，请核对舍入。`,
        en: `The total ${total.text} is "${stated.label}" but the scores add up to ${sumText}, which is "${summed.label}": they lie on either side of a band boundary; check the rounding.`,
      },
      range: total.range,
      related: [],
      fixes: [],
    }];
  }
  const near = boundaries(bands).find((bound) => !bound.eq(0) && total.value.minus(bound).abs().lt(NEAR));
  if (!near || !rows.rounded) return [];
  return [{
    severity: 'warning',
    message: {
      zh: `总分 ${total.text} 距等级界限 ${formatNatural(near, 2)} 不足 ${NEAR.toString()} 分，且各项得分含舍入值，评级可能取决于舍入方式，请复核。`,
      en: `The total ${total.text} is within ${NEAR.toString()} of the band boundary ${formatNatural(near, 2)} and the scores include rounded figures: the grade may depend on rounding; please review.`,
    },
    range: total.range,
    related: [],
    fixes: [],
  }];
}

/** Gaps or overlaps between consecutive bands of a scale written by the report. */
function scaleChecks(scale: GradeScale): RuleFinding[] {
  const ordered = scale.bands.filter((band) => band.low || band.high).sort((a, b) => (a.low?.value ?? a.high!.value.minus(1e9)).comparedTo(b.low?.value ?? b.high!.value.minus(1e9)));
  const out: RuleFinding[] = [];
  for (let i = 0; i + 1 < ordered.length; i++) {
    const lower = ordered[i];
    const upper = ordered[i + 1];
    if (!lower.high || !upper.low) continue;
    // integer bounds written inclusively ("60–79", "80–89") meet when the next band starts one above
    const step = lower.highInclusive && lower.high.decimals === 0 && upper.low.decimals === 0 ? 1 : 0;
    const gap = upper.low.value.minus(lower.high.value);
    const overlap = gap.lt(step) && !(gap.isZero() && !(lower.highInclusive && upper.lowInclusive));
    if (!gap.gt(step) && !overlap) continue;
    const kind = gap.gt(step) ? { zh: '之间有空档', en: 'leave a gap' } : { zh: '相互重叠', en: 'overlap' };
    out.push({
      severity: 'warning',
      message: {
        zh: `等级“${lower.label.text}”（至 ${lower.high.text}）与“${upper.label.text}”（自 ${upper.low.text}）${kind.zh}`,
        en: `Bands "${lower.label.text}" (up to ${lower.high.text}) and "${upper.label.text}" (from ${upper.low.text}) ${kind.en}`,
      },
      range: lower.high.range,
      related: [related(upper.low.range, `“${upper.label.text}” ${upper.low.text}`, `"${upper.label.text}" ${upper.low.text}`)],
      fixes: [],
    });
  }
  return out;
}

export const gradeBand: Rule = {
  id: 'grade-band',
  description: { zh: '评级与总分所在等级区间相符；等级区间无空档或重叠', en: 'The grade matches the band of the total; bands have no gaps or overlaps' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '报告中的评级与总分所在等级一致（优先使用报告自身的等级表或等级说明，否则使用配置的等级）；区间按左闭右开理解（“80–89 分为良”即 [80, 90)）；等级定义有空档或重叠时在等级表上提示（警告）；总分与各项得分之和仅因舍入而分处等级界限两侧，或总分距界限不足 0.5 分且各项得分含舍入值时，在总分上提示（警告）。',
      en: "Every grade word matches the band of the report total (the report's own band table or sentence, else the configured bands); bands are half-open (\"80–89 → 良\" means [80, 90)); gaps or overlaps in the band definition are flagged (warning); so is a total on the other side of a boundary than the sum of the scores by no more than their rounding, or within 0.5 of a boundary when the scores are rounded figures (warning).",
    },
    why: { zh: '“评分与评级相符”是报告质量考核的评分项。', en: 'Score and grade agreeing is a scored item of the report-quality review.' },
    example: '总分 88.5 分，绩效评级为“优”。   ← 88.5 属于“良”[80, 90)',
    fix: { zh: '改为总分所在等级（保持原用词体系，如“优秀”→“良好”）。', en: "Write the total's band (same label scheme, e.g. 优秀 → 良好)." },
  },
  check(context) {
    return [...gradeChecks(context), ...boundaryChecks(context), ...context.model.gradeScales.flatMap(scaleChecks)];
  },
};
