import { rename, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspace, type Workspace, type WorkspaceDeps } from '../workspace/app';
import type { WorkspaceStore } from '../workspace/state';

/**
 * The local workspace on Node: its page script bundled by esbuild on first request (a few ms; the
 * browser gets one small ES module), and the workspace saved next to the SQLite database
 * (`<JIXIAO_DB>.workspace.json`) so a restart shows the chats the database refers to.
 */
const CLIENT_ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', 'workspace', 'client', 'main.ts');

export async function bundleWorkspaceScript(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    legalComments: 'none',
  });
  return out.outputFiles[0]!.text;
}

export function fileStore(path: string): WorkspaceStore {
  return {
    async load() {
      return readFile(path, 'utf8').catch(() => null);
    },
    async save(text) {
      const temp = `${path}.tmp`;
      await writeFile(temp, text);
      await rename(temp, path);
    },
  };
}

export async function startLocalWorkspace(deps: Omit<WorkspaceDeps, 'script' | 'store'> & { dbPath: string }): Promise<Workspace> {
  const { dbPath, ...rest } = deps;
  const workspace = createWorkspace({ ...rest, script: bundleWorkspaceScript, ...(dbPath === ':memory:' ? {} : { store: fileStore(`${dbPath}.workspace.json`) }) });
  await workspace.start();
  return workspace;
}
