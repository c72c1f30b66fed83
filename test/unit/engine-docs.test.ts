import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs, RULE_DOCS_PATH } from '../../scripts/gen-rule-docs';
import { rules } from '../../server/src/core/rules';

describe('rule registry and docs', () => {
  it('docs/rules.md matches the rule metadata (run `npm run docs:rules`)', () => {
    expect(readFileSync(RULE_DOCS_PATH, 'utf8')).toBe(renderRuleDocs());
  });

  it('has unique ids and complete bilingual docs', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const text of [rule.description, rule.docs.what, rule.docs.why, rule.docs.fix]) {
        expect(text.zh.length, rule.id).toBeGreaterThan(0);
        expect(text.en.length, rule.id).toBeGreaterThan(0);
      }
      expect(rule.docs.example.length, rule.id).toBeGreaterThan(0);
    }
  });
});
