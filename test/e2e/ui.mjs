// UI test of the packaged extension as a user meets it: dist/tally.vsix installed into code-server
// with --install-extension, samples/seed-report.md opened in headless Debian Chromium (playwright-core).
// Checks, in one page session:
//   squiggle    a diagnostic decoration on 表 3-4's 合计 row (the 18.73 line)
//   problems    the Problems panel lists a score-sum entry
//   hover       hovering the 18.73 shows the rows' sum 18.72
//   statusbar   the status bar shows the report's total (95.18)
//   quickfix    Ctrl+. on 18.73 offers a fix to 18.72; applying it and saving changes the file on disk
//   outline     the Outline view shows 项目决策 / 项目过程 / 项目产出 / 项目效益
//   projects    with multi-project-report.md open, the status bar counts 3 projects, 1 inconsistent,
//               and its tooltip gives each project's total
// Screenshots go to .ci/artifacts/ui-*.png; those of passing checks are copied to docs/images/
// (problems.png, hover.png, quickfix.png, outline.png).
// Usage: npm run package && node test/e2e/ui.mjs   (after bash test/e2e/setup.sh)
// Env: TALLY_VSIX (default dist/tally.vsix), TALLY_E2E_KEEP=1.  Prints `ui: N passed, M failed`.
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, ROOT, log, seconds, makeScratch, prepareWorkspace, startCodeServer, codeServerCli, launchChromium, requireInstalled, tail } from './lib/harness.mjs';

const SEED = 'seed-report.md';
const MULTI = 'multi-project-report.md';
const VSIX = path.resolve(process.env.TALLY_VSIX || path.join(ROOT, 'dist', 'tally.vsix'));
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
const t0 = Date.now();
const results = [];

/** Line (1-based) and column (1-based, UTF-16) of the 18.73 on 表 3-4's 合计 row, found by text. */
function locateTotal(text) {
  const lines = text.split(/\r?\n/);
  const isRow = (l) => /^\s*\|/.test(l);
  for (let i = 0; i < lines.length; i++) {
    if (isRow(lines[i]) || !/表\s*3\s*[-－—–]\s*4(?![0-9])/.test(lines[i])) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    if (j >= lines.length || !isRow(lines[j])) continue;
    for (; j < lines.length && isRow(lines[j]); j++) {
      const m = /(?<![0-9.])18\.73(?![0-9])/.exec(lines[j]);
      if (lines[j].includes('合计') && m) return { line: j + 1, column: m.index + 1, text: lines[j] };
    }
  }
  throw new Error(`no 合计 row with 18.73 after "表 3-4" in ${SEED}`);
}

/** The row naming want[0] (in its first cell) of the first pipe table whose rows name every one of `want`. */
function locateRowListing(text, want) {
  const lines = text.split(/\r?\n/);
  const isRow = (l) => /^\s*\|/.test(l);
  const firstCell = (l) => l.split('|').slice(1, -1).map((c) => c.trim()).find((c) => c !== '') || '';
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(lines[i]) || (i > 0 && isRow(lines[i - 1]))) continue;
    let j = i;
    while (j < lines.length && isRow(lines[j])) j++;
    const table = lines.slice(i, j);
    if (want.every((w) => table.some((l) => firstCell(l).includes(w)))) {
      const k = table.findIndex((l) => firstCell(l).includes(want[0]));
      return { line: i + k + 1, column: table[k].indexOf(want[0]) + 2 };
    }
    i = j;
  }
  throw new Error(`no table in ${SEED} has rows for all of ${want.join(', ')}`);
}

async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`ok   ${name} (${seconds(t)} s)`);
  } catch (err) {
    results.push({ name, ok: false });
    log(`FAIL ${name}: ${String(err && err.message || err).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

async function main() {
  requireInstalled();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
  const scratch = makeScratch('tally-ui');
  const run = path.join(scratch.dir, 'cs');
  const ws = path.join(scratch.dir, 'ws');
  prepareWorkspace(ws);
  const seedPath = path.join(ws, SEED);
  if (!fs.existsSync(seedPath)) throw new Error(`samples/${SEED} is missing`);
  const total = locateTotal(fs.readFileSync(seedPath, 'utf8'));
  log(`合计 of 表 3-4: line ${total.line}, 18.73 at column ${total.column}`);

  let server, ctx;
  const shots = {};
  try {
    const ti = Date.now();
    const inst = codeServerCli(run, scratch.env, ['--install-extension', VSIX]);
    if (inst.status !== 0) throw new Error(`--install-extension failed (${inst.status}):\n${inst.stdout}\n${inst.stderr}`);
    log(`installed ${path.basename(VSIX)} in ${seconds(ti)} s: ${inst.stdout.trim().split('\n').pop()}`);

    server = await startCodeServer(run, scratch.env);
    ctx = await launchChromium(path.join(scratch.dir, 'chrome'), scratch.env);
    const page = ctx.pages()[0] ?? await ctx.newPage();
    const consoleLog = [];
    page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
    const shot = async (name) => {
      const file = path.join(ARTIFACTS, `ui-${name}.png`);
      await page.screenshot({ path: file });
      shots[name] = file;
    };

    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    log(`workbench visible after ${seconds(t0)} s`);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().click({ timeout: 60_000 });
    const editor = page.locator(`.monaco-editor[data-uri$="${SEED}"]`).first();
    await editor.waitFor({ timeout: 60_000 });
    log(`editor open after ${seconds(t0)} s`);

    const goTo = async (line, column) => {
      await editor.locator('.view-lines').first().waitFor();
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible' });
      await input.fill(`:${line}:${column}`);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
    };
    const totalLine = () => editor.locator('.view-line').filter({ hasText: '合计' }).filter({ hasText: /18\.7[23]/ }).first();
    // The screen rectangle of the number on the 合计 row (the view-lines layer covers decorations,
    // so positions are computed from text nodes and used with page.mouse).
    const numberBox = async (needle) => editor.evaluate((root, { needle }) => {
      for (const line of root.querySelectorAll('.view-line')) {
        if (!line.textContent.includes('合计') || !line.textContent.includes(needle)) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent.indexOf(needle);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i); r.setEnd(n, i + needle.length);
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        }
      }
      return null;
    }, { needle });

    await goTo(total.line, total.column + 1);
    await totalLine().waitFor({ timeout: 30_000 });

    await check('squiggle on the 18.73 of 表 3-4 合计', async () => {
      const deadline = Date.now() + 60_000;
      let found = null;
      while (!found && Date.now() < deadline) {
        const line = await totalLine().boundingBox();
        const num = await numberBox('18.73');
        const squiggles = await editor.locator('[class*="squiggly-"]').evaluateAll((els) => els.map((e) => {
          const b = e.getBoundingClientRect(); return { cls: e.className, x: b.x, y: b.y, width: b.width, height: b.height };
        }));
        found = line && num && squiggles.find((s) => s.y < line.y + line.height && s.y + s.height > line.y &&
          s.x < num.x + num.width && s.x + s.width > num.x);
        if (!found) await page.waitForTimeout(250);
      }
      if (!found) throw new Error('no squiggly-* decoration over the 18.73 on the 合计 row within 60 s');
      log(`     squiggle class: ${found.cls}`);
    });

    await check('status bar shows the total 95.18', async () => {
      await page.locator('.statusbar-item', { hasText: '95.18' }).first().waitFor({ timeout: 15_000 });
      const text = await page.locator('.statusbar-item', { hasText: '95.18' }).first().innerText();
      log(`     status bar: ${text.replace(/\s+/g, ' ')}`);
    });

    await check('Problems panel lists score-sum', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'score-sum' }).first();
      await row.waitFor({ timeout: 30_000 });
      await shot('problems');
    });

    await check('hover on 18.73 shows the sum 18.72', async () => {
      // A hover opens on mouse movement after editor.hover.delay; a move that lands while the editor
      // is still scrolling the revealed line into place is lost, so each attempt re-measures the
      // number, leaves it and comes back. The last attempts ask for the hover at the caret by keyboard
      // (editor.action.showHover, Ctrl+K Ctrl+I), which runs the same hover provider.
      await goTo(total.line, total.column + 1);
      const hover = page.locator('.monaco-hover', { hasText: '18.72' }).first();
      const ed = await editor.boundingBox();
      let how = '';
      for (let attempt = 1; attempt <= 6 && !how; attempt++) {
        await page.mouse.move(ed.x + ed.width - 20, ed.y + ed.height - 20);
        await page.waitForTimeout(300);
        if (attempt <= 4) {
          const num = await numberBox('18.73');
          if (!num) throw new Error('the 18.73 on the 合计 row is not on screen');
          await page.mouse.move(num.x + num.width / 2 - 2, num.y + num.height / 2);
          await page.mouse.move(num.x + num.width / 2, num.y + num.height / 2, { steps: 3 });
        } else {
          await goTo(total.line, total.column + 1);
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
        }
        try {
          await hover.waitFor({ state: 'visible', timeout: 5000 });
          how = attempt <= 4 ? `mouse, attempt ${attempt}` : `keyboard, attempt ${attempt}`;
        } catch { /* next attempt */ }
      }
      if (!how) throw new Error('no hover mentioning 18.72 over the 18.73 of the 合计 row after 6 attempts');
      await shot('hover');
      log(`     hover (${how}): ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
    });

    await check('Outline view shows 项目决策 / 项目过程 / 项目产出 / 项目效益', async () => {
      // With the caret on the 项目决策 row of a table that lists all four 一级指标 (the annex score
      // table), the path to that symbol is opened in the Outline, which then shows its siblings.
      const want = ['项目决策', '项目过程', '项目产出', '项目效益'];
      const at = locateRowListing(fs.readFileSync(seedPath, 'utf8'), want);
      await page.keyboard.press('Escape');
      // Give the Outline room: collapse the folder tree section of the Explorer, close the panel.
      await page.keyboard.press('Control+Shift+E');
      const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^ws/i }).first();
      if (await folders.count()) await folders.click();
      if (await page.locator('.part.panel').first().isVisible()) await page.keyboard.press('Control+J'); // toggles the panel
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /outline/i }) }).first();
      await pane.waitFor({ timeout: 15_000 });
      const header = pane.locator('.pane-header').first();
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
      await goTo(at.line, at.column);
      const crumbs = page.locator('.breadcrumbs-control .monaco-breadcrumb-item');
      let path = [];
      const until = Date.now() + 15_000;
      while (Date.now() < until) {
        path = (await crumbs.allInnerTexts()).map((t) => t.trim());
        if (path.some((t) => t.includes(want[0]) || /^#+\s/.test(t))) break;
        await page.waitForTimeout(250);
      }
      // The breadcrumbs follow one provider's symbols; they stay with the group they showed first,
      // which is VS Code's Markdown outline when Tally's answer came second. Its heading chain is the
      // same in Tally's tree, which then has the table (and the 一级指标) below the last heading.
      const target = path.findIndex((t) => t.includes(want[0]));
      let chain;
      if (target > 0 && path[1] === 'Tally') chain = path.slice(1, target);
      else {
        const i = path.findIndex((t) => /^#+\s/.test(t));
        if (i < 0) throw new Error(`no path to line ${at.line} in the breadcrumbs: ${JSON.stringify(path)}`);
        chain = ['Tally', ...path.slice(i).map((t) => t.replace(/^#+\s*/, ''))];
      }
      log(`     expanding in the Outline: ${chain.join(' › ')}`);
      // Collapse All (after the cursor moved: the Outline follows it), then open exactly that path by its
      // twisties (clicking a label would move the cursor again).
      await header.hover();
      const collapse = header.locator('.action-label[aria-label*="Collapse" i]').first();
      if (await collapse.count()) await collapse.click();
      const rowNamed = (name) => pane.locator('.monaco-list-row').filter({ has: page.locator('.monaco-highlighted-label, .label-name', { hasText: name }) }).first();
      let last;
      for (const name of chain) {
        last = rowNamed(name);
        await last.waitFor({ timeout: 10_000 }).catch(() => { throw new Error(`no Outline row "${name}"`); });
        if ((await last.getAttribute('aria-expanded')) === 'false') await last.locator('.monaco-tl-twistie').click();
      }
      // Below the chain: open collapsed descendants of its last row, nearest first, until 项目决策 shows.
      for (let n = 0; n < 10 && !(await rowNamed(want[0]).count()); n++) {
        const next = await pane.locator('.monaco-list-row').evaluateAll((els, lastName) => {
          const i = els.findIndex((e) => (e.textContent || '').includes(lastName));
          if (i < 0) return -1;
          const level = Number(els[i].getAttribute('aria-level'));
          for (let j = i + 1; j < els.length && Number(els[j].getAttribute('aria-level')) > level; j++) {
            if (els[j].getAttribute('aria-expanded') === 'false') return j;
          }
          return -1;
        }, chain[chain.length - 1]);
        if (next < 0) break;
        await pane.locator('.monaco-list-row').nth(next).locator('.monaco-tl-twistie').click();
      }
      const deadline = Date.now() + 30_000;
      let rows = [];
      while (Date.now() < deadline) {
        rows = await pane.locator('.monaco-list-row').allInnerTexts();
        if (want.every((w) => rows.some((r) => r.includes(w)))) break;
        await page.waitForTimeout(300);
      }
      await shot('outline');
      const missing = want.filter((w) => !rows.some((r) => r.includes(w)));
      if (missing.length) throw new Error(`Outline lacks ${missing.join(', ')} with the caret on line ${at.line}; rows: ${JSON.stringify(rows.slice(0, 40))}`);
    });

    await check('Ctrl+. quick fix to 18.72, saved to disk', async () => {
      // Park the mouse where no hover can open, then put the caret inside 18.73 by keyboard.
      const ed = await editor.boundingBox();
      await page.mouse.move(ed.x + ed.width - 20, ed.y + ed.height - 20);
      await page.keyboard.press('Escape');
      await goTo(total.line, total.column + 1);
      const item = page.locator('.action-widget .monaco-list-row', { hasText: '18.72' });
      for (let i = 1; ; i++) {
        await page.keyboard.press('Control+Period');
        try { await item.first().waitFor({ state: 'visible', timeout: 5000 }); break; } catch (err) {
          if (i >= 4) {
            const rows = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
            throw new Error(`no quick fix mentioning 18.72 in the Ctrl+. menu; menu: ${JSON.stringify(rows)}`);
          }
          await page.keyboard.press('Escape');
        }
      }
      await shot('quickfix');
      log(`     applying: ${(await item.first().innerText()).replace(/\s+/g, ' ')}`);
      await item.first().click();
      await editor.locator('.view-line').filter({ hasText: '合计' }).filter({ hasText: '18.72' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+S');
      const deadline = Date.now() + 15_000;
      let row = '';
      while (Date.now() < deadline) {
        row = fs.readFileSync(seedPath, 'utf8').split(/\r?\n/)[total.line - 1] || '';
        if (/(?<![0-9.])18\.72(?![0-9])/.test(row) && !/(?<![0-9.])18\.73(?![0-9])/.test(row)) break;
        await page.waitForTimeout(200);
      }
      if (!/(?<![0-9.])18\.72(?![0-9])/.test(row)) throw new Error(`the file on disk was not changed: ${row}`);
      await shot('quickfix-saved');
    });

    await check('status bar of a report of three projects: 3 个项目 · 1 个不一致, each project in the tooltip', async () => {
      // samples/multi-project-report.md: 子项目二's grade 优 is wrong for its total 84.25
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible' });
      await input.fill(MULTI);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: MULTI }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator(`.monaco-editor[data-uri$="${MULTI}"]`).first().waitFor({ timeout: 30_000 });
      const item = page.locator('.statusbar-item', { hasText: /3 (个项目|projects)/ }).first();
      await item.waitFor({ timeout: 30_000 });
      const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
      log(`     status bar: ${text}`);
      if (!/1 (个不一致|inconsistent)/.test(text)) throw new Error(`the status bar does not count the one inconsistent project: "${text}"`);
      // the tooltip: VS Code shows it as a hover on the item, or keeps it in the item's aria-label
      await item.hover();
      const hover = page.locator('.monaco-hover, .workbench-hover, .custom-hover').filter({ hasText: '子项目二' }).first();
      let tooltip = await hover.waitFor({ timeout: 10_000 }).then(() => hover.innerText(), () => '');
      if (!tooltip) tooltip = (await item.getAttribute('aria-label')) ?? '';
      await shot('projects-status');
      log(`     tooltip: ${tooltip.replace(/\s+/g, ' ').slice(0, 240)}`);
      for (const want of ['子项目一', '子项目二', '84.25', '子项目三']) {
        if (!tooltip.includes(want)) throw new Error(`the tooltip lacks ${want}: "${tooltip}"`);
      }
    });

    fs.writeFileSync(path.join(ARTIFACTS, 'ui-browser.log'), consoleLog.join('\n'));
  } catch (err) {
    results.push({ name: 'ui session', ok: false });
    log(`FAIL ui session: ${err && err.stack || err}`);
    if (ctx) {
      const p = ctx.pages()[0];
      if (p) await p.screenshot({ path: path.join(ARTIFACTS, 'ui-error.png') }).catch(() => {});
    }
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    if (server) {
      await server.stop();
      fs.copyFileSync(server.logFile, path.join(ARTIFACTS, 'ui-code-server.log'));
      if (results.some((r) => !r.ok)) console.log(`--- code-server log (tail) ---\n${tail(server.logFile, 20)}`);
    }
    scratch.cleanup();
  }

  // The documentation pictures are replaced only by pictures of passing checks.
  const docShots = { problems: 'Problems panel lists score-sum', hover: 'hover on 18.73 shows the sum 18.72',
    quickfix: 'Ctrl+. quick fix to 18.72, saved to disk', outline: 'Outline view shows 项目决策 / 项目过程 / 项目产出 / 项目效益' };
  for (const [name, checkName] of Object.entries(docShots)) {
    if (shots[name] && results.find((r) => r.name === checkName && r.ok)) {
      fs.mkdirSync(DOCS_IMAGES, { recursive: true });
      fs.copyFileSync(shots[name], path.join(DOCS_IMAGES, `${name}.png`));
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`total ${seconds(t0)} s`);
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then((rc) => process.exit(rc), (err) => { console.error(err); console.log('ui: 0 passed, 1 failed'); process.exit(1); });
