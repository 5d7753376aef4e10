// A process's memory and CPU time, read from /proc (Linux). VmHWM is the kernel's own high-water mark
// of the resident set, so one read at the end of a measurement gives its peak. CPU time (user + system)
// counts only the work the process did, so it is barely moved by other load on the machine.
import * as fs from 'node:fs';

/** Clock ticks per second in /proc/<pid>/stat: 100 on every Linux configuration we run on. */
const USER_HZ = 100;

export function peakRssBytes(pid: number): number | undefined {
  return statusField(pid, 'VmHWM');
}

export function rssBytes(pid: number): number | undefined {
  return statusField(pid, 'VmRSS');
}

/** User plus system CPU time of the process so far, in milliseconds (10 ms resolution). */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

function statusField(pid: number, field: string): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
