/** The language of the client's own texts: tally.language, else VS Code's display language. */
import { env, workspace } from 'vscode';

export type Lang = 'zh' | 'en';

export function uiLang(): Lang {
  const setting = workspace.getConfiguration('tally').get<string>('language');
  if (setting === 'zh' || setting === 'en') return setting;
  return env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function tr(zh: string, en: string): string {
  return uiLang() === 'zh' ? zh : en;
}
