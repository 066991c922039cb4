/** Runs one task per key at a time; callers asking for a key already in flight share its result. */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Run `task` for `key`, or join the run already under way. */
  run(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Resolves once every run under way has finished, successfully or not. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }
}
