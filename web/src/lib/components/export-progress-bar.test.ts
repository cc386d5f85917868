import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ExportProgressBar from './export-progress-bar.svelte';

describe('ExportProgressBar', () => {
  it('exposes the percent to assistive technology and prints the figures', () => {
    render(ExportProgressBar, {
      label: 'Progress of export 1',
      figures: { rowsDone: 120_000, rowCount: 300_000, percent: 40, rowsPerSecond: 60_000, etaSeconds: 3 },
    });
    const bar = screen.getByRole('progressbar', { name: 'Progress of export 1' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('40% — 120,000 of 300,000 rows');
    expect(screen.getByText('120,000 / 300,000 rows')).toBeTruthy();
    expect(screen.getByText('60,000 rows/s')).toBeTruthy();
    expect(screen.getByText('ETA 3s')).toBeTruthy();
  });

  it('shows no ETA for a cancelled or failed export', () => {
    for (const status of ['CANCELLED', 'FAILED']) {
      const { container, unmount } = render(ExportProgressBar, {
        label: 'Export progress',
        status,
        figures: { rowsDone: 1_000, rowCount: 300_000, percent: 0, rowsPerSecond: 60_000, etaSeconds: 5 },
      });
      expect(container.textContent).not.toContain('ETA');
      unmount();
    }
  });
});
