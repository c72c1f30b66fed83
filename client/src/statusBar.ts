/**
 * Status bar item for the active Markdown report: "总分 95.18 · 优", with $(warning) when the total
 * or the grade disagrees with the recomputation; for a report of several projects "3 个项目", each
 * project in the tooltip. Hidden for anything that is not a report.
 */
import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportSummaryRequest, RevealRangeCommand, type ProjectSummaryResult, type ReportSummaryParams, type ReportSummaryResult } from '../../server/src/lsp/protocol';
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
    if (!summary || !summary.isReport) {
      this.item.hide();
      return;
    }
    if (summary.projects && summary.projects.length > 0) this.showProjects(uri, summary.projects);
    else if (summary.total !== undefined || summary.recomputed !== undefined) this.show(uri, summary);
    else this.item.hide();
  }

  /** A report of several projects: "3 个项目 · 1 个不一致", one line per project in the tooltip. */
  private showProjects(uri: string, projects: readonly ProjectSummaryResult[]): void {
    const wrong = projects.filter((project) => !project.consistent);
    this.item.text = `${wrong.length > 0 ? '$(warning) ' : ''}${tr(`${projects.length} 个项目`, `${projects.length} projects`)}${wrong.length > 0 ? tr(` · ${wrong.length} 个不一致`, ` · ${wrong.length} inconsistent`) : ''}`;
    this.item.tooltip = projects
      .map((project) => {
        const total = project.total ?? project.recomputed ?? '—';
        const grade = project.grade ?? project.expectedGrade;
        const expected = !project.consistent && project.expectedGrade && project.expectedGrade !== project.grade ? tr(`（按等级区间应为 ${project.expectedGrade}）`, ` (by the bands: ${project.expectedGrade})`) : '';
        const sum = !project.consistent && project.recomputed && project.recomputed !== project.total ? tr(`（得分之和 ${project.recomputed}）`, ` (scores add up to ${project.recomputed})`) : '';
        return `${project.title}：${tr('总分', 'total')} ${total}${sum}${grade ? ` · ${grade}` : ''}${expected}`;
      })
      .join('\n');
    const target = (wrong[0] ?? projects[0]).totalRange;
    this.item.command = target ? { title: 'Tally', command: RevealRangeCommand, arguments: [uri, target] } : undefined;
    this.item.show();
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
