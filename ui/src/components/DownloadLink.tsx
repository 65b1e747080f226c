import { useState, type MouseEvent, type ReactNode } from 'react';
import { downloadFile } from '../lib/download.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

interface DownloadLinkProps {
  href: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A download (export, PDF, Excel) whose refusal is shown on the page, beside the link, as the problem's
 * message (lib/download.ts says why). The href stays a real link, so "open in new tab" and "save link
 * as" (a modified click) keep working as the browser's own.
 */
export function DownloadLink({ href, children, className, testId }: DownloadLinkProps) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    downloadFile(href)
      .catch((cause: unknown) => setError(cause))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <a href={href} download className={className} data-testid={testId} aria-busy={busy || undefined} onClick={onClick}>
        {children}
      </a>
      {error !== null && <ProblemMessage error={error} testId="download-error" />}
    </>
  );
}
