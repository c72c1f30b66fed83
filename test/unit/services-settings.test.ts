/**
 * The `tally` settings section as a configuration layer: only what the user set counts, grade
 * bands and labels pair up by position, and the layer merges like the CLI's (rc → settings → front matter).
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/core/engine/config';
import { langOfLocale } from '../../server/src/core/services/locale';
import { inlayHintsEnabled, localeLayer, settingsLayer } from '../../server/src/lsp/settings';

describe('settings layer', () => {
  it('adds nothing for settings left at their defaults', () => {
    expect(settingsLayer({ rules: {}, grade: { bands: [], labels: [] }, decimals: null, tolerance: null, satisfactionWeights: {}, language: 'auto', maxDocumentSize: null })).toBeUndefined();
    expect(settingsLayer(undefined)).toBeUndefined();
  });

  it('passes set values through and pairs grade labels with the default bounds', () => {
    const layer = settingsLayer({ rules: { 'score-sum': 'warning' }, grade: { labels: ['优秀', '良好', '合格', '不合格'] }, decimals: 3, language: 'en' })!;
    expect(layer.source).toBe('settings');
    const { config, problems } = resolveConfig([layer]);
    expect(problems).toEqual([]);
    expect(config.rules['score-sum']).toBe('warning');
    expect(config.decimals).toBe(3);
    expect(config.language).toBe('en');
    expect(config.gradeBands.map((band) => [band.label, band.min])).toEqual([['优秀', 90], ['良好', 80], ['合格', 60], ['不合格', 0]]);
    expect(config.gradeBands[0].synonyms).toContain('优');
  });

  it('pairs custom bounds with the default labels', () => {
    const { config } = resolveConfig([settingsLayer({ grade: { bands: [85, 70, 0] } })!]);
    expect(config.gradeBands.map((band) => [band.label, band.min])).toEqual([['优', 85], ['良', 70], ['中', 0]]);
  });

  it('overrides an rc file but not the layers after it; the client locale is the outermost layer', () => {
    const rc = { source: '/x/.tallyrc.json', data: { decimals: 1, tolerance: 0.02, language: 'zh' } };
    const { config } = resolveConfig([localeLayer('en'), rc, settingsLayer({ decimals: 4 })!, { source: 'front matter', data: { decimals: 2 } }]);
    expect(config).toMatchObject({ decimals: 2, tolerance: '0.02', language: 'zh' });
  });

  it('reads the inlay hint switch and the locale', () => {
    expect(inlayHintsEnabled({ inlayHints: { enabled: true } })).toBe(true);
    expect(inlayHintsEnabled({})).toBe(false);
    expect(langOfLocale('zh-cn')).toBe('zh');
    expect(langOfLocale('zh-TW')).toBe('zh');
    expect(langOfLocale('en')).toBe('en');
    expect(langOfLocale(undefined)).toBe('en');
  });
});
