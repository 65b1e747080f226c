/** Whether a form's values differ from what it started with (plain data: strings, booleans, arrays of rows). */
export const isEdited = (initial: unknown, current: unknown): boolean => JSON.stringify(initial) !== JSON.stringify(current);
