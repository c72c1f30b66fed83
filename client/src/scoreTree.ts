/**
 * The "评分结构" tree view in the explorer: each score table of the active report with its
 * indicator tree, written and recomputed values; a click reveals the indicator in the editor.
 */
import { EventEmitter, ThemeIcon, TreeItem, TreeItemCollapsibleState, window, type Disposable, type TreeDataProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  RevealRangeCommand, ScoreStructureRequest, type ScoreStructureParams, type ScoreStructureResult, type WireScoreNode, type WireScoreTable,
} from '../../server/src/lsp/protocol';
import { activeMarkdownUri } from './activeReport';
import { tr } from './lang';

export const SCORE_VIEW_ID = 'tallyScoreStructure';

type Node = { uri: string; table: WireScoreTable } | { uri: string; node: WireScoreNode };

function describeValues(score: string | undefined, weight: string | undefined, recomputed: string | undefined, consistent: boolean): string {
  const shown = score ?? recomputed;
  const base = shown === undefined ? (weight ? `${tr('分值', 'weight')} ${weight}` : '') : `${shown}${weight ? ` / ${weight}` : ''}`;
  return consistent || recomputed === undefined ? base : `${base} · ${tr('复算', 'recomputed')} ${recomputed}`;
}

export class ScoreTreeProvider implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private ticket = 0;

  constructor(private readonly client: LanguageClient) {}

  register(): Disposable {
    const view = window.createTreeView(SCORE_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    return { dispose: () => { view.dispose(); this.changed.dispose(); } };
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(parent?: Node): Promise<Node[]> {
    if (parent) {
      const children = 'table' in parent ? parent.table.children : parent.node.children;
      return children.map((node) => ({ uri: parent.uri, node }));
    }
    const ticket = ++this.ticket;
    const uri = activeMarkdownUri();
    if (!uri || !this.client.isRunning()) return [];
    try {
      const result = await this.client.sendRequest<ScoreStructureResult | null>(ScoreStructureRequest, { uri } satisfies ScoreStructureParams);
      if (ticket !== this.ticket || !result) return [];
      return result.tables.map((table) => ({ uri, table }));
    } catch {
      return [];
    }
  }

  getTreeItem(element: Node): TreeItem {
    const isTable = 'table' in element;
    const data = isTable ? element.table : element.node;
    const label = isTable ? element.table.title : element.node.name;
    const item = new TreeItem(label, data.children.length > 0 ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None);
    const score = isTable ? element.table.total : element.node.score;
    item.description = describeValues(score, data.weight, data.recomputed, data.consistent);
    item.iconPath = data.consistent ? new ThemeIcon(isTable ? 'table' : 'symbol-number') : new ThemeIcon('warning');
    if (!data.consistent && data.recomputed) item.tooltip = tr(`写为 ${score ?? '—'}，复算为 ${data.recomputed}`, `written ${score ?? '—'}, recomputed ${data.recomputed}`);
    item.command = { title: 'Tally', command: RevealRangeCommand, arguments: [element.uri, data.range] };
    return item;
  }
}
