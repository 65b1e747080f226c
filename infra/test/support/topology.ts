import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { repositoryRoot } from '../../src/main/root.ts';
import { freePort } from './free-port.ts';

/**
 * The production topology without Docker (issue #17 item 6): SSS's write and read services as
 * separate processes (`infra/src/main/services.ts`, as docker-compose.yml runs them), and Debian's
 * nginx with the real `infra/docker/gateway.conf` in front of them. Only addresses and paths of the
 * gateway file are templated (`gatewayConfig`); every rule is the file's own.
 */

export const NGINX = '/usr/sbin/nginx';
const root = repositoryRoot();


export interface Instance {
  readonly name: string;
  readonly role: 'write' | 'read';
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Everything it printed so far (pino JSON lines and start messages). */
  output(): string;
  /** SIGKILL, as a machine dying would: no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (!alive(child)) return;
  const exit = once(child, 'exit');
  child.kill(signal);
  await exit;
}

/** One SSS service process (`services.ts write|read`) on a free port with `env`; resolves once it answers /healthz. */
export async function startInstance(name: string, role: 'write' | 'read', env: Record<string, string>, timeoutMs = 240_000): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `sss-topology-${name}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'infra/src/main/services.ts'), role], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', SSS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    name, role, url, port, process: child,
    output: () => output,
    kill: () => ended(child, 'SIGKILL'),
    stop: () => ended(child, 'SIGTERM'),
  };
  try {
    await waitUntil(`${name} (${role}) to answer /healthz`, async () => {
      if (!alive(child)) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it answered`);
      return (await fetch(`${url}/healthz`).catch(() => null))?.ok ?? false;
    }, { timeoutMs, intervalMs: 250 });
  } catch (error) {
    await instance.kill();
    throw new Error(`${(error as Error).message}; it printed:\n${output.slice(-4000)}`, { cause: error });
  }
  return instance;
}

/**
 * gateway.conf with the compose hosts replaced by upstreams of this machine's instances and the
 * listen address and document root replaced by the test's: `write-side:3000` and `read-side:3000`
 * (and `$side:3000`, which names one of them) become the upstreams `write-side` and `read-side`.
 * Throws if the file no longer has what is replaced, so a changed gateway cannot pass untested.
 */
export function gatewayConfig(options: { port: number; uiDir: string; writes: readonly Instance[]; reads: readonly Instance[]; workDir: string }): string {
  const source = readFileSync(join(root, 'infra/docker/gateway.conf'), 'utf8');
  const replace = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`gateway.conf no longer has ${pattern}: update the topology test's template`);
    return text.replace(pattern, by);
  };
  let server = replace(source, /listen 8080;/, `listen 127.0.0.1:${options.port};`);
  server = replace(server, /root \/usr\/share\/nginx\/html;/, `root ${options.uiDir};`);
  server = replace(server, /(write-side|read-side|\$side):3000/g, '$1');
  const upstream = (name: string, instances: readonly Instance[]) => `upstream ${name} {\n${instances.map((i) => `    server 127.0.0.1:${i.port} max_fails=1 fail_timeout=30s;`).join('\n')}\n  }`;
  const work = options.workDir;
  // Running as root (CI containers), nginx's workers would drop to `nobody`, who cannot read the test's private directories.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  return `worker_processes 1;
daemon off;
${user}
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${work}/access.log;
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  ${upstream('write-side', options.writes)}
  ${upstream('read-side', options.reads)}
${server}
}
`;
}

export interface Gateway {
  readonly url: string;
  errorLog(): string;
  stop(): Promise<void>;
}

/** Debian's nginx with the templated gateway.conf; fails (never skips) when nginx is missing or refuses the file. */
export async function startGateway(writes: readonly Instance[], reads: readonly Instance[]): Promise<Gateway> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx (apt-get install nginx; .ci/run does)`);
  const workDir = mkdtempSync(join(tmpdir(), 'sss-gateway-'));
  const uiDir = join(workDir, 'html');
  mkdirSync(uiDir);
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>SSS</title><div id="root"></div>');
  const port = await freePort();
  const conf = join(workDir, 'nginx.conf');
  writeFileSync(conf, gatewayConfig({ port, uiDir, writes, reads, workDir }));
  const test = spawn(NGINX, ['-t', '-p', workDir, '-c', conf, '-e', join(workDir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let checked = '';
  test.stderr!.on('data', (chunk: Buffer) => (checked += chunk.toString()));
  const [code] = (await once(test, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`nginx refuses the templated gateway.conf:\n${checked}\n${readFileSync(conf, 'utf8')}`);
  const child = spawn(NGINX, ['-p', workDir, '-c', conf, '-e', join(workDir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const errorLog = () => `${output}${existsSync(join(workDir, 'error.log')) ? readFileSync(join(workDir, 'error.log'), 'utf8') : ''}`;
  await waitUntil('nginx to listen', async () => {
    if (!alive(child)) throw new Error(`nginx exited (${child.exitCode}):\n${errorLog()}`);
    return (await fetch(`${url}/`).catch(() => null)) !== null;
  }, { timeoutMs: 15_000, intervalMs: 100 });
  return {
    url,
    errorLog,
    async stop() {
      await ended(child, 'SIGQUIT');
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
