// Child processes and waiting, for the test scripts that start real servers (the production
// bundle, the packages installed in a fresh app): each child's output tail is kept for the
// failure message, and every child is killed when the script exits.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export class Failure extends Error {}

export function check(condition, message) {
  if (!condition) throw new Failure(message);
}

const children = [];
function stopChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL');
  }
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

/** Runs a command to its end with its output shown; true when it succeeded. */
export function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts a child process, keeping the tail of its output for failure messages. */
export function start(command, args, options) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  children.push(child);
  child.output = '';
  const keep = chunk => {
    child.output = (child.output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise(resolveExit =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  return child;
}

/**
 * Polls `attempt` (returning `{ done, value }` or `{ done: false, why }`) until done, the
 * deadline passes or `child` exits; the failure names what was awaited and shows the child's
 * last output.
 */
export async function waitFor(what, timeoutMs, child, attempt) {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  while (Date.now() < deadline) {
    check(
      child.exitCode === null && child.signalCode === null,
      `${what}: the process exited (${
        child.exitCode ?? child.signalCode
      }). Its last output:\n${child.output.slice(-6_000)}`,
    );
    try {
      const result = await attempt();
      if (result.done) return result.value;
      last = result.why;
    } catch (error) {
      last = error.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Failure(
    `${what}: not within ${
      timeoutMs / 1000
    } s (last: ${last}). Its last output:\n${child.output.slice(-6_000)}`,
  );
}

/** SIGTERM, then SIGKILL after 20 s. */
export async function stop(child, name, log = console.warn) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise(r => setTimeout(() => r('timeout'), 20_000));
  if ((await Promise.race([child.exited, timeout])) === 'timeout') {
    log(`${name} did not stop within 20 s of SIGTERM; killing it`);
    child.kill('SIGKILL');
    await child.exited;
  }
}
