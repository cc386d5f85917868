// Where an export's files live: everything under `<ownerId>/<exportId>/` — the result, and the
// chunk files helpers make under `chunks/`.
import type { ChunkRepresentation } from '../exports/model.js';

export const folderOf = (ownerId: string, exportId: string) => `${ownerId}/${exportId}`;

export const chunkPath = (folder: string, index: number, representation: ChunkRepresentation) =>
  `${folder}/chunks/${String(index).padStart(6, '0')}.${representation === 'bytes' ? 'bytes' : 'rows'}`;
