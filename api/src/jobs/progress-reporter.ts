// The coordinator's progress events: one every progressMs while the export runs, each scheduled
// after the previous one is written, so they are never closer than progressMs however late a timer
// fires. Rows of later chunks other workers made count as done too.
import { recordProgress, rowsMadeAhead } from '../exports/store.js';
import { progressFigures } from './chunks.js';
import type { JobContext } from './job-context.js';

export class ProgressReporter {
  /** Rows written into the result so far. */
  rowsDone = 0;
  /** Rows over all tables; the claimed row count until the export is prepared. */
  rowsTotal: number;
  /** Whether the export has several chunks, so other workers may make some of them. */
  shared = false;
  /** The chunk being written (-1: none yet); rows of later chunks made elsewhere are counted. */
  chunkIndex = -1;
  private writing = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private announced = false;
  private readonly startedAt = Date.now();

  constructor(
    private readonly ctx: JobContext,
    private readonly exportId: string,
    rowsTotal: number,
  ) {
    this.rowsTotal = rowsTotal;
    this.schedule();
  }

  get seconds() {
    return (Date.now() - this.startedAt) / 1000;
  }

  /**
   * The first event at once when the coordinator starts on its chunks (written before generating:
   * a busy event loop would hold it back): it wakes idle workers, who find the chunks in place (the
   * `running` event came before they existed). Once, and only for an export others can help with.
   */
  async announce(): Promise<void> {
    if (!this.shared || this.announced || this.writing || this.stopped) return;
    this.announced = true;
    clearTimeout(this.timer);
    await this.write();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule() {
    this.timer = setTimeout(() => void this.write(), this.ctx.progressMs);
  }

  private async write() {
    this.writing = true;
    const { ctx, exportId } = this;
    try {
      const ahead = this.chunkIndex >= 0 && this.shared ? await ctx.db.asService((tx) => rowsMadeAhead(tx, exportId, this.chunkIndex)) : 0;
      const figures = progressFigures(Math.min(this.rowsTotal, this.rowsDone + ahead), this.rowsTotal, this.startedAt, Date.now());
      await ctx.db.asService((tx) => recordProgress(tx, exportId, ctx.workerId, figures));
    } catch {
      // a missed progress event is not worth failing the export for: the next one comes
    }
    this.writing = false;
    if (!this.stopped) this.schedule();
  }
}
