/**
 * fast-check generator of consistent indicator-table reports: a random tree of 2–4 levels whose
 * level-1 weights sum to 100, leaf scores within their weights, one section table per level-1 with
 * its 合计 row, a transposed 得分表 with 得分率, and a grade sentence matching the default bands.
 * Every number's range is recorded so tests can mutate one and expect a finding over it.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';

export interface Node {
  name: string;
  weight: number;
  children: Node[];
  /** Leaf score in cents. */
  scoreCents: number;
}

export interface Placed {
  kind: 'leaf-score' | 'leaf-weight' | 'total-score' | 'total-weight' | 'summary-weight' | 'summary-score' | 'summary-rate' | 'report-total';
  start: number;
  end: number;
}

export interface GeneratedReport {
  text: string;
  numbers: Placed[];
}

const LEVEL_ONE = ['决策', '过程', '产出', '效益'];
const SPLITS: number[][] = [[20, 20, 40, 20], [15, 25, 30, 30], [30, 70], [50, 50], [10, 50, 30, 10], [40, 60], [20, 30, 50]];

function splitArb(total: number, parts: number): fc.Arbitrary<number[]> {
  if (parts <= 1 || total < parts) return fc.constant([total]);
  return fc.uniqueArray(fc.integer({ min: 1, max: total - 1 }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), total];
    return sorted.slice(1).map((value, i) => value - sorted[i]);
  });
}

function nodeArb(name: string, weight: number, levelsLeft: number): fc.Arbitrary<Node> {
  if (levelsLeft === 0) return fc.integer({ min: 0, max: weight * 100 }).map((scoreCents) => ({ name, weight, children: [], scoreCents }));
  return fc
    .integer({ min: 1, max: 3 })
    .chain((count) => splitArb(weight, count))
    .chain((weights) => fc.tuple(...weights.map((w, i) => nodeArb(`${name}指标${i + 1}`, w, levelsLeft - 1))))
    .map((children) => ({ name, weight, children, scoreCents: 0 }));
}

export const treeArb: fc.Arbitrary<{ depth: number; roots: Node[] }> = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.constantFrom(...SPLITS))
  .chain(([depth, split]) => fc.tuple(fc.constant(depth), fc.tuple(...split.map((w, i) => nodeArb(LEVEL_ONE[i] ?? `指标${i}`, w, depth - 1)))))
  .map(([depth, roots]) => ({ depth, roots }));

function scoreOf(node: Node): number {
  return node.children.length === 0 ? node.scoreCents : node.children.reduce((sum, child) => sum + scoreOf(child), 0);
}

function fmt(cents: number): string {
  return new Decimal(cents).div(100).toString();
}

function leaves(node: Node, path: Node[] = []): Node[][] {
  const here = [...path, node];
  return node.children.length === 0 ? [here] : node.children.flatMap((child) => leaves(child, here));
}

const GRADES: [number, string][] = [[9000, '优'], [8000, '良'], [6000, '中'], [0, '差']];

/** Builds the Markdown while recording where each number lands. */
class Writer {
  text = '';
  numbers: Placed[] = [];
  put(value: string, kind?: Placed['kind']): void {
    if (kind) this.numbers.push({ kind, start: this.text.length, end: this.text.length + value.length });
    this.text += value;
  }
}

export function render(tree: { depth: number; roots: Node[] }): GeneratedReport {
  const w = new Writer();
  w.put('# 绩效评价报告\n\n## 三、绩效评价分析\n\n');
  tree.roots.forEach((root, index) => {
    w.put(`表 3-${index + 1} 项目${root.name}类指标及分值\n\n`);
    const header: string[] = [];
    for (let level = 1; level <= tree.depth; level++) header.push(`${'一二三四'[level - 1]}级指标`, '分值');
    w.put(`| ${[...header, '得分'].join(' | ')} |\n| ${[...header, '得分'].map(() => '---').join(' | ')} |\n`);
    const seen = new Set<Node>();
    for (const path of leaves(root)) {
      w.put('|');
      path.forEach((node, level) => {
        const first = !seen.has(node);
        seen.add(node);
        w.put(` ${first ? node.name : ''} | `);
        if (first) w.put(String(node.weight), level === path.length - 1 ? 'leaf-weight' : undefined);
        w.put(' |');
      });
      w.put(' ');
      w.put(fmt(path[path.length - 1].scoreCents), 'leaf-score');
      w.put(' |\n');
    }
    w.put('| 合计 |');
    for (let level = 1; level <= tree.depth; level++) {
      if (level > 1) w.put(' |');
      w.put(' ');
      w.put(String(root.weight), 'total-weight');
      w.put(' |');
    }
    w.put(' ');
    w.put(fmt(scoreOf(root)), 'total-score');
    w.put(' |\n\n');
  });
  const total = tree.roots.reduce((sum, root) => sum + scoreOf(root), 0);
  w.put('## 四、综合评价情况及评价结论\n\n项目得分表\n\n');
  w.put(`| 指标 | ${tree.roots.map((root) => `项目${root.name}`).join(' | ')} | 合计分值 |\n`);
  w.put(`| --- | ${tree.roots.map(() => '---').join(' | ')} | --- |\n`);
  const row = (label: string, values: string[], kind: Placed['kind'], suffix = '') => {
    w.put(`| ${label} |`);
    values.forEach((value, i) => {
      w.put(' ');
      w.put(value, i < values.length - 1 ? kind : kind === 'summary-score' ? 'report-total' : kind);
      w.put(`${suffix} |`);
    });
    w.put('\n');
  };
  row('权重', [...tree.roots.map((root) => String(root.weight)), '100'], 'summary-weight');
  row('分值', [...tree.roots.map((root) => fmt(scoreOf(root))), fmt(total)], 'summary-score');
  const rate = (cents: number, weight: number) => new Decimal(cents).div(weight).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
  row('得分率', [...tree.roots.map((root) => rate(scoreOf(root), root.weight)), rate(total, 100)], 'summary-rate', '%');
  const grade = GRADES.find(([min]) => total >= min)![1];
  w.put(`\n最终评分结果为：总分 `);
  w.put(fmt(total), 'report-total');
  w.put(` 分，绩效评级为“${grade}”。\n`);
  return { text: w.text, numbers: w.numbers };
}
