/** Maps offsets in a text to 1-based line and column numbers, built on first use. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** 1-based line and column (UTF-16 code units) of `offset`. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    const nl = this.text.lastIndexOf('\n', offset - 1);
    return nl + 1;
  }

  /** Offset where the line holding `offset` ends (its newline, or the end of the text). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl === -1 ? this.text.length : nl;
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    for (let nl = this.text.indexOf('\n'); nl !== -1; nl = this.text.indexOf('\n', nl + 1)) {
      starts.push(nl + 1);
    }
    this.starts = starts;
    return starts;
  }
}
