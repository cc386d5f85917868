// Moving the active option of a listbox from the keyboard (the ARIA combobox pattern): the arrows
// step, Page Up/Down jump a page, Home/End (with Ctrl in a text box) go to either end.

export const PAGE = 10;

/** The option active after `key`, or null when the key is not the listbox's. */
export function nextActive(active: number, key: string, count: number, options: { ctrlKey?: boolean } = {}): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : Math.min(active + 1, last);
    case 'ArrowUp':
      return active < 0 ? last : Math.max(active - 1, 0);
    case 'PageDown':
      return Math.min(Math.max(active, 0) + PAGE, last);
    case 'PageUp':
      return Math.max(active - PAGE, 0);
    case 'Home':
      return options.ctrlKey ? 0 : null;
    case 'End':
      return options.ctrlKey ? last : null;
    default:
      return null;
  }
}
