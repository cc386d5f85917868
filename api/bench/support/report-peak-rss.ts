// Preloaded into a child process (node --import tsx --import ./bench/support/report-peak-rss.ts ...):
// on exit, writes the process's peak RSS in MB and the CPU seconds it used (user + system) to file
// descriptor 3 when it is open, so the parent reads them apart from the command's own output.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    const usage = process.resourceUsage();
    writeSync(3, `${usage.maxRSS / 1024} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}\n`);
  } catch {
    // fd 3 not open: nothing to report to
  }
});
