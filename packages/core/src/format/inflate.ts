import { concatBytes } from '../bytes/read-all.js';

/**
 * The first `maxOutput` bytes of raw-DEFLATE data, through the platform `DecompressionStream`
 * (browsers, Node ≥ 20). Stops reading as soon as enough is out, so a compression bomb costs no more
 * than `maxOutput` plus one internal chunk. Bad or cut data yields what was inflated before the fault.
 * `undefined` when the platform cannot inflate raw DEFLATE.
 *
 * @example
 * const xml = await inflateRawPrefix(entryBytes, 1 << 20); // a ZIP entry's first MiB, inflated
 */
export async function inflateRawPrefix(data: Uint8Array, maxOutput: number): Promise<Uint8Array | undefined> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Feed in slices so the inflater never holds more compressed input than it has been asked to expand.
  const feed = (async () => {
    for (let offset = 0; offset < data.length; offset += 16 * 1024) {
      await writer.write(data.slice(offset, offset + 16 * 1024));
    }
    await writer.close();
  })().catch(() => undefined);
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxOutput) {
      const step = await reader.read();
      if (step.done) break;
      parts.push(step.value);
      total += step.value.length;
    }
  } catch {
    // Corrupt or truncated DEFLATE: keep what came out before the fault.
  } finally {
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    await feed;
  }
  const out = concatBytes(parts, total);
  return out.length > maxOutput ? out.subarray(0, maxOutput) : out;
}
