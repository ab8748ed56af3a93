import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

export interface LoadDuring {
  /** 1-minute load average when the part started and ended, and the highest seen in between. */
  start: number;
  end: number;
  max: number;
}

/**
 * The 1-minute load average, sampled through the run: the machine is shared,
 * and each table says how busy it was while that table was measured.
 */
export class LoadSampler {
  private readonly samples: { at: number; load: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 5_000) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    this.samples.push({ at: Date.now(), load: os.loadavg()[0] ?? 0 });
  }

  /** Starts a span; call the result when the span ends. */
  span(): () => LoadDuring {
    const from = Date.now();
    const start = os.loadavg()[0] ?? 0;
    return () => {
      const end = os.loadavg()[0] ?? 0;
      const inside = this.samples.filter((sample) => sample.at >= from).map((sample) => sample.load);
      return { start, end, max: Math.max(start, end, ...inside) };
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
