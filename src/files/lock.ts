/** One writer per data directory: a lock file holding the owner's pid, taken over if that process is gone. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { lockPath } from './data-dir.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string, what: string): () => void {
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n${what}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, holder] = readFileSync(path, 'utf8').split('\n');
      if (pid && alive(Number(pid)) && Number(pid) !== process.pid) {
        throw new Error(`${dataDir} is in use by ${holder || 'another process'} (pid ${pid}); stop it first`);
      }
      rmSync(path, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
