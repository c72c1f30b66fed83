/**
 * The rule registry: a plain list. Add a rule by importing it and appending it here; the engine,
 * the docs generator (scripts/gen-rule-docs.ts) and the hosts read this list.
 */
import type { Rule } from '../engine/types';
import { gradeBand } from './grade-band';
import { gradeLabel } from './grade-label';
import { indicatorCount } from './indicator-count';
import { scoreArithmetic } from './score-arithmetic';
import { scoreRate } from './score-rate';
import { scoreSum } from './score-sum';
import { summaryVsDetail } from './summary-vs-detail';
import { weights } from './weights';

export const rules: readonly Rule[] = [
  scoreSum,
  scoreArithmetic,
  scoreRate,
  summaryVsDetail,
  weights,
  gradeBand,
  gradeLabel,
  indicatorCount,
];
