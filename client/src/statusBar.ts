/**
 * Status bar item for the active Markdown report: "总分 95.18 · 优", with $(warning) when the total
 * or the grade disagrees with the recomputation. Hidden for anything that is not a report.
 */
import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportSummaryRequest, RevealRangeCommand, type ReportSummaryParams, type ReportSummaryResult } from '../../server/src/lsp/protocol';
import { activeMarkdownUri } from './activeReport';
import { tr } from './lang';

export class ReportStatus implements Disposable {
  private readonly item: StatusBarItem = window.createStatusBarItem('tally.reportSummary', StatusBarAlignment.Right, 100);
  /** Answers to older requests must not overwrite newer ones. */
  private ticket = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Tally';
  }

  async refresh(): Promise<void> {
    const ticket = ++this.ticket;
    const uri = activeMarkdownUri();
    if (!uri || !this.client.isRunning()) {
      this.item.hide();
      return;
    }
    let summary: ReportSummaryResult | null = null;
    try {
      summary = await this.client.sendRequest<ReportSummaryResult | null>(ReportSummaryRequest, { uri } satisfies ReportSummaryParams);
    } catch {
      summary = null;
    }
    if (ticket !== this.ticket) return;
    if (!summary || !summary.isReport || (summary.total === undefined && summary.recomputed === undefined)) {
      this.item.hide();
      return;
    }
    this.show(uri, summary);
  }

  private show(uri: string, summary: ReportSummaryResult): void {
    const total = summary.total ?? summary.recomputed ?? '';
    const grade = summary.grade ?? summary.expectedGrade;
    this.item.text = `${summary.consistent ? '' : '$(warning) '}${tr('总分', 'Total')} ${total}${grade ? ` · ${grade}` : ''}`;
    const lines = [tr(`报告所写总分：${summary.total ?? '—'}`, `Stated total: ${summary.total ?? '—'}`)];
    if (summary.recomputed) lines.push(tr(`一级指标得分之和：${summary.recomputed}`, `Sum of the level-1 scores: ${summary.recomputed}`));
    if (summary.expectedGrade) lines.push(tr(`按等级区间应为：${summary.expectedGrade}`, `Grade by the bands: ${summary.expectedGrade}`));
    this.item.tooltip = lines.join('\n');
    this.item.command = summary.totalRange ? { title: 'Tally', command: RevealRangeCommand, arguments: [uri, summary.totalRange] } : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
