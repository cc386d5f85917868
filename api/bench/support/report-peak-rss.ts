// Preloaded into a child process (node --import tsx --import ./bench/support/report-peak-rss.ts ...):
// on exit, writes the process's peak RSS in MB to file descriptor 3 when it is open, so the parent
// reads it apart from the command's own output.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS / 1024}\n`);
  } catch {
    // fd 3 not open: nothing to report to
  }
});
