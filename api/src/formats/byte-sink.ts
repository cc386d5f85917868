import type { Writable } from 'node:stream';

// Writes text to a Node stream, counting bytes and honouring backpressure. A stream error is kept
// and rethrown by the next write or by end(), since it may arrive between two writes.
export class ByteSink {
  bytesWritten = 0;
  private failure: Error | undefined;

  constructor(readonly stream: Writable) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  get failed(): Error | undefined {
    const stream = this.stream;
    if (this.failure || stream.errored) return this.failure ?? (stream.errored as Error);
    // a reader that went away (closed download) destroys the stream without an error
    if (stream.destroyed && !stream.writableFinished) return new Error('the output stream was closed before the end');
    return undefined;
  }

  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    await this.writeBytes(Buffer.from(text, 'utf8'));
  }

  async writeBytes(bytes: Buffer): Promise<void> {
    this.throwIfFailed();
    this.bytesWritten += bytes.length;
    if (!this.stream.write(bytes)) await drained(this.stream);
    this.throwIfFailed();
  }

  async end(): Promise<void> {
    this.throwIfFailed();
    await new Promise<void>((resolve, reject) => {
      const stream = this.stream;
      const done = (error?: Error | null) => {
        stream.off('finish', onFinish);
        stream.off('error', onError);
        stream.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onFinish = () => done();
      const onError = (error: Error) => done(error);
      const onClose = () => done(stream.writableFinished ? null : (this.failed ?? new Error('stream closed before the end')));
      stream.on('finish', onFinish);
      stream.on('error', onError);
      stream.on('close', onClose);
      stream.end();
    });
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    const failure = this.failed;
    if (failure) throw failure;
  }
}

/** Resolves on 'drain'; rejects when the stream errors or closes first. */
export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: Error) => done(error);
    const onClose = () => done((stream.errored as Error | null) ?? new Error('stream closed while waiting to drain'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
