/**
 * In-document directives written as HTML comments:
 * `<!-- tally-disable-next-line rule-a rule-b -->`, `<!-- tally-disable rule-id -->`, `<!-- tally-enable -->`.
 * No rule ids means every rule.
 */
import type { Directive } from '../model/types';

const KINDS: Record<string, Directive['kind']> = {
  'tally-disable-next-line': 'disable-next-line',
  'tally-disable': 'disable',
  'tally-enable': 'enable',
};

/** Directives in an HTML node's source `html` that starts at document offset `base`. */
export function readDirectives(html: string, base: number): Directive[] {
  const found: Directive[] = [];
  let from = 0;
  for (;;) {
    const open = html.indexOf('<!--', from);
    if (open < 0) break;
    const close = html.indexOf('-->', open + 4);
    const end = close < 0 ? html.length : close + 3;
    const body = html.slice(open + 4, close < 0 ? html.length : close).trim();
    const [head, ...rest] = body.split(/[\s,，]+/u).filter((t) => t !== '');
    const kind = head ? KINDS[head] : undefined;
    if (kind) found.push({ kind, rules: rest, range: { start: base + open, end: base + end } });
    from = end;
  }
  return found;
}
