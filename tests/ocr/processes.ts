// Finds a process's tesseract children through /proc, so tests can prove that none is left behind.
import fs from 'node:fs';

/** Pids of live `tesseract` processes whose parent is `parent`. */
export function tesseractChildren(parent: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid …"; comm may itself hold spaces and parentheses.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const [state, ppid] = stat.slice(close + 2).split(' ');
    if (comm === 'tesseract' && Number(ppid) === parent && state !== 'Z') out.push(Number(entry));
  }
  return out;
}

/** Whether `pid` is still a running tesseract process (not gone, not a zombie). */
export function isTesseract(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.includes('(tesseract)') && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export const hasProc = fs.existsSync('/proc/self/stat');
