import type { Settings } from './config.ts';

/**
 * What a deployment outside the embedded default must configure before it starts (issue #17 item 5).
 * The embedded default generates its session secret into its data dir and files 稟議 with the built-in
 * CollaboFlow simulator; a fleet of instances cannot: each would sign cookies with its own secret, or
 * all with the compose file's placeholder that anyone can read, and 稟議 would go to a simulator inside
 * one process instead of the tenant where approvers decide. So the split stack (services.ts), and the
 * one-process start on EventStoreDB, refuse to start without both, naming each.
 */

/** Placeholders published in this repository: a secret anyone can read signs nobody's session. */
export const KNOWN_PLACEHOLDER_SECRETS: ReadonlySet<string> = new Set(['change-me-to-a-long-random-secret']);
const MIN_SECRET_LENGTH = 32;

/** The one-process start is the embedded default until its log is EventStoreDB (the split services never are). */
export const outsideEmbeddedDefault = (settings: Pick<Settings, 'eventStoreUrl'>): boolean => settings.eventStoreUrl !== undefined;

/** One line per missing or unsafe setting; empty when the deployment may start. */
export function deploymentProblems(settings: Pick<Settings, 'sessionSecret' | 'collaboflowUrl'>): string[] {
  const problems: string[] = [];
  const secret = settings.sessionSecret;
  if (secret === undefined) problems.push(`SESSION_SECRET is not set: set a random value of at least ${MIN_SECRET_LENGTH} characters, the same on every API instance (e.g. openssl rand -base64 48)`);
  else if (KNOWN_PLACEHOLDER_SECRETS.has(secret)) problems.push('SESSION_SECRET is the published placeholder: set a random value of your own (e.g. openssl rand -base64 48)');
  else if (secret.length < MIN_SECRET_LENGTH) problems.push(`SESSION_SECRET=(hidden, ${secret.length} characters) is too short: at least ${MIN_SECRET_LENGTH} characters`);
  if (settings.collaboflowUrl === undefined) problems.push('COLLABOFLOW_URL is not set: the built-in CollaboFlow simulator runs only on the embedded default; set your tenant, e.g. https://cloud.collaboflow.com/<instance>');
  return problems;
}

/** For the entry points: the problems on stderr and exit 78 (EX_CONFIG), as for a bad setting. */
export function refuseUnsafeDeployment(settings: Pick<Settings, 'sessionSecret' | 'collaboflowUrl'>): void {
  const problems = deploymentProblems(settings);
  if (problems.length === 0) return;
  console.error(`SSS cannot start outside the embedded default: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} missing or unsafe\n  ${problems.join('\n  ')}`);
  process.exit(78);
}
