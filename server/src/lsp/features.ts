/**
 * Editor features over a checked document: the pure services' results (offsets) turned into LSP
 * shapes with the snapshot the check ran on.
 */
import {
  MarkupKind, SymbolKind, type CodeLens, type DocumentSymbol, type Hover, type InlayHint, type Position, type Range as LspRange,
} from 'vscode-languageserver/node';
import { scoreLenses } from '../core/services/codeLens';
import { hoverAt } from '../core/services/hover';
import { valueHints } from '../core/services/inlayHints';
import { scoreStructure, type ScoreNode, type ScoreTableNode } from '../core/services/scoreStructure';
import { reportSummary, type ReportSummary } from '../core/services/summary';
import { outline, type OutlineKind, type OutlineSymbol } from '../core/services/symbols';
import type { Checked } from './checker';
import { toLspRange, toOffsets } from './convert';
import { RevealRangeCommand, type ReportSummaryResult, type ScoreStructureResult, type WireScoreNode, type WireScoreTable, type WireSummary } from './protocol';

export function hover(checked: Checked, position: Position): Hover | null {
  const found = hoverAt(checked.result, checked.snapshot.offsetAt(position), checked.lang);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toLspRange(checked.snapshot, found.range) };
}

export function codeLenses(checked: Checked): CodeLens[] {
  return scoreLenses(checked.result, checked.lang).map((lens) => ({
    range: toLspRange(checked.snapshot, lens.range),
    command: { title: lens.title, command: RevealRangeCommand, arguments: [checked.uri, toLspRange(checked.snapshot, lens.target)] },
  }));
}

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  heading: SymbolKind.String,
  table: SymbolKind.Struct,
  indicator: SymbolKind.Field,
};

function toSymbol(checked: Checked, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: toLspRange(checked.snapshot, symbol.range),
    selectionRange: toLspRange(checked.snapshot, symbol.selectionRange),
    children: symbol.children.map((child) => toSymbol(checked, child)),
  };
}

export function documentSymbols(checked: Checked): DocumentSymbol[] {
  return outline(checked.result, checked.lang).map((symbol) => toSymbol(checked, symbol));
}

export function inlayHints(checked: Checked, range: LspRange): InlayHint[] {
  return valueHints(checked.result, checked.lang, toOffsets(checked.snapshot, range)).map((hint) => ({
    position: checked.snapshot.positionAt(hint.offset),
    label: hint.label,
    tooltip: hint.tooltip,
    paddingLeft: true,
  }));
}

function wireNode(checked: Checked, node: ScoreNode): WireScoreNode {
  return {
    key: node.key,
    name: node.name,
    level: node.level,
    weight: node.weight,
    score: node.score,
    recomputed: node.recomputed,
    consistent: node.consistent,
    range: toLspRange(checked.snapshot, node.nameRange),
    children: node.children.map((child) => wireNode(checked, child)),
  };
}

function wireTable(checked: Checked, table: ScoreTableNode): WireScoreTable {
  return {
    title: table.title,
    annex: table.annex,
    range: toLspRange(checked.snapshot, table.range),
    total: table.total,
    weight: table.weight,
    recomputed: table.recomputed,
    consistent: table.consistent,
    children: table.children.map((node) => wireNode(checked, node)),
  };
}

export function structureOf(checked: Checked): ScoreStructureResult {
  return { uri: checked.uri, version: checked.version, tables: scoreStructure(checked.result, checked.lang).map((table) => wireTable(checked, table)) };
}

function wireSummary(checked: Checked, summary: Omit<ReportSummary, 'isReport' | 'projects'>): WireSummary {
  return {
    total: summary.total,
    recomputed: summary.recomputed,
    grade: summary.grade,
    expectedGrade: summary.expectedGrade,
    consistent: summary.consistent,
    totalRange: summary.totalRange && toLspRange(checked.snapshot, summary.totalRange),
  };
}

export function summaryOf(checked: Checked): ReportSummaryResult {
  const summary = reportSummary(checked.result);
  return {
    uri: checked.uri,
    version: checked.version,
    isReport: summary.isReport,
    ...wireSummary(checked, summary),
    projects: summary.projects?.map((project) => ({ title: project.title, ...wireSummary(checked, project) })),
  };
}
