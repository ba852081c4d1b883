import type { ChildProcess } from 'node:child_process';

/**
 * The next IPC message from a child that matches. Other messages are skipped: the TypeScript
 * transform the children run under also reports over IPC (`{ type: 'watch' }`).
 */
export function nextMessage(
  child: ChildProcess,
  matches: (message: any) => boolean,
): Promise<any> {
  return new Promise((resolve, reject) => {
    const listeners = {
      message: (message: any) => {
        if (!message || typeof message !== 'object' || !matches(message))
          return;
        stop();
        resolve(message);
      },
      exit: (code: number | null) => {
        stop();
        reject(new Error(`child process exited with ${code}`));
      },
    };
    function stop() {
      child.off('message', listeners.message);
      child.off('exit', listeners.exit);
    }
    child.on('message', listeners.message);
    child.on('exit', listeners.exit);
  });
}
