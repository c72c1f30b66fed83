/** Which line above a table names it: "表 3-1 项目决策指标及分值", "附件 1：项目评分情况表", "…项目得分表". */

const MAX_CAPTION_LENGTH = 80;

/** Does this (plain, trimmed) line read like a table caption? */
export function looksLikeCaption(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_CAPTION_LENGTH) return false;
  if (/^(表|附表|附件)/u.test(text)) return true;
  // a 问卷星 question line names the result table below it
  if (/\[(单选题|多选题|填空题|量表题|排序题|矩阵[^\]]{0,6})\]\s*\*?$/u.test(text)) return true;
  // "…自评表（2023 年度）", "…评分表(单位：万元)": a bracketed note may follow the name
  return /表(?:[（(][^（()）]*[)）])?$/u.test(text);
}
