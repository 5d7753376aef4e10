// Where a check's time goes, per phase, for `CHARTER_TIMING=1 charter check`, the server's log line
// after indexing, and the bench. Wall-clock milliseconds summed over every file; nested calls of the
// same phase are counted once (the outermost).

export const PHASES = ['read', 'parse', 'index', 'validate', 'rules', 'publish'] as const;
export type Phase = (typeof PHASES)[number];

export class PhaseTimes {
  readonly ms: Record<Phase, number> = { read: 0, parse: 0, index: 0, validate: 0, rules: 0, publish: 0 };
  private readonly depth: Record<Phase, number> = { read: 0, parse: 0, index: 0, validate: 0, rules: 0, publish: 0 };

  time<T>(phase: Phase, work: () => T): T {
    if (this.depth[phase]++ > 0) {
      try {
        return work();
      } finally {
        this.depth[phase]--;
      }
    }
    const start = performance.now();
    try {
      return work();
    } finally {
      this.depth[phase]--;
      this.ms[phase] += performance.now() - start;
    }
  }

  async timeAsync<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.ms[phase] += performance.now() - start;
    }
  }

  /** `read 120 ms, parse 900 ms, ...`: for a log line. */
  toString(): string {
    return PHASES.map((p) => `${p} ${Math.round(this.ms[p])} ms`).join(', ');
  }
}
