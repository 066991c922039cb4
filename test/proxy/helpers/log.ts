import { Writable } from 'node:stream';

import pino from 'pino';

/** A pino logger at `level` whose lines are kept: as written (`raw`) and parsed (`lines`). */
export function capturingLog(level: pino.LevelWithSilent): {
  log: pino.Logger;
  raw: string[];
  lines: Array<Record<string, unknown>>;
} {
  const raw: string[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { log: pino({ level }, sink), raw, lines };
}
