import { requestFile } from './http.ts';

/**
 * Every export and document download goes through here rather than a bare `<a download>`: a plain link
 * saves whatever the server answers, so a refused export (422 past the row bound) arrived as a JSON file
 * nobody opens. Fetched first, a refusal is thrown as an ApiError for the screen to show; a file is
 * handed to the browser's download under the name the server gave it.
 */
export async function downloadFile(path: string): Promise<void> {
  const { blob, disposition } = await requestFile(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(disposition) ?? decodeURIComponent(new URL(path, location.href).pathname.split('/').pop() ?? 'download');
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the object URL is released once the browser no longer needs it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The name in Content-Disposition: the UTF-8 `filename*` (Japanese names) before the ASCII `filename`. */
function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1].trim());
    } catch {
      // a malformed escape: fall back to the ASCII name
    }
  }
  const ascii = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return (ascii?.[1] ?? ascii?.[2]?.trim()) || null;
}
