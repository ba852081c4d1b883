import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogScaffolderModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { scaffolderModuleFleet } from '../module';
import { fakeFleetPlugin } from './fakeFleetPlugin';

export const TEMPLATES_DIR = resolvePackagePath(
  '@fleet-portal/plugin-scaffolder-backend-module-fleet',
  '../../templates',
);
export const REQUESTER = 'user:default/jane.doe';
const AUTH = { Authorization: mockCredentials.user.header(REQUESTER) };

export function templateNames(): string[] {
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .sort();
}

export function templateEntity(name: string): any {
  return parse(
    readFileSync(join(TEMPLATES_DIR, name, 'template.yaml'), 'utf8'),
  );
}

/**
 * The scaffolder with the fleet actions and the GitHub module, a catalog reading templates/all.yaml,
 * and a fake fleet backend answering what the actions ask it.
 */
export async function startFleetBackend(config: Record<string, unknown>) {
  return (await startFleetTestBackend(config)).server;
}

/** As startFleetBackend, with the whole test backend (to stop it outside Jest). */
export async function startFleetTestBackend(config: Record<string, unknown>) {
  return startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderGithubModule,
      catalogPlugin,
      catalogScaffolderModule,
      scaffolderModuleFleet,
      fakeFleetPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Template', 'Location'] }],
            locations: [
              { type: 'file', target: join(TEMPLATES_DIR, 'all.yaml') },
            ],
          },
          scaffolder: {
            defaultAuthor: {
              name: 'Fleet Portal',
              email: 'fleet-portal@localhost',
            },
          },
          ...config,
        },
      }),
    ],
  });
}

export async function waitForTemplates(
  server: any,
  names: string[],
): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const res = await request(server)
      .get('/api/catalog/entities?filter=kind=template')
      .set(AUTH);
    const found = new Set((res.body ?? []).map((e: any) => e.metadata.name));
    if (names.every(name => found.has(name))) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`the catalog never listed the templates ${names.join(', ')}`);
}

export async function dryRun(
  server: any,
  name: string,
  values: Record<string, unknown>,
) {
  const res = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set(AUTH)
    .send({ template: templateEntity(name), values, directoryContents: [] });
  if (res.status !== 200)
    throw new Error(
      `dry run of ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body as {
    output: {
      links?: Array<{ url: string }>;
      text?: Array<{ title: string; content: string }>;
    };
    log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
    steps: Array<{ id: string }>;
    directoryContents: Array<{ path: string; base64Content: string }>;
  };
}

export interface TaskResult {
  status: string;
  output: {
    links?: Array<{ title?: string; url: string }>;
    text?: Array<{ title: string; content: string }>;
  };
  log: string[];
}

/** Starts a task from the catalog's template and waits until it ends. */
export async function runTask(
  server: any,
  name: string,
  values: Record<string, unknown>,
): Promise<TaskResult> {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set(AUTH)
    .send({ templateRef: `template:default/${name}`, values });
  if (created.status !== 201)
    throw new Error(
      `task of ${name}: ${created.status} ${JSON.stringify(created.body)}`,
    );
  const id = created.body.id;
  for (let i = 0; i < 600; i++) {
    const res = await request(server)
      .get(`/api/scaffolder/v2/tasks/${id}`)
      .set(AUTH);
    if (['completed', 'failed', 'cancelled'].includes(res.body.status)) {
      const events = await request(server)
        .get(`/api/scaffolder/v2/tasks/${id}/events`)
        .set(AUTH);
      const log = (events.body as any[])
        .filter(e => e.type === 'log')
        .map(e => String(e.body.message));
      return {
        status: res.body.status,
        output: res.body.spec ? await taskOutput(server, id, events.body) : {},
        log,
      };
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`task ${id} of ${name} did not finish`);
}

async function taskOutput(_server: any, _id: string, events: any[]) {
  const completion = events.find(e => e.type === 'completion');
  return completion?.body?.output ?? {};
}
