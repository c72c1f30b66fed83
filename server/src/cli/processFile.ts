/**
 * Checking (and fixing) one file: read → check → (fix → write) → locate. Runs the same in a
 * worker thread and in-process; it reports problems as notices and never throws.
 */
import { checkReport } from '../core/engine/check';
import { fixAll } from '../core/engine/fixAll';
import { writeIfUnchanged } from './atomicWrite';
import { changedLines, unifiedDiff } from './diff';
import { reasonOf } from './i18n';
import { locateFindings } from './locate';
import { encode, readInput } from './readInput';
import type { FileNotice, FileResult, FileTask, FixReport } from './results';

function failure(task: FileTask, notice: FileNotice): FileResult {
  return { path: task.path, display: task.display, language: 'zh', findings: [], notices: [notice] };
}

export function processFile(task: FileTask): FileResult {
  try {
    return checkFile(task);
  } catch (error) {
    const reason = reasonOf(error);
    return failure(task, { level: 'failure', message: { zh: `内部错误：${reason}`, en: `Internal error: ${reason}` } });
  }
}

function checkFile(task: FileTask): FileResult {
  const input = readInput(task.path);
  if (!input.ok) return failure(task, { level: 'failure', message: input.reason });
  const notices: FileNotice[] = [];
  if (input.invalidUtf8) {
    notices.push({
      level: 'warning',
      message: { zh: '文件含无效的 UTF-8 字节，已按替换字符（�）读取。', en: 'The file contains invalid UTF-8; those bytes were read as replacement characters (�).' },
    });
  }
  const options = { layers: task.layers };
  let text = input.text;
  let fix: FixReport | undefined;
  if (task.fix !== 'none') {
    if (input.invalidUtf8) {
      notices.push({ level: 'warning', message: { zh: '含无效 UTF-8 的文件不自动修复。', en: 'Files with invalid UTF-8 are not fixed.' } });
    } else {
      const fixed = fixAll(text, options);
      fix = { applied: fixed.applied, lines: changedLines(text, fixed.text), written: false };
      if (task.fix === 'dry-run') {
        fix.diff = unifiedDiff(text, fixed.text, task.display);
        text = fixed.text;
      } else if (fixed.text !== text) {
        if (writeIfUnchanged(task.path, input.bytes, encode(fixed.text, input.bom)) === 'written') {
          fix.written = true;
          text = fixed.text;
        } else {
          notices.push({
            level: 'failure',
            message: { zh: '文件在检查期间被修改，未写入修复。', en: 'The file changed while it was being checked; fixes were not written.' },
          });
        }
      }
    }
  }
  const result = checkReport(text, options);
  return {
    path: task.path,
    display: task.display,
    language: result.config.language,
    findings: locateFindings(text, result.findings),
    notices,
    ...(fix ? { fix } : {}),
  };
}
