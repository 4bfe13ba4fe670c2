/**
 * Runs a command under GNU time (when installed) to learn its peak memory: the largest
 * resident set of the command or any process it started, as the kernel reports it to `wait4`.
 */
import { execFile, type ExecFileOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GNU_TIME = '/usr/bin/time';
const MARK = 'peak-rss-kb';

export interface TimedRun {
  stdout: string;
  stderr: string;
  /** Undefined without GNU time. */
  peakRssMb: number | undefined;
}

export async function runWithPeakMemory(
  command: string,
  args: readonly string[],
  options: ExecFileOptions = {},
): Promise<TimedRun> {
  const timed = existsSync(GNU_TIME);
  const { stdout, stderr } = await run(
    timed ? GNU_TIME : command,
    timed ? ['-f', `${MARK} %M`, command, ...args] : [...args],
    { maxBuffer: 256 * 1024 * 1024, ...options, encoding: 'utf8' },
  );
  const match = new RegExp(`${MARK} (\\d+)`).exec(stderr);
  return { stdout, stderr, peakRssMb: match ? Number(match[1]) / 1024 : undefined };
}
