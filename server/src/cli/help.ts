/** `tally --help`, in Chinese by default and in English with --lang en. */
import type { Lang } from './i18n';

const ZH = `Tally — 绩效评价报告评分校验

用法：
  tally check <文件|文件夹|通配符…> [选项]   检查报告（文件夹中只查 .md/.markdown，遵循 .gitignore）
  tally model <文件> [--json]               显示 Tally 对报告的理解（--json：完整模型）
  tally rules                               列出规则（id、默认级别、说明）
  tally explain <规则id>                    规则说明：检查什么、为什么、示例、如何修复
  tally --version | --help

check 选项：
  -f, --format <text|json|sarif>   输出格式（默认 text；json 见 docs/cli.md；sarif 为 SARIF 2.1.0）
      --fix                        就地应用首选修复（原子写入；文件在检查期间被改动则不写）
      --fix-dry-run                只输出修复的统一 diff，不写文件
  -c, --config <文件>              额外的配置文件（叠加在 .tallyrc.json 之上）
      --rule <规则id=级别>         设置规则级别：off|info|warning|error（可重复）
      --max-warnings <N>           警告超过 N 个时退出码为 1
  -q, --quiet                      只报告错误
  -j, --jobs <N>                   并行检查的线程数（默认为 CPU 核数减一；1 = 不用工作线程）
      --no-color                   不使用颜色（也可设置 NO_COLOR；FORCE_COLOR 强制使用）
      --lang <zh|en>               提示语言（默认中文，或报告配置中的 language）

配置：从文件系统根目录到报告所在文件夹的每个 .tallyrc.json（"root": true 停止向上查找），
      以及报告的 front matter（tally: …）和行内注释 <!-- tally-disable … -->。

退出码：0 无错误；1 有错误（或警告超过 --max-warnings）；2 工具本身出错（参数、路径、配置）。

English: tally --help --lang en
`;

const EN = `Tally — checks the score tables and claims of Chinese performance-evaluation reports

Usage:
  tally check <files|folders|globs…> [options]   check reports (folders: .md/.markdown, .gitignore respected)
  tally model <file> [--json]                    show what Tally understood (--json: the whole model)
  tally rules                                    list the rules (id, default severity, description)
  tally explain <rule-id>                        what a rule checks, why, an example, the fix
  tally --version | --help

check options:
  -f, --format <text|json|sarif>   output format (default text; json: see docs/cli.md; sarif: SARIF 2.1.0)
      --fix                        apply preferred fixes in place (atomic; skipped if the file changed meanwhile)
      --fix-dry-run                print the fixes as a unified diff, write nothing
  -c, --config <file>              an extra configuration file (over the .tallyrc.json files)
      --rule <rule-id=severity>    set a rule's severity: off|info|warning|error (repeatable)
      --max-warnings <N>           exit 1 when there are more than N warnings
  -q, --quiet                      report errors only
  -j, --jobs <N>                   threads checking files (default: CPU cores minus one; 1 = no worker threads)
      --no-color                   no colours (NO_COLOR too; FORCE_COLOR forces them)
      --lang <zh|en>               message language (default Chinese, or the report's configured language)

Configuration: every .tallyrc.json from the filesystem root down to the report's folder ("root": true
stops the search), the report's front matter (tally: …) and inline <!-- tally-disable … --> comments.

Exit codes: 0 no errors; 1 errors (or warnings over --max-warnings); 2 the tool failed (arguments, paths, configuration).
`;

export function usage(lang: Lang): string {
  return lang === 'zh' ? ZH : EN;
}
