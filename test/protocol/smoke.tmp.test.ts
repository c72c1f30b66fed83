import { describe, it } from 'vitest';
import { initialize, sample, startServer, textOf } from './client';
describe('smoke', () => {
  it('runs', async () => {
    const s = startServer();
    await initialize(s, false);
    const { uri, text } = sample('seed-report.md');
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const p = await s.waitForDiagnostics(uri);
    for (const d of p.diagnostics) console.log(d.code, d.range.start.line, JSON.stringify(textOf(text, d.range)).slice(0, 40), d.message.slice(0, 100));
    console.log(s.logs.join('\n'));
    await s.stop();
  });
});
