import { describe, expect, it } from 'vitest';
import { debounceDelay, MAX_DEBOUNCE_MS } from '../../server/src/lsp/checker';

describe('debounceDelay: when an edit is checked', () => {
  it('checks at once an edit that follows a pause longer than a check takes', () => {
    expect(debounceDelay({ sinceLastEdit: 2000, lastDuration: 40, busy: false })).toBe(0);
    expect(debounceDelay({ sinceLastEdit: Infinity, lastDuration: 0, busy: false })).toBe(0);
  });

  it('waits as long as a check takes inside a burst of edits', () => {
    expect(debounceDelay({ sinceLastEdit: 10, lastDuration: 40, busy: false })).toBe(40);
  });

  it('waits while a check is pending or running, even after a pause', () => {
    expect(debounceDelay({ sinceLastEdit: 2000, lastDuration: 40, busy: true })).toBe(40);
  });

  it('never waits longer than the cap, however slow the last check was', () => {
    expect(debounceDelay({ sinceLastEdit: 10, lastDuration: 900, busy: false })).toBe(MAX_DEBOUNCE_MS);
  });
});
