import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The machine a benchmark ran on, recorded next to its figures. */
export interface MachineInfo {
  cpuModel: string;
  /** Logical CPUs the process may use. */
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** ISO date and time the run started. */
  date: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews every figure. */
  loadAverage: number[];
}

/** Describes this machine and its current load. */
export function machineInfo(now = new Date()): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    date: now.toISOString(),
    loadAverage: currentLoad(),
  };
}

/** The 1, 5 and 15 minute load averages, rounded to two decimals. */
export function currentLoad(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}
