import { pathToFileURL } from 'node:url';
import { readSettingsOrExit } from './config.ts';
import { startSss } from './sss.ts';
import { startBanner } from './banner.ts';
import { outsideEmbeddedDefault, refuseUnsafeDeployment } from './start-checks.ts';

/** `npm start`: SSS on the embedded default, one process on one port, demo data on first start. */
export async function runEmbedded(options: { onStop?: () => Promise<void>; banner?: string[] } = {}): Promise<void> {
  // Whatever SSS or a library creates under the data dir is readable by its owner only.
  process.umask(0o077);
  // `npm start` shows lists and pickers with volume (README: SSS_DEMO_VOLUME); tests keep the story alone.
  const settings = readSettingsOrExit({ SSS_DEMO_VOLUME: '200', ...process.env });
  // On EventStoreDB this is no longer the embedded default: the same start checks as the split stack.
  if (outsideEmbeddedDefault(settings)) refuseUnsafeDeployment(settings);
  const sss = await startSss(settings);
  await sss.app.listen({ port: settings.port, host: settings.host });
  const url = `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${settings.port}/`;
  console.log(startBanner({ url, lines: [...sss.describe, ...(options.banner ?? [])], dataDir: settings.dataDir, seedDemoData: settings.seedDemoData }));
  let stopping = false;
  // The story is there before listen; the generated volume follows while SSS already serves.
  sss.seedDemoVolume().catch((error: unknown) => {
    if (!stopping) console.error('demo data: the generated volume stopped:', error);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void (async () => {
        await sss.stop();
        await options.onStop?.();
        process.exit(0);
      })();
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEmbedded();
