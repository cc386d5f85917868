import { describe, expect, it } from 'vitest';
import { EditHistory, historyCommand } from './edit-history';

describe('EditHistory', () => {
  it('undoes and redoes steps in order, and an edit after an undo drops what could be redone', () => {
    const history = new EditHistory('a', 's');
    history.commit('b', 's', 0);
    history.commit('c', 'other', 5000);
    expect(history.undo()).toBe('b');
    expect(history.undo()).toBe('a');
    expect(history.undo()).toBeNull();
    expect(history.redo()).toBe('b');
    expect(history.canRedo).toBe(true);
    history.commit('d', 's', 9000);
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBeNull();
    expect(history.undo()).toBe('b');
  });

  it('makes one step of a burst of typing, and a new one after a pause', () => {
    const history = new EditHistory('', 's');
    ['o', 'or', 'ord', 'orders'].forEach((text, k) => history.commit(text, 's', 1000 + k * 200));
    history.commit('orders!', 's', 5000);
    expect(history.undo()).toBe('orders');
    expect(history.undo()).toBe('');
  });

  it('never merges a change of shape (a field removed) with the typing before it', () => {
    const history = new EditHistory('x', 'a,b');
    history.commit('xy', 'a,b', 100);
    history.commit('removed', 'a', 150);
    history.commit('removed and typed', 'a', 200);
    expect(history.undo()).toBe('removed');
    expect(history.undo()).toBe('xy');
  });

  it('takes the state an undo put back as no new step', () => {
    const history = new EditHistory('a', 's');
    history.commit('b', 's', 0);
    const back = history.undo()!;
    history.commit(back, 's', 10);
    expect(history.canRedo).toBe(true);
    expect(history.present).toBe('a');
  });

  it('keeps at most `limit` steps and forgets all of them on reset', () => {
    const history = new EditHistory('0', 's', { limit: 3 });
    for (let k = 1; k <= 5; k++) history.commit(String(k), `shape ${k}`, k * 10_000);
    const undone: string[] = [];
    for (let step = history.undo(); step !== null; step = history.undo()) undone.push(step);
    expect(undone).toEqual(['4', '3', '2']);
    history.reset('z', 's');
    expect([history.canUndo, history.canRedo, history.present]).toEqual([false, false, 'z']);
  });
});

describe('historyCommand', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('reads Ctrl+Z as undo and Ctrl+Shift+Z or Ctrl+Y as redo, on a Mac with ⌘ too', () => {
    expect(historyCommand(key('z', { ctrlKey: true }))).toBe('undo');
    expect(historyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyCommand(key('y', { ctrlKey: true }))).toBe('redo');
    expect(historyCommand(key('z', { metaKey: true }))).toBe('undo');
    expect(historyCommand(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
  });
  it('leaves other keys alone', () => {
    expect(historyCommand(key('z'))).toBeNull();
    expect(historyCommand(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyCommand(key('s', { ctrlKey: true }))).toBeNull();
  });
});
