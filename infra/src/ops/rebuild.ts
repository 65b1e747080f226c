import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProjectionVersionView, RebuildsView } from '@sss/contracts/ops/rebuild-views';
import { describeRebuild } from '@sss/read-side/projector/rebuild-progress';

/**
 * `npm run rebuild -- <projection|all> [--url <SSS>] [--login <admin e-mail>]`, the password on
 * stdin: asks the running SSS to rebuild (docs/rebuilds.md) and draws its progress until the new
 * generation serves. It goes through the HTTP API on purpose: the process that runs the projectors
 * owns the read models (the embedded store lives in its memory), and it keeps serving meanwhile.
 */
const USAGE = `usage: echo "$PASSWORD" | npm run rebuild -- <projection|all> [--url http://127.0.0.1:3000] [--login admin@example.co.jp]
  <projection>  a projection's name (GET /api/admin/rebuilds lists them), or all
  --url         where SSS (the read service on the split stack) answers; default http://127.0.0.1:3000
  --login       an administrator's e-mail; the password is read from stdin`;

export interface RebuildIo {
  /** The administrator's password. */
  readonly password: () => Promise<string>;
  readonly write: (text: string) => void;
  readonly tty: boolean;
  /** Pause between polls. */
  readonly pollMs?: number;
}

const BAR_WIDTH = 30;

function bar(p: ProjectionVersionView): string {
  const r = p.rebuild;
  if (!r) return `${p.name}: version ${p.version} serves`;
  const share = r.eventsTotal > 0 ? Math.min(r.eventsDone / r.eventsTotal, 1) : 0;
  const line = `[${'#'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}] ${describeRebuild(p.name, r.version, r)}`;
  return r.lastError ? `${line} (error: ${r.lastError})` : line;
}

export async function rebuild(argv: readonly string[], io: RebuildIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { url: { type: 'string' }, login: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || positionals.length !== 1) {
    io.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const base = (values.url ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const signIn = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: values.login ?? 'admin@example.co.jp', password: await io.password() }) });
  if (!signIn.ok) {
    io.write(`sign-in failed: ${signIn.status} ${await signIn.text()}\n`);
    return 1;
  }
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (method: 'GET' | 'POST', body?: unknown) => {
    const response = await fetch(`${base}/api/admin/rebuilds`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw new Error(`${method} /api/admin/rebuilds: ${response.status} ${await response.text()}`);
    return (await response.json()) as RebuildsView;
  };
  let view: RebuildsView;
  try {
    view = await call('POST', { projection: positionals[0] });
  } catch (error) {
    io.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // What this run waits for: each chosen projection's build under way (started now or before).
  const awaited = new Map(view.projections.filter((p) => p.rebuild && (positionals[0] === 'all' || p.name === positionals[0])).map((p) => [p.name, p.rebuild!.tag]));
  let drawn = 0;
  for (;;) {
    const shown = view.projections.filter((p) => awaited.has(p.name));
    // A terminal redraws the lines in place; a pipe gets them one after another.
    if (io.tty && drawn > 0) io.write(`\x1b[${drawn}A`);
    io.write(shown.map((p) => `${io.tty ? '\x1b[2K' : ''}${bar(p)}\n`).join(''));
    drawn = shown.length;
    if (shown.every((p) => p.rebuild === null && p.lastRebuild?.tag === awaited.get(p.name))) break;
    await new Promise((resolve) => setTimeout(resolve, io.pollMs ?? 1000));
    view = await call('GET');
  }
  io.write(`${[...awaited.keys()].join(', ') || positionals[0]}: the new version serves now; the old collections are dropped\n`);
  return 0;
}

async function stdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await rebuild(process.argv.slice(2), { password: stdinLine, write: (text) => process.stderr.write(text), tty: process.stderr.isTTY });
}
