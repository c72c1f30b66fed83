/**
 * Grade band ranges as written: "90分～100 分", "80 分～89 分", "60分以下", "90（含）-100分",
 * "≥90", "90分以上". Bounds are recorded as written; an integer range "80–89" has both bounds
 * inclusive (the rules decide the half-open reading).
 */
import type { GradeBand, NumberLiteral, Range, TextSpan } from '../../model/types';

const BELOW = ['及以下', '以下', '低于', '不足', '不到', '小于'];
const ABOVE = ['及以上', '以上', '高于', '超过', '大于', '不低于'];

function inclusiveMarkAfter(text: string, literal: NumberLiteral, base: number): boolean {
  const after = text.slice(literal.range.end - base, literal.range.end - base + 6).replace(/[\s分%％]/gu, '');
  return after.startsWith('(含)') || after.startsWith('（含）') || after.startsWith('(含）') || after.startsWith('（含)');
}

/**
 * Read a band's bounds from `text` (source slice at document offset `base`) and its numbers.
 * Returns undefined when the text holds no bound.
 */
export function readBand(text: string, numbers: NumberLiteral[], base: number, label: TextSpan, range: Range): GradeBand | undefined {
  if (numbers.length === 0) return undefined;
  if (numbers.length >= 2) {
    const [low, high] = numbers;
    const lowMarked = inclusiveMarkAfter(text, low, base);
    const highMarked = inclusiveMarkAfter(text, high, base);
    const anyMark = lowMarked || highMarked;
    return { label, low, high, lowInclusive: anyMark ? lowMarked : true, highInclusive: anyMark ? highMarked : true, range };
  }
  const [n] = numbers;
  const local = text.slice(n.range.end - base);
  const before = text.slice(0, n.range.start - base);
  const below = BELOW.find((w) => local.includes(w) || before.includes(w));
  const above = ABOVE.find((w) => local.includes(w) || before.includes(w));
  const marked = inclusiveMarkAfter(text, n, base);
  if (n.comparator === '<' || n.comparator === '≤' || (below && !above)) {
    const inclusive = n.comparator === '≤' || below === '及以下' || marked;
    return { label, high: n, highInclusive: inclusive, lowInclusive: true, range };
  }
  if (n.comparator === '>' || n.comparator === '≥' || above) {
    const inclusive = n.comparator === '≥' || marked || above === '以上' || above === '及以上' || above === '不低于';
    return { label, low: n, lowInclusive: inclusive, highInclusive: true, range };
  }
  return undefined;
}

/**
 * "90（含）-100分为优、80（含）-90分为良": when only lower bounds are marked 含, every upper bound
 * is exclusive except the top band's (100 belongs to 优).
 */
export function closeTopBand(bands: GradeBand[]): void {
  let top: GradeBand | undefined;
  for (const band of bands) if (band.high && (!top?.high || band.high.value.gt(top.high.value))) top = band;
  if (!top?.high || top.highInclusive || !top.lowInclusive) return;
  const high = top.high.value;
  // a band above it ("90分（含）以上") means the top range's upper bound really is exclusive
  if (bands.some((b) => b.low && b.low.value.gte(high))) return;
  top.highInclusive = true;
}
