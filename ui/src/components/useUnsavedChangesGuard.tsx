import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { Dialog } from './Dialog.tsx';
import { unsavedLabels } from '../i18n/unsaved.ts';
import { useLabels } from '../i18n/useLabels.ts';

export interface UnsavedChangesGuard {
  /** Render it on the page: the question asked when someone navigates away from unsaved edits. */
  dialog: ReactNode;
  /**
   * Call just before a navigation the page itself makes after a successful save: the `dirty` it
   * passed is still true until the next render, and the save already kept what was typed.
   */
  release: () => void;
}

/**
 * Keeps typed-but-unsaved edits from being dropped without a word: an in-app navigation (a link,
 * a tab kept in the URL, Back) asks first, and closing or reloading the tab gets the browser's own
 * prompt. One guard per page (react-router allows one blocker at a time).
 */
export function useUnsavedChangesGuard(dirty: boolean): UnsavedChangesGuard {
  const l = useLabels(unsavedLabels);
  const released = useRef(false);
  if (!dirty) released.current = false;
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }) =>
        dirty && !released.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [dirty],
    ),
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      event.preventDefault();
      event.returnValue = ''; // older Chromium needs it set to show the prompt
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  const dialog =
    blocker.state === 'blocked' ? (
      <Dialog title={l('title')} testId="unsaved-changes" onClose={() => blocker.reset()}>
        <p>{l('body')}</p>
        <div className="actions">
          <button type="button" className="button primary" data-testid="unsaved-stay" onClick={() => blocker.reset()} autoFocus>
            {l('stay')}
          </button>
          <button type="button" className="button danger" data-testid="unsaved-leave" onClick={() => blocker.proceed()}>
            {l('leave')}
          </button>
        </div>
      </Dialog>
    ) : null;
  return { dialog, release: useCallback(() => void (released.current = true), []) };
}
