/**
 * UTF-16 offsets → 1-based line and column as editors show them: lines end at \n, \r\n or \r,
 * and a column counts characters (a character outside the BMP is one column, not two).
 */
import type { Range } from '../core/model/types';
import type { Location } from './results';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    let column = 1;
    for (let i = this.starts[low]; i < clamped; i++) {
      const code = this.text.charCodeAt(i);
      // The low half of a surrogate pair is the same character as the high half before it.
      const lowSurrogate = code >= 0xdc00 && code <= 0xdfff && i > this.starts[low] && isHighSurrogate(this.text.charCodeAt(i - 1));
      if (!lowSurrogate) column++;
    }
    return { line: low + 1, column };
  }

  locate(range: Range): Location {
    const start = this.position(range.start);
    const end = this.position(range.end);
    return { start: range.start, end: range.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
