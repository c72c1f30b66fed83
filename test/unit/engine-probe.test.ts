import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildModel } from '../../server/src/core/model/build';
it('probe', () => {
  const m = buildModel(readFileSync(process.env.PROBE ?? '/tmp/probe/seedpart.md', 'utf8'));
  const lit = (l: any) => l ? `${l.text}@${l.range.start}` : '-';
  for (const t of m.indicatorTables) {
    console.log('TABLE', t.tableIndex, t.caption?.text, 'depth', t.depth, 'annex', t.annex, t.columns.map((c) => `${c.role}${c.level ?? ''}`).join(','));
    for (const i of t.indicators) console.log(' ', i.level, i.key, 'w', lit(i.weight), 'parts', i.weightParts.map(lit).join('+'), 'd', lit(i.deduction), 's', lit(i.score), 'r', lit(i.rate), 'children', i.children.length, 'rows', i.rows.start, i.rows.end);
    for (const r of t.totals) console.log('  TOTAL', r.label.text, r.weights.map(lit).join(' '), 'd', lit(r.deduction), 's', lit(r.score), 'r', lit(r.rate));
  }
  console.log('SUMMARY', JSON.stringify(m.summaryTables.map((s) => ({ t: s.tableIndex, e: s.entries.map((e) => [e.name.text, e.key, e.weight?.text, e.score?.text, e.rate?.text]), total: [s.total?.name.text, s.total?.weight?.text, s.total?.score?.text, s.total?.rate?.text] }))));
  console.log('GRADES', JSON.stringify(m.gradeScales.map((g) => ({ src: g.source, bands: g.bands.map((b) => [b.label.text, b.low?.text, b.lowInclusive, b.high?.text, b.highInclusive]) }))));
  console.log('CLAIMS', m.claims.map((c) => `${c.field}:${c.subject.kind === 'report' ? 'REPORT' : c.subject.key ?? '?' + c.subject.name}=${c.literal?.text ?? c.label?.text}`).join(' | '));
  console.log('COUNTS', JSON.stringify(m.countClaims.map((c) => [c.subjectKey, c.counts.map((x) => `${x.level}:${x.literal.text}`)])));
  console.log('TABLES', m.tables.map((t) => `${t.index}:${t.caption?.text}`).join(' | '));
  console.log('NOTICES', JSON.stringify(m.notices.map((n) => n.code + ' ' + n.message.en)));
});
