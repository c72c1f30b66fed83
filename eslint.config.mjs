import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.dev/**', 'node_modules/**', 'test/e2e/**/node_modules/**', 'test/e2e/.tools/**', 'bench/peers/**', '.ci/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'Never eval.' }, { selector: "NewExpression[callee.name='Function']", message: 'Never new Function.' }],
    },
  },
  {
    // The core is pure: no editor, no LSP, no process I/O.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'core must not depend on editor or LSP packages' },
        { group: ['**/server/src/lsp/**', '../lsp/**', '../../lsp/**', '**/cli/**', '../cli/**', '../../cli/**'], message: 'arrows point down: core must not import server or CLI code' },
      ] }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'the server never imports vscode' }] }] },
  },
);
