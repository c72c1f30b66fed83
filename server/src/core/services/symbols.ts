/**
 * Document symbols for the Outline: the heading tree, and under the heading that holds it each
 * score table with its indicator tree (一级 → 四级), detailed "得分 17.08 / 20".
 */
import type { Heading, Range } from '../model/types';
import type { CheckResult } from '../engine/check';
import { scoreStructure, type ScoreNode, type ScoreTableNode } from './scoreStructure';
import { tr, type Lang } from './locale';

export type OutlineKind = 'heading' | 'table' | 'indicator';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export function outline(result: CheckResult, lang: Lang): OutlineSymbol[] {
  const { model } = result;
  const roots: OutlineSymbol[] = [];
  // open headings, outermost first, each with its depth
  const stack: { depth: number; symbol: OutlineSymbol }[] = [];
  const headings = [...model.headings].sort((a, b) => a.range.start - b.range.start);
  headings.forEach((heading, i) => {
    const symbol: OutlineSymbol = {
      name: heading.text.trim() || '#',
      kind: 'heading',
      range: { start: heading.range.start, end: sectionEnd(headings, i, model.text.length) },
      selectionRange: heading.range,
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].symbol.children : roots).push(symbol);
    stack.push({ depth: heading.depth, symbol });
  });
  for (const table of scoreStructure(result, lang)) {
    const symbol = tableSymbol(table, lang);
    const parent = innermost(roots, symbol.range.start);
    const siblings = parent ? parent.children : roots;
    siblings.push(symbol);
    siblings.sort((a, b) => a.range.start - b.range.start);
  }
  return roots;
}

/** A heading's section runs to the next heading of the same or a higher level. */
function sectionEnd(headings: readonly Heading[], i: number, textEnd: number): number {
  for (let j = i + 1; j < headings.length; j++) {
    if (headings[j].depth <= headings[i].depth) return headings[j].range.start;
  }
  return textEnd;
}

function innermost(symbols: readonly OutlineSymbol[], offset: number): OutlineSymbol | undefined {
  for (const symbol of symbols) {
    if (symbol.kind !== 'heading' || offset < symbol.range.start || offset >= symbol.range.end) continue;
    return innermost(symbol.children, offset) ?? symbol;
  }
  return undefined;
}

function scoreDetail(lang: Lang, score: string | undefined, weight: string | undefined): string | undefined {
  if (score !== undefined) return `${tr(lang, '得分', 'score')} ${score}${weight !== undefined ? ` / ${weight}` : ''}`;
  return weight !== undefined ? `${tr(lang, '分值', 'weight')} ${weight}` : undefined;
}

function tableSymbol(table: ScoreTableNode, lang: Lang): OutlineSymbol {
  return {
    name: table.title,
    detail: scoreDetail(lang, table.total ?? table.recomputed, table.weight),
    kind: 'table',
    range: table.range,
    selectionRange: table.range,
    children: table.children.map((node) => indicatorSymbol(node, lang)),
  };
}

function indicatorSymbol(node: ScoreNode, lang: Lang): OutlineSymbol {
  return {
    name: node.name,
    detail: scoreDetail(lang, node.score ?? node.recomputed, node.weight),
    kind: 'indicator',
    range: node.range,
    selectionRange: node.nameRange,
    children: node.children.map((child) => indicatorSymbol(child, lang)),
  };
}
