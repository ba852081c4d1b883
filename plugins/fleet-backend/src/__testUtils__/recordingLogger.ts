import type { LoggerService } from '@backstage/backend-plugin-api';

/** A LoggerService that keeps every line, so tests can assert what was (and was not) logged. */
export function recordingLogger(
  lines: string[] = [],
): LoggerService & { lines: string[] } {
  const record = (level: string) => (message: string, meta?: unknown) => {
    lines.push(`${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`);
  };
  const logger = {
    lines,
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => logger,
  };
  return logger;
}
