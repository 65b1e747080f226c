/**
 * Start banners and settings errors print connection strings; the passwords in them stay out of
 * logs. `scheme://user:secret@host` → `scheme://user:***@host`, for every address in a
 * comma-separated list (KAFKA_BROKERS, MongoDB seed lists), and query parameters that carry secrets.
 */
export function redactUrl(value: string): string {
  return value
    .replace(/(^|[\s,/(])([^\s,/:@()]*):([^\s,/@()]*)@/g, (_match, before: string, user: string) => `${before}${user}:***@`)
    .replace(/([?&](?:password|passwd|pwd|secret|token|api_?key|access_?key)=)[^&\s,)]*/gi, '$1***');
}

/** Settings whose whole value is a secret: named in errors, never shown. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['SESSION_SECRET', 'OIDC_CLIENT_SECRET', 'COLLABOFLOW_API_KEY', 'METRICS_TOKEN', 'SSS_ADMIN_PASSWORD']);

/** How a setting's value may appear in a log line or an error. */
export function showSetting(name: string, value: string): string {
  return SECRET_SETTINGS.has(name) ? `(hidden, ${value.length} characters)` : JSON.stringify(redactUrl(value));
}
