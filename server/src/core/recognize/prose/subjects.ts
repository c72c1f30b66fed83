/**
 * What a sentence speaks about: an indicator named in the sentence itself, else the indicator of
 * the section title it stands under. "该指标" ("this indicator") always means the section's one.
 */
import type { ClaimSubject, IndicatorLevel, Range, TextSpan } from '../../model/types';
import type { IndicatorIndex } from './indicatorNames';
import { findIndicatorIn, isUnder } from './indicatorNames';
import type { Sections } from './sections';
import { titleBefore } from './sections';

const DEICTIC = ['该指标', '此指标', '本指标', '该项指标', '该项', '该一级指标', '该二级指标', '该三级指标', '该四级指标'];

/** Does the sentence say "this indicator" (meaning the section's)? */
export function isDeictic(text: string): boolean {
  return DEICTIC.some((word) => text.includes(word));
}

export interface SubjectContext {
  index: IndicatorIndex;
  sections: Sections;
}

export interface SubjectOptions {
  /** Only look for a name from this document offset on (after the previous claim of the sentence). */
  from?: number;
  /** Only look for a name before this document offset (the claim itself usually comes after the name). */
  limit?: number;
  level?: IndicatorLevel;
}

export function sectionSubject(ctx: SubjectContext, offset: number, deictic: boolean): ClaimSubject | undefined {
  const title = titleBefore(ctx.sections, offset);
  if (!title) return undefined;
  if (title.indicator) return { kind: 'indicator', key: title.indicator.key, name: title.title, range: title.titleRange };
  // an unmatched title is an indicator only when the sentence says so ("该指标满分…")
  return deictic ? { kind: 'indicator', name: title.title, range: title.titleRange } : undefined;
}

export function resolveSubject(ctx: SubjectContext, sentence: TextSpan, options: SubjectOptions = {}): ClaimSubject | undefined {
  const deictic = isDeictic(sentence.text);
  if (!deictic) {
    const named = findIndicatorIn(ctx.index, sentence, { from: options.from, limit: options.limit, level: options.level });
    if (named) {
      // a bare word naming an ancestor of the section's indicator ("满意度=…" under 使用效果满意度) is not
      // the subject; a marked name ("决策类指标由…") is
      const section = named.marked ? undefined : sectionSubject(ctx, sentence.range.start, false);
      if (section?.kind === 'indicator' && section.key !== undefined && isUnder(section.key, named.indicator.key)) return section;
      return { kind: 'indicator', key: named.indicator.key, name: sentenceSlice(sentence, named.range), range: named.range };
    }
  }
  return sectionSubject(ctx, sentence.range.start, deictic);
}

function sentenceSlice(sentence: TextSpan, range: Range): string {
  return sentence.text.slice(range.start - sentence.range.start, range.end - sentence.range.start);
}
