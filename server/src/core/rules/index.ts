/**
 * The rule registry: a plain list. Add a rule by importing it and appending it here; the engine,
 * the docs generator (scripts/gen-rule-docs.ts) and the hosts read this list.
 */
import type { Rule } from '../engine/types';
import { annexReference } from './annex-reference';
import { claimVsTable } from './claim-vs-table';
import { formula } from './formula';
import { gradeBand } from './grade-band';
import { gradeLabel } from './grade-label';
import { indicatorCount } from './indicator-count';
import { indicatorName } from './indicator-name';
import { partsSum } from './parts-sum';
import { repeatedFact } from './repeated-fact';
import { ruleDeduction } from './rule-deduction';
import { scoreArithmetic } from './score-arithmetic';
import { scoreRate } from './score-rate';
import { scoreSum } from './score-sum';
import { selfEval } from './self-eval';
import { summaryVsDetail } from './summary-vs-detail';
import { survey } from './survey';
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
  claimVsTable,
  formula,
  ruleDeduction,
  survey,
  selfEval,
  partsSum,
  repeatedFact,
  annexReference,
  indicatorName,
];
