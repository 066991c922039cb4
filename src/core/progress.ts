/** Progress reporting on stderr for long work; silent when stderr is not a terminal. */
export interface Progress {
  /** Start a task with a label and an optional total count. */
  start(label: string, total?: number): void;
  /** Advance the current task by `count` units. */
  tick(count?: number): void;
  /** Finish the current task and clear the line. */
  done(): void;
}

/** A progress reporter that prints nothing. */
export const silentProgress: Progress = {
  start: () => undefined,
  tick: () => undefined,
  done: () => undefined,
};

/** A progress line on a TTY stream, redrawn at most every 100 ms. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress;
  let label = '';
  let total: number | undefined;
  let count = 0;
  let last = 0;
  const draw = (): void => {
    const of = total === undefined ? '' : ` of ${total}`;
    stream.write(`\r\x1b[2K${label}: ${count}${of}`);
  };
  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      count = 0;
      last = 0;
      draw();
    },
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw();
      }
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
