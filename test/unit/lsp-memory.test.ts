import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_COLLECTION_MS, IdleCollector } from '../../server/src/lsp/memory';

describe('IdleCollector', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects (twice: the second releases what the first emptied) once the server has been quiet for a moment since the last work', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const collector = new IdleCollector(collect);
    collector.afterWork();
    vi.advanceTimersByTime(IDLE_COLLECTION_MS - 1);
    collector.afterWork(); // more work: the quiet period starts again
    vi.advanceTimersByTime(IDLE_COLLECTION_MS - 1);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10 * IDLE_COLLECTION_MS);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('does nothing without a collector (Node started without --expose-gc) and after dispose', () => {
    vi.useFakeTimers();
    new IdleCollector(undefined).afterWork();
    const collect = vi.fn();
    const collector = new IdleCollector(collect);
    collector.afterWork();
    collector.dispose();
    vi.advanceTimersByTime(10 * IDLE_COLLECTION_MS);
    expect(collect).not.toHaveBeenCalled();
  });
});
