import { hasBytes } from '../binary.js';
import type { InspectReader } from '../inspect-reader.js';
import { type MpegFrame, parseMpegFrame } from '../mpeg-audio-frame.js';
import type { Probe } from './probe.js';

const LAYER_NAMES = ['', 'I', 'II', 'III'];

/**
 * MP3 and other MPEG-1/2/2.5 audio: an ID3v2 tag, or a frame header at the very start that is followed by
 * a second valid header where its length says (a lone `FF Ex` is too weak a signature). Layer III is
 * `mp3` (PRONOM fmt/134); layers I and II are `mpeg-audio`.
 */
export const probeMpegAudio: Probe = async ({ reader, head }) => {
  let start = 0;
  let id3Version: string | undefined;
  if (
    hasBytes(head, 'ID3') &&
    head.length >= 10 &&
    head[3]! < 0xff &&
    [6, 7, 8, 9].every((i) => head[i]! < 0x80)
  ) {
    const size = (head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!;
    id3Version = `2.${head[3]}`;
    start = 10 + size + (head[5]! & 0x10 ? 10 : 0);
  }
  const frame = await findFrame(reader, start, id3Version !== undefined);
  if (frame === undefined) {
    return id3Version === undefined ? undefined : { id: 'mp3', pronom: 'fmt/134', details: { id3Version } };
  }
  const details = {
    id3Version,
    mpegVersion: frame.version,
    layer: frame.layer,
    bitRate: frame.bitRate || undefined,
    sampleRate: frame.sampleRate,
    channels: frame.channels,
  };
  const version = `MPEG-${frame.version} Layer ${LAYER_NAMES[frame.layer]}`;
  if (frame.layer === 3) return { id: 'mp3', version, pronom: 'fmt/134', details };
  return { id: 'mpeg-audio', version, pronom: frame.layer === 2 ? 'fmt/198' : 'fmt/347', details };
};

/**
 * The first frame at `start` (after an ID3 tag, padding up to 4 KiB is skipped), confirmed by the next
 * header when the file goes on; without a tag, free-format frames cannot be confirmed and are refused.
 */
async function findFrame(
  reader: InspectReader,
  start: number,
  tagged: boolean,
): Promise<MpegFrame | undefined> {
  const window = await reader.read(start, tagged ? 4096 + 4 : 4);
  for (let i = 0; i + 4 <= window.length; i++) {
    if (window[i] !== 0xff) continue;
    const frame = parseMpegFrame(window, i);
    if (frame === undefined) continue;
    if (frame.length === 0) {
      if (tagged) return frame;
      continue;
    }
    const next = await reader.read(start + i + frame.length, 4);
    const atEnd = next.length === 0 && reader.size !== undefined && start + i + frame.length >= reader.size;
    const following = parseMpegFrame(next, 0);
    if (
      (following && following.version === frame.version && following.layer === frame.layer) ||
      (atEnd && tagged)
    ) {
      return frame;
    }
    if (!tagged) return undefined;
  }
  return undefined;
}
