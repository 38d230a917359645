// Preloaded into a child process by the benches: reports the process's peak memory when it exits.
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `\nbench-maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
