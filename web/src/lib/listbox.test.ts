import { describe, expect, it } from 'vitest';
import { nextActive, PAGE } from './listbox';

describe('nextActive', () => {
  it('steps with the arrows and stops at either end', () => {
    expect(nextActive(-1, 'ArrowDown', 5)).toBe(0);
    expect(nextActive(3, 'ArrowDown', 5)).toBe(4);
    expect(nextActive(4, 'ArrowDown', 5)).toBe(4);
    expect(nextActive(-1, 'ArrowUp', 5)).toBe(4);
    expect(nextActive(0, 'ArrowUp', 5)).toBe(0);
  });
  it('jumps a page, and to the ends with Ctrl+Home/End only (plain Home/End move the caret)', () => {
    expect(nextActive(0, 'PageDown', 50)).toBe(PAGE);
    expect(nextActive(45, 'PageDown', 50)).toBe(49);
    expect(nextActive(5, 'PageUp', 50)).toBe(0);
    expect(nextActive(20, 'Home', 50)).toBeNull();
    expect(nextActive(20, 'Home', 50, { ctrlKey: true })).toBe(0);
    expect(nextActive(20, 'End', 50, { ctrlKey: true })).toBe(49);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextActive(0, 'a', 5)).toBeNull();
    expect(nextActive(0, 'ArrowDown', 0)).toBeNull();
  });
});
