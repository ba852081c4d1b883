import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';

/** Input keys never recorded in Git unless the template declares them public. */
export const SECRET_KEY_PATTERN = /secret|token|password|key$/i;

export const REDACTED = '[redacted]';

export interface RequestFacts {
  /** Template entity name, e.g. `new-cluster`. */
  templateName: string;
  /** Template entity ref, e.g. `template:default/new-cluster`. */
  templateRef: string;
  /** Human title of the template, e.g. `New k0rdent cluster`. */
  templateTitle: string;
  templateVersion: string;
  /** Requester entity ref, e.g. `user:default/jane.doe`. */
  requestedBy: string;
  /** What the requester entered (the template parameters). */
  inputs: Record<string, unknown>;
  /** Keys matching SECRET_KEY_PATTERN that are safe to record (e.g. `joinTokenSecret`, a Secret's name). */
  publicInputs: string[];
  /** Values that must never appear (the task's secrets). */
  secretValues: string[];
  /** One line naming what is requested, e.g. `prod-eu1`; it ends the PR title. */
  summary?: string;
  /** Paths the manifest steps changed. */
  files: string[];
}

export interface GitopsRequest {
  branchName: string;
  title: string;
  body: string;
  commitMessage: string;
  /** The inputs as recorded: secret keys dropped, secret values redacted. */
  recordedInputs: Record<string, unknown>;
  inputsJson: string;
}

function containsSecret(text: string, secretValues: string[]): boolean {
  return secretValues.some(
    secret => secret.length > 0 && text.includes(secret),
  );
}

/** Drops secret-looking keys at every depth and redacts any string holding a secret value. */
export function recordableInputs(
  inputs: Record<string, unknown>,
  publicInputs: string[],
  secretValues: string[],
): Record<string, unknown> {
  const isPublic = new Set(publicInputs);
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string')
      return containsSecret(value, secretValues) ? REDACTED : value;
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        if (SECRET_KEY_PATTERN.test(key) && !isPublic.has(key)) continue;
        out[key] = clean(member);
      }
      return out;
    }
    return value;
  };
  return clean(inputs) as Record<string, unknown>;
}

/** `fleet/<template>/<10 hex of sha256(template name + canonical inputs)>`: a retry gets the same branch. */
export function requestBranchName(
  templateName: string,
  inputsJson: string,
): string {
  const hash = createHash('sha256')
    .update(`${templateName}\n${inputsJson}`)
    .digest('hex')
    .slice(0, 10);
  return `fleet/${templateName}/${hash}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function markdownCell(value: unknown): string {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  // Backticks cannot be escaped inside a code span: fall back to plain text with escapes.
  if (text.includes('`'))
    return oneLine(text).replace(/[|\\*_<>[\]]/g, c => `\\${c}`);
  return `\`${oneLine(text).replace(/\|/g, '\\|')}\``;
}

/** Builds the branch, pull request and commit message of a request; pure. */
export function buildGitopsRequest(facts: RequestFacts): GitopsRequest {
  const recordedInputs = recordableInputs(
    facts.inputs,
    facts.publicInputs,
    facts.secretValues,
  );
  const inputsJson = canonicalJson(recordedInputs);
  let summary = facts.summary ? oneLine(facts.summary) : '';
  if (containsSecret(summary, facts.secretValues)) summary = REDACTED;
  const title = summary
    ? `${facts.templateTitle}: ${summary}`
    : facts.templateTitle;
  const files = [...new Set(facts.files)].sort();
  const inputRows = Object.keys(recordedInputs)
    .sort()
    .map(key => `| ${key} | ${markdownCell(recordedInputs[key])} |`);
  const body = [
    `Requested through Fleet Portal by \`${facts.requestedBy}\`.`,
    '',
    `- Template: \`${facts.templateRef}\` version \`${facts.templateVersion}\``,
    `- Requested by: \`${facts.requestedBy}\``,
    '',
    '### Inputs',
    '',
    ...(inputRows.length > 0
      ? ['| Input | Value |', '| --- | --- |', ...inputRows]
      : ['_none_']),
    '',
    '### Files changed',
    '',
    ...(files.length > 0 ? files.map(file => `- \`${file}\``) : ['_none_']),
    '',
  ].join('\n');
  const commitMessage = [
    title,
    '',
    `Requested through Fleet Portal template ${facts.templateRef} (version ${facts.templateVersion}).`,
    ...(files.length > 0
      ? ['', 'Files:', ...files.map(file => `  ${file}`)]
      : []),
    '',
    `Requested-by: ${facts.requestedBy}`,
    `Template: ${facts.templateRef}`,
    `Template-version: ${facts.templateVersion}`,
    `Inputs: ${inputsJson}`,
    '',
  ].join('\n');
  return {
    branchName: requestBranchName(facts.templateName, inputsJson),
    title,
    body,
    commitMessage,
    recordedInputs,
    inputsJson,
  };
}
