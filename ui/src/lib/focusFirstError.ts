/** Moves focus to the first field with a message so keyboard and screen-reader users land on it. */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLElement>('.has-error input, .has-error textarea, .has-error select');
    target?.focus();
  });
}
