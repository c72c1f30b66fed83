/**
 * Display language of editor texts. Every user-facing string is written in zh-CN and en; the
 * host decides which one to show (client locale, setting, front matter).
 */
import type { Localized } from '../engine/types';

export type Lang = 'zh' | 'en';

export function pick(text: Localized, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}

/** Inline bilingual text: `tr(lang, '得分', 'score')`. */
export function tr(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/** zh for any Chinese locale ("zh", "zh-cn", "zh-TW"), else en. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale !== undefined && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const PLANNED_WORDS: Record<string, string> = { 计划: 'planned', 预算: 'budget', 目标: 'target', 任务: 'task', 指标值: 'target', 到位: 'received' };

/** The English of the word a rate stated in words divides by (Formula.inWords.plannedWord). */
export function plannedWordEn(word: string): string {
  return PLANNED_WORDS[word] ?? 'planned';
}
