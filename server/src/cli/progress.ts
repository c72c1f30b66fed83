/**
 * A one-line progress bar on stderr for long runs in a terminal; silent otherwise.
 */

export interface Progress {
  tick(): void;
  done(): void;
}

const WIDTH = 30;
const MIN_FILES = 20;
const REDRAW_MS = 100;

export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY || total < MIN_FILES) return { tick() {}, done() {} };
  let count = 0;
  let drawn = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count}/${total}`);
    drawn = Date.now();
  };
  draw();
  return {
    tick() {
      count++;
      if (Date.now() - drawn >= REDRAW_MS || count === total) draw();
    },
    done() {
      stream.write('\r\u001b[K');
    },
  };
}
