/**
 * Applying fixes: the ONE function behind the editor's quick fix, "fix all", the CLI's --fix
 * and the tests, so that every host changes the text the same way. (`fixAll` in fixAll.ts
 * repeats check → preferred fixes → applyFixes until the text is stable.)
 */
import type { TextEdit } from './types';

export class OverlappingEditsError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(
      `Overlapping edits: [${first.range.start},${first.range.end}) → ${JSON.stringify(first.newText)} and ` +
        `[${second.range.start},${second.range.end}) → ${JSON.stringify(second.newText)}`,
    );
    this.name = 'OverlappingEditsError';
  }
}

export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
}

/**
 * Two edits overlap when their ranges share a character, or when both insert at the same point
 * (their order would be arbitrary). Touching ranges ([1,3) and [3,5)) do not overlap.
 */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start && (a.range.start === a.range.end || b.range.start === b.range.end)) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** Sort edits, merge identical duplicates, throw on overlaps. */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = out[out.length - 1];
    if (previous && sameEdit(previous, edit)) continue;
    if (previous && editsOverlap(previous, edit)) throw new OverlappingEditsError(previous, edit);
    out.push(edit);
  }
  return out;
}

/** Apply non-overlapping edits (offsets refer to the original `text`). */
export function applyFixes(text: string, edits: readonly TextEdit[]): string {
  const ordered = normalizeEdits(edits);
  let out = '';
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.range.start < 0 || edit.range.end > text.length || edit.range.start > edit.range.end) {
      throw new RangeError(`Edit range [${edit.range.start},${edit.range.end}) is outside the text (length ${text.length})`);
    }
    out += text.slice(cursor, edit.range.start) + edit.newText;
    cursor = edit.range.end;
  }
  return out + text.slice(cursor);
}
