/**
 * The report model: what Tally understands of a 绩效评价报告 draft.
 *
 * Invariants (tests and the fuzzer check them):
 * - Every `Range` is a half-open UTF-16 offset pair into the document text `ReportModel.text`.
 * - For every `NumberLiteral`, `text === model.text.slice(range.start, range.end)`.
 * - Values are `Decimal` (decimal.js); a score is never a binary float.
 * - The model is plain data: no functions, no back-pointers (parents are found through `key`).
 */
import type Decimal from 'decimal.js';

export interface Range {
  start: number;
  end: number;
}

export interface TextSpan {
  text: string;
  range: Range;
}

export type Comparator = '≥' | '≤' | '>' | '<' | '=';

/** A number as written in the source: literal text, exact decimal value, precision and place. */
export interface NumberLiteral {
  /** Exactly the source text of the number (digits, separators, point), e.g. "18.73", "９５．１８", "1,687". */
  text: string;
  /** The value as written (a percentage keeps its written value: "85.4%" → 85.4 with unit "%"). */
  value: Decimal;
  /** Digits written after the decimal point. */
  decimals: number;
  /** Written with full-width digits (fixes must keep the width). */
  fullWidth: boolean;
  /** Unit written right after the number ("分", "%", "万元", "元", "个", "人", …) or "" when none. */
  unit: string;
  /** Comparison written right before the number (≥90%, ＜1次). */
  comparator?: Comparator;
  range: Range;
}

/** A numeric range such as "80–89" or "80分～89分". */
export interface NumberSpan {
  low: NumberLiteral;
  high: NumberLiteral;
  range: Range;
}

export interface Heading {
  depth: number;
  text: string;
  range: Range;
}

/** A prose paragraph (also list items and block quotes), as raw source text. */
export interface Paragraph {
  /** Exactly `model.text.slice(range.start, range.end)`. */
  text: string;
  range: Range;
  /** Enclosing section headings, outermost first. */
  headingPath: string[];
}

// ---------------------------------------------------------------------------------------------
// Tables as grids

export interface Cell {
  /** Plain text of the cell: inline Markdown/HTML stripped, <br> as "\n", trimmed. */
  text: string;
  /** The cell's content in the source (trimmed). For an empty cell: zero-length at its position. */
  range: Range;
  /** Top-left slot in the expanded grid. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  header: boolean;
  /** Every number literal inside the cell, with its own source range. */
  numbers: NumberLiteral[];
  /** Not written in the source: an empty slot of a row shorter than the table (zero-length range at the row's end). */
  filled?: true;
}

export interface Table {
  index: number;
  format: 'pipe' | 'html';
  range: Range;
  /** "表 3-4 项目效益类指标及分值", or the nearest line above the table naming it. */
  caption?: TextSpan;
  /** Enclosing section headings, outermost first. */
  headingPath: string[];
  /** Distinct cells in document order. */
  cells: Cell[];
  /** grid[row][col] → the cell covering that slot; a span repeats the same cell object. Rectangular: short rows are padded with `filled` cells. */
  grid: (Cell | undefined)[][];
  /** Number of leading rows that are header rows. */
  headerRows: number;
}

// ---------------------------------------------------------------------------------------------
// Indicator tables

export type IndicatorLevel = 1 | 2 | 3 | 4;

export interface Indicator {
  /** Identity across tables and prose: normalised names joined by "/" from level 1 down. */
  key: string;
  /** Normalised names, level 1 first. */
  path: string[];
  level: IndicatorLevel;
  /** The name as written in the cell (without a weight suffix such as "(20 分）"). */
  name: string;
  nameRange: Range;
  /** 分值/权重/满分 of this indicator when written once. */
  weight?: NumberLiteral;
  /**
   * When a parent's name is merged over several rows while its 分值 is written per row,
   * every written part is kept here and the indicator's 分值 is their sum.
   */
  weightParts: NumberLiteral[];
  deduction?: NumberLiteral;
  score?: NumberLiteral;
  rate?: NumberLiteral;
  /** 指标解释 */
  explanation?: TextSpan;
  /** 标杆值 / 目标值 / 指标值 */
  target?: TextSpan;
  /** 评分标准 */
  criterion?: TextSpan;
  /** 评分说明 */
  remark?: TextSpan;
  /** Keys of the children, in table order. */
  children: string[];
  /** Key of the parent ('' for level 1). */
  parent: string;
  tableIndex: number;
  /** Grid rows covered by this indicator (inclusive start, exclusive end). */
  rows: { start: number; end: number };
}

export interface TotalRow {
  label: TextSpan;
  /** 分值 totals per level column: weights[level - 1]. */
  weights: (NumberLiteral | undefined)[];
  deduction?: NumberLiteral;
  score?: NumberLiteral;
  rate?: NumberLiteral;
  range: Range;
  /**
   * A 小计 row: keys of the indicators it adds up, those written between the total row before it
   * (or the header) and itself. Other total rows add up the whole table.
   */
  scope?: string[];
}

export type IndicatorColumnRole =
  | 'name'
  | 'weight'
  | 'deduction'
  | 'score'
  | 'rate'
  | 'explanation'
  | 'target'
  | 'criterion'
  | 'remark'
  | 'other';

export interface IndicatorColumn {
  index: number;
  role: IndicatorColumnRole;
  /** The level the column belongs to (names and per-level 分值). */
  level?: IndicatorLevel;
  header: string;
}

export interface IndicatorTable {
  tableIndex: number;
  caption?: TextSpan;
  /** Deepest level present. */
  depth: IndicatorLevel;
  columns: IndicatorColumn[];
  /** Every indicator of the table, parents before children, in table order. */
  indicators: Indicator[];
  /** 合计 / 总分 / 小计 rows. */
  totals: TotalRow[];
  /** An annex table (附件1 评分表) rather than a section table. */
  annex: boolean;
}

// ---------------------------------------------------------------------------------------------
// Summary, grades, surveys, self-evaluation

export interface SummaryEntry {
  name: TextSpan;
  /** Key of the level-1 indicator it stands for, when one matches. */
  key?: string;
  weight?: NumberLiteral;
  score?: NumberLiteral;
  rate?: NumberLiteral;
}

export interface SummaryTable {
  tableIndex: number;
  transposed: boolean;
  entries: SummaryEntry[];
  total?: SummaryEntry;
}

export interface GradeBand {
  label: TextSpan;
  low?: NumberLiteral;
  lowInclusive: boolean;
  high?: NumberLiteral;
  highInclusive: boolean;
  range: Range;
}

export interface GradeScale {
  source: 'table' | 'sentence';
  range: Range;
  bands: GradeBand[];
}

export interface SurveyOption {
  label: TextSpan;
  count?: NumberLiteral;
  ratio?: NumberLiteral;
}

export interface SurveyQuestion {
  title: TextSpan;
  multiple: boolean;
  tableIndex: number;
  options: SurveyOption[];
  /** 本题有效填写人次 */
  respondents?: NumberLiteral;
}

export interface FundsRow {
  label: TextSpan;
  budgetInitial?: NumberLiteral;
  budgetFull?: NumberLiteral;
  executed?: NumberLiteral;
  weight?: NumberLiteral;
  rate?: NumberLiteral;
  score?: NumberLiteral;
  /** The section of the table the row is in: a 年度主要任务 block does not add up to the 年度资金总额 above it. */
  block: number;
  /** The row the other rows of its block add up to (年度资金总额, 合计). */
  total: boolean;
  /**
   * In a block with a total, the breakdown this row belongs to: "按收入性质分：财政拨款 / 其他资金"
   * and "按支出性质分：基本支出 / 项目支出" each add up to the total on their own. Undefined for the
   * total and for the rows of a block without one.
   */
  breakdown?: number;
}

export interface SelfEvalIndicatorRow {
  path: string[];
  key: string;
  name: TextSpan;
  target?: TextSpan;
  targetNumber?: NumberLiteral;
  actual?: TextSpan;
  actualNumber?: NumberLiteral;
  weight?: NumberLiteral;
  score?: NumberLiteral;
  reason?: TextSpan;
}

export interface SelfEvalTable {
  tableIndex: number;
  funds: FundsRow[];
  indicators: SelfEvalIndicatorRow[];
  /** 总分 / 自评得分 stated in the table. */
  statedTotal?: NumberLiteral;
  statedTotalWeight?: NumberLiteral;
}

// ---------------------------------------------------------------------------------------------
// Prose

export type ClaimField = 'weight' | 'deduction' | 'score' | 'rate' | 'grade';

/** What a sentence speaks about. */
export type ClaimSubject =
  | { kind: 'indicator'; key?: string; name: string; range?: Range }
  | { kind: 'report' };

export interface Claim {
  field: ClaimField;
  literal?: NumberLiteral;
  /** For grade claims: the label word ("优", "优秀"). */
  label?: TextSpan;
  subject: ClaimSubject;
  sentence: TextSpan;
}

export interface CountClaim {
  /**
   * Key of the indicator the counts speak of: usually a level-1 one ("决策类指标由…"), a deeper one
   * for "“重点工作任务完成率”下设 4 个四级指标"; '' when the whole report.
   */
  subjectKey: string;
  counts: { level: IndicatorLevel; literal: NumberLiteral }[];
  sentence: TextSpan;
}

export interface Formula {
  /** The left-hand label, e.g. "资金到位率" (may be empty). */
  label: string;
  /** The arithmetic text as written (operands and operators). */
  expression: TextSpan;
  result: NumberLiteral;
  /**
   * The expression's exact value in the unit of `result` (×100 when the result is a percentage),
   * before rounding. Set whenever the expression evaluates (the recognizer only records formulas
   * whose expression is plain arithmetic).
   */
  value?: Decimal;
  /**
   * A weighted satisfaction formula "（12*100%+5*80%+5*60%）/22": the respondent counts with their
   * option weights and the divisor, so a rule can compare the counts with the survey table.
   */
  weighted?: { terms: { count: NumberLiteral; weight: NumberLiteral }[]; total: NumberLiteral };
  /**
   * A rate stated in words ("计划清运14.60万吨，实际清运14.82万吨，完成率101.15%"): the two figures
   * it divides. The expression is then not written: its text is built from them
   * ("14.82/14.60×100%") and its range spans them.
   */
  inWords?: { numerator: NumberLiteral; denominator: NumberLiteral; /** 计划, 预算, 目标, 任务, 指标值 (or 到位: a 执行率 of what arrived). */ plannedWord: string };
  /** Indicator the formula belongs to, when known. */
  subjectKey?: string;
  sentence: TextSpan;
}

/** A stated total with its parts: "共支出 120.50 万元，其中：60 万元用于…；60.50 万元用于…". */
export interface PartsClaim {
  total: NumberLiteral;
  parts: NumberLiteral[];
  sentence: TextSpan;
  /** "主要用于：…" may list the main parts only: parts that add up to less are a warning, not an error. */
  mainOnly?: boolean;
}

export type FactKind = 'date' | 'docNumber' | 'amount';

/** A fact that should read the same wherever it is cited. */
export interface Fact {
  kind: FactKind;
  /**
   * What the fact is about: the issuing prefix of a 文号 ("处非联函"); the event of a date ("支付",
   * "验收", "签订", "下达"…); the kind of an amount ("总投资" for 总投资/资金总额/预算总额, "共计" for
   * 共计/合计/总计, "预算共计", "支出共计" or "结余共计" when the clause says what they add up).
   */
  topic: string;
  /** Canonical form used to compare two citations: "处非联函〔2018〕12号", "2020-12-14", "10万元". */
  normalized: string;
  span: TextSpan;
  /** A 文号's document title cited right before it (《…》 without the brackets), when written. */
  title?: string;
}

export interface Annex {
  number: number;
  title: TextSpan;
  range: Range;
  /** What the title says the annex holds, on the same scale as AnnexReference.topic ('' when unknown). */
  topic?: string;
}

export interface AnnexReference {
  number: number;
  /**
   * What the sentence says is in the annex: 'survey' (问卷/调查/满意度), 'scoring' (评分/得分),
   * 'finance' (财务/资金/凭证), 'photos' (照片), or '' when the sentence does not say.
   */
  topic: string;
  span: TextSpan;
}

/**
 * A scoring rule parsed from a 评分标准 text.
 * - element: `elements` from ①②③… (else from the share); `shares` are fractions of the weight per
 *   element — explicit ("分别占30%、30%、40%" → 0.3, 0.3, 0.4) or the equal share repeated
 *   ("每条要素占权重分的25%" with ①–④ → 0.25 ×4), so Σshares ≠ 1 reveals an inconsistent text.
 *   `points` when every element carries its own fixed points ("①…,1分;②…,1分;③…,1分" → 1, 1, 1):
 *   an element met earns its points, so Σpoints ≠ the weight reveals an inconsistent text.
 * - per-point: `step` is the shortfall/excess that costs one `per` (percentage points, or 1
 *   occurrence); `per` is in points, except for 'weight-percent' where it is a percentage of the
 *   weight (5 = 5%); `threshold` (over-threshold) is the written bound ("≦100%" → 100).
 * - band: bounds are the values as written (90 for "≥90%"); "(含)" marks decide inclusivity per
 *   bound; without any mark the lower bound is inclusive and the upper one exclusive. `points` for
 *   "计4分"/"不得分" (0); `weightShare` as a fraction for "得权重分的50%".
 */
export type ScoringRule =
  | { kind: 'element'; elements: number; shares?: Decimal[]; points?: Decimal[]; text: TextSpan }
  | { kind: 'per-point'; family: 'points' | 'weight-percent' | 'over-threshold' | 'per-occurrence'; step: Decimal; per: Decimal; threshold?: Decimal; text: TextSpan }
  /** 得分 = 分值 × ratio; with a `target` ("≥5%得满分，未达到的按比例计分"): 分值 at or above it, 分值 × ratio / target below. */
  | { kind: 'ratio'; capped: boolean; target?: Decimal; text: TextSpan }
  | { kind: 'band'; bands: { low?: Decimal; lowInclusive: boolean; high?: Decimal; highInclusive: boolean; points?: Decimal; weightShare?: Decimal }[]; text: TextSpan };

export interface IndicatorRule {
  key: string;
  rule: ScoringRule;
}

// ---------------------------------------------------------------------------------------------
// Configuration written into the document

export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  rules: string[];
  range: Range;
}

export interface Notice {
  code: string;
  message: { zh: string; en: string };
  range?: Range;
}

export interface ReportModel {
  text: string;
  frontMatter?: { data: unknown; range: Range };
  headings: Heading[];
  paragraphs: Paragraph[];
  tables: Table[];
  indicatorTables: IndicatorTable[];
  summaryTables: SummaryTable[];
  gradeScales: GradeScale[];
  surveys: SurveyQuestion[];
  selfEvalTables: SelfEvalTable[];
  claims: Claim[];
  countClaims: CountClaim[];
  formulas: Formula[];
  partsClaims: PartsClaim[];
  facts: Fact[];
  annexes: Annex[];
  annexReferences: AnnexReference[];
  indicatorRules: IndicatorRule[];
  directives: Directive[];
  /** What the parser could not understand (never thrown). */
  notices: Notice[];
}
