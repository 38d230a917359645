// Resident memory of a process with every process it started (PDF readers, OCR workers), read from /proc on Linux.
import fs from 'node:fs';

/** The process and its descendants, through each thread's children (gone processes are skipped). */
export function processTree(pid) {
  const all = [];
  for (const todo = [pid]; todo.length;) {
    const p = todo.pop();
    all.push(p);
    try {
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        try { todo.push(...fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)); } catch { /* gone */ }
      }
    } catch { /* gone */ }
  }
  return all;
}

/** Resident set size in MB, 0 for a process that is gone. */
export function rssMb(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0) / 1024; } catch { return 0; }
}

/** Resident memory of the whole tree in MB. */
export const treeRssMb = (pid) => processTree(pid).reduce((sum, p) => sum + rssMb(p), 0);
