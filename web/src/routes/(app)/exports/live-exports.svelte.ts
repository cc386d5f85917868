// Exports as the list shows them: the queried page, overlaid with every change `myExports` has
// reported since, and a progress meter per running export.
import { ProgressMeter, type ProgressFigures } from '$lib/export-progress';
import type { ExportSummaryFragment } from '$lib/gql/graphql';

export class LiveExports {
  /** Latest known state per export id; null once deleted. */
  changes = $state<Record<string, ExportSummaryFragment | null>>({});
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- meters are read when the list renders, never watched
  #meters = new Map<string, ProgressMeter>();

  /** Records a change; `now` is when it arrived. */
  apply(exportId: string, change: ExportSummaryFragment | null, now = Date.now()): void {
    this.changes[exportId] = change;
    if (change) this.sample(change, now);
  }

  sample(item: ExportSummaryFragment, now = Date.now()): void {
    let meter = this.#meters.get(item.id);
    if (!meter) this.#meters.set(item.id, (meter = new ProgressMeter()));
    meter.add({ at: now, rowsDone: item.progress.rowsDone });
  }

  /** The page's rows with the live changes laid over them; new exports that match come first. */
  merge(rows: readonly ExportSummaryFragment[], matches: (item: ExportSummaryFragment) => boolean): ExportSummaryFragment[] {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local set for this call, not state
    const known = new Set(rows.map((row) => row.id));
    const fresh = Object.values(this.changes).filter((item): item is ExportSummaryFragment => item !== null && !known.has(item.id) && matches(item));
    fresh.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const updated = rows.flatMap((row) => {
      const change = this.changes[row.id];
      if (change === null) return [];
      const item = change ?? row;
      return matches(item) || change === undefined ? [item] : [];
    });
    return [...fresh, ...updated];
  }

  figures(item: ExportSummaryFragment): ProgressFigures {
    const meter = this.#meters.get(item.id) ?? new ProgressMeter();
    if (!this.#meters.has(item.id)) meter.add({ at: Date.now(), rowsDone: item.progress.rowsDone });
    return meter.figures(item.progress.rowsTotal, item.status === 'SUCCEEDED');
  }
}
