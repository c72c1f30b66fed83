import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildModel } from '../../server/src/core/model/build';
it('probe', () => {
  for (const f of ['seed-report.md']) {
    const m = buildModel(readFileSync(`/work/main/samples/${f}`, 'utf8'));
    const s = (c: { subject: unknown }) => JSON.stringify(c.subject).slice(0, 90);
    console.log(f, 'indicatorTables', m.indicatorTables.length, m.indicatorTables.map((t) => t.indicators.length));
    for (const c of m.claims) console.log('CLAIM', c.field, c.literal?.text ?? c.label?.text, s(c));
    for (const c of m.countClaims) console.log('COUNT', c.subjectKey, c.counts.map((n) => `${n.level}:${n.literal.text}`).join(','));
    for (const c of m.formulas) console.log('FORM', c.label, c.expression.text, '=', c.result.text, c.value?.toFixed(4), c.subjectKey, c.weighted ? 'W' : '');
    for (const c of m.partsClaims) console.log('PARTS', c.total.text, c.parts.map((p) => p.text));
    for (const c of m.facts) console.log('FACT', c.kind, c.topic, c.normalized, JSON.stringify(c.span.text), c.title ?? '');
    for (const c of m.annexes) console.log('ANNEX', c.number, c.title.text, c.topic);
    for (const c of m.annexReferences) console.log('AREF', c.number, c.topic, c.span.text);
    for (const r of m.indicatorRules) console.log('RULE', r.key, r.rule.kind, 'family' in r.rule ? r.rule.family : '', JSON.stringify(r.rule, (k, v) => (k === 'text' ? undefined : v)));
    console.log('NOTICES', JSON.stringify(m.notices).slice(0, 500));
  }
});
