import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import AuthForm from './auth-form.svelte';

function fill(email: string, password: string) {
  const emailInput = screen.getByLabelText('Email') as HTMLInputElement;
  const passwordInput = screen.getByLabelText('Password') as HTMLInputElement;
  return Promise.all([fireEvent.input(emailInput, { target: { value: email } }), fireEvent.input(passwordInput, { target: { value: password } })]);
}

describe('AuthForm', () => {
  it('submits the trimmed email and the password', async () => {
    const onsubmit = vi.fn(async () => ({ ok: true as const }));
    render(AuthForm, { submitLabel: 'Sign in', autocomplete: 'current-password', onsubmit });
    await fill('  ada@example.com ', 'secret-123');
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onsubmit).toHaveBeenCalledWith('ada@example.com', 'secret-123');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the failure message and lets the user try again', async () => {
    let resolve!: (value: { ok: false; message: string }) => void;
    const onsubmit = vi.fn(() => new Promise<{ ok: false; message: string }>((r) => (resolve = r)));
    render(AuthForm, { submitLabel: 'Sign up', autocomplete: 'new-password', onsubmit });
    await fill('ada@example.com', '123');
    const button = screen.getByRole('button', { name: 'Sign up' }) as HTMLButtonElement;
    await fireEvent.click(button);
    expect(button.disabled).toBe(true);
    resolve({ ok: false, message: 'Password should be at least 8 characters.' });
    expect((await screen.findByRole('alert')).textContent).toBe('Password should be at least 8 characters.');
    expect(button.disabled).toBe(false);
  });
});
