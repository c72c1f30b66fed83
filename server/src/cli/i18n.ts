/**
 * The CLI's own words (usage errors, summaries) are zh-CN first, English with `--lang en`,
 * like the core's messages.
 */
import type { Localized } from '../core/engine/types';

export type Lang = 'zh' | 'en';

export function pick(lang: Lang, text: Localized): string {
  return text[lang];
}

/** A failure of the tool itself (bad arguments, unreadable path, bad config): exit code 2, one line on stderr. */
export class CliError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'CliError';
  }
}

/** The one-line reason of an unexpected error, never its stack. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}
