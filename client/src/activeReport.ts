/**
 * Tells the tree view and the status bar when what they show may have changed: another editor
 * became active, or the active document got new diagnostics (i.e. it was checked again).
 */
import { languages, window, type Disposable } from 'vscode';

const SETTLE_MS = 150;

export function watchActiveReport(changed: () => void): Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  };
  const subscriptions = [
    window.onDidChangeActiveTextEditor(soon),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) soon();
    }),
  ];
  return {
    dispose() {
      if (timer) clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}

/** The active editor's document when it is a Markdown file the server handles. */
export function activeMarkdownUri(): string | undefined {
  const doc = window.activeTextEditor?.document;
  return doc && doc.languageId === 'markdown' ? doc.uri.toString() : undefined;
}
