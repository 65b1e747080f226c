import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/** The native <dialog> gives focus trapping, Esc and the backdrop without a UI kit. */
export function Dialog({ title, testId, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      {children}
    </dialog>
  );
}
