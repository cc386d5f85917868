// A resumable upload (TUS 1.0.0, the protocol Supabase Storage speaks at /storage/v1/upload/resumable).
// The body is sent in 6 MiB PATCHes (Supabase's required chunk size); a failed PATCH is retried
// from the offset the server reports (HEAD), so a dropped connection costs one chunk, not the file.

export interface TusUploadOptions {
  /** e.g. https://<project>.supabase.co/storage/v1/upload/resumable */
  endpoint: string;
  headers: Record<string, string>;
  bucket: string;
  objectName: string;
  contentType: string;
  /** Total bytes; TUS needs the length up front. */
  size: number;
  body: AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
  chunkSize?: number;
  retries?: number;
  fetch?: typeof fetch;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function* pieces(body: AsyncIterable<Uint8Array>, size: number): AsyncIterable<Buffer> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of body) {
    held.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    heldBytes += chunk.byteLength;
    while (heldBytes >= size) {
      const all = Buffer.concat(held);
      yield all.subarray(0, size);
      held = [all.subarray(size)];
      heldBytes -= size;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held);
}

export async function tusUpload(options: TusUploadOptions): Promise<number> {
  const send = options.fetch ?? fetch;
  const chunkSize = options.chunkSize ?? 6 * 1024 * 1024;
  const base = { ...options.headers, 'tus-resumable': '1.0.0' };
  const created = await send(options.endpoint, {
    method: 'POST',
    signal: options.signal,
    headers: {
      ...base,
      'x-upsert': 'true',
      'upload-length': String(options.size),
      'upload-metadata': [
        `bucketName ${b64(options.bucket)}`,
        `objectName ${b64(options.objectName)}`,
        `contentType ${b64(options.contentType)}`,
        `cacheControl ${b64('3600')}`,
      ].join(','),
    },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || !location) {
    throw new Error(`resumable upload of "${options.objectName}": create answered ${created.status} ${await created.text()}`);
  }
  const uploadUrl = new URL(location, options.endpoint).toString();
  let offset = 0;
  for await (const piece of pieces(options.body, chunkSize)) {
    const end = offset + piece.byteLength;
    for (let attempt = 0; offset < end; attempt++) {
      const response = await send(uploadUrl, {
        method: 'PATCH',
        signal: options.signal,
        headers: { ...base, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        body: new Uint8Array(piece.subarray(piece.byteLength - (end - offset))),
      }).catch((error: unknown) => {
        if (options.signal?.aborted) throw error;
        return undefined;
      });
      if (response?.status === 204) {
        offset = Number(response.headers.get('upload-offset') ?? end);
        continue;
      }
      if (attempt >= (options.retries ?? 3)) {
        throw new Error(`resumable upload of "${options.objectName}": PATCH at ${offset} failed (${response?.status ?? 'network error'})`);
      }
      const head = await send(uploadUrl, { method: 'HEAD', signal: options.signal, headers: base });
      offset = Number(head.headers.get('upload-offset') ?? offset);
    }
  }
  if (offset !== options.size) {
    throw new Error(`resumable upload of "${options.objectName}": sent ${offset} bytes, declared ${options.size}`);
  }
  return offset;
}
