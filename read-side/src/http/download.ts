import type { FastifyReply } from 'fastify';

export interface DownloadFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

/**
 * A file answered for download (or, `inline`, for the browser's viewer). RFC 6266: an ASCII
 * fallback plus the UTF-8 name, so Japanese file names survive every browser; never cached, for
 * what a file says can change with the next event.
 */
export function download(reply: FastifyReply, file: DownloadFile, inline = false) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '');
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
