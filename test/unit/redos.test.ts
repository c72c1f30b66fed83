/**
 * No regular expression in the core may take super-linear time: every regex literal and every
 * `new RegExp("…")` with a literal pattern under server/src/core is checked with the recheck
 * ReDoS analyzer. A pattern built at run time from data is a finding of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';

const CORE = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

interface FoundRegex { file: string; line: number; source: string; flags: string }

function regexesIn(file: string): { found: FoundRegex[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node): number => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const lastSlash = literal.lastIndexOf('/');
      found.push({ file, line: where(node), source: literal.slice(1, lastSlash), flags: literal.slice(lastSlash + 1) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && ts.isStringLiteralLike(pattern)) {
        found.push({ file, line: where(node), source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
      } else {
        dynamic.push(`${path.relative(CORE, file)}:${where(node)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { found, dynamic };
}

describe('regular expressions in the core', () => {
  const all = sourceFiles(CORE).map(regexesIn);
  const regexes = all.flatMap((r) => r.found);

  it('finds the regexes it checks', () => {
    expect(regexes.length).toBeGreaterThan(5);
  });

  it('are all free of super-linear backtracking (recheck)', () => {
    const vulnerable = regexes
      .map((regex) => ({ regex, status: checkSync(regex.source, regex.flags.replace(/[^gimsuy]/g, ''), { timeout: 10_000 }).status }))
      .filter(({ status }) => status !== 'safe')
      .map(({ regex, status }) => `${path.relative(CORE, regex.file)}:${regex.line} /${regex.source}/${regex.flags} → ${status}`);
    expect(vulnerable).toEqual([]);
  }, 300_000);

  it('are never built from run-time strings', () => {
    expect(all.flatMap((r) => r.dynamic)).toEqual([]);
  });
});
