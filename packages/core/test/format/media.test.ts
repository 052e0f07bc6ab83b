import { describe, expect, it } from 'vitest';
import { identifyFormat } from '../../src/format/index.js';
import {
  buildBmp,
  buildIsoMedia,
  buildJpeg,
  buildMp3,
  buildPng,
  buildWav,
  utf8,
} from './helpers/file-builders.js';
import { concat } from './helpers/zip-builder.js';

describe('images', () => {
  it('JPEG: PUID follows the first APP segment; progressive and raw streams are told apart', async () => {
    expect(await identifyFormat(buildJpeg({ exifVersion: '0220', exifFirst: true }))).toMatchObject({
      pronom: 'x-fmt/391',
      flags: { exif: true },
      details: { exifVersion: '0220' },
    });
    expect(
      (await identifyFormat(buildJpeg({ exifVersion: '0221', exifFirst: true, jfif: false }))).pronom,
    ).toBe('fmt/645');
    const raw = await identifyFormat(buildJpeg({ jfif: false }));
    expect(raw).toMatchObject({
      id: 'jpeg',
      pronom: 'fmt/41',
      flags: { exif: false },
      details: { width: 8, height: 8 },
    });
    expect(raw.version).toBeUndefined();
    expect((await identifyFormat(buildJpeg({ progressive: true }))).details?.progressive).toBe(true);
  });

  it('JPEG cut before its frame header keeps what it saw and leaves the rest unknown', async () => {
    const jpeg = buildJpeg({ exifVersion: '0230' });
    expect((await identifyFormat(jpeg.subarray(0, 30))).flags.exif).toBe(true); // the EXIF header made it
    const info = await identifyFormat(jpeg.subarray(0, 24)); // APP1 marker and length only
    expect(info).toMatchObject({ id: 'jpeg', version: '1.02' });
    expect(info.flags.exif).toBeUndefined();
    expect(info.details?.width).toBeUndefined();
  });

  it('PNG: version PUID from its chunks, truncation from a missing IEND', async () => {
    expect((await identifyFormat(buildPng(1, 1, ['sRGB']))).pronom).toBe('fmt/12');
    expect((await identifyFormat(buildPng(1, 1, ['iTXt', 'sRGB']))).pronom).toBe('fmt/13');
    expect((await identifyFormat(buildPng(1, 1, ['eXIf']))).flags.exif).toBe(true);
    const png = buildPng(5, 4);
    const cut = await identifyFormat(png.subarray(0, png.length - 12));
    expect(cut).toMatchObject({ id: 'png', flags: { truncated: true }, details: { width: 5, height: 4 } });
    expect(cut.pronom).toBeUndefined();
  });

  it('BMP needs a sensible DIB header: "BM" text is not a bitmap', async () => {
    expect((await identifyFormat(utf8('BM is how this note begins, nothing more.\n'))).id).toBe('text');
    const bmp = buildBmp();
    const v5 = bmp.slice();
    new DataView(v5.buffer).setUint32(14, 124, true);
    expect(await identifyFormat(concat([v5, new Uint8Array(100)]))).toMatchObject({
      id: 'bmp',
      version: '5',
      pronom: 'fmt/119',
    });
  });
});

describe('audio and video', () => {
  it('WAV: extensible format has its own PUID; RF64 too', async () => {
    expect(await identifyFormat(buildWav(16, true))).toMatchObject({
      id: 'wav',
      pronom: 'fmt/143',
      details: { formatTag: 0xfffe },
    });
    const rf64 = buildWav();
    rf64.set(utf8('RF64'), 0);
    expect(await identifyFormat(rf64)).toMatchObject({ id: 'wav', pronom: 'fmt/712' });
  });

  it('MP3: an ID3 tag alone is MP3; a lone frame sync without a second frame is not', async () => {
    expect(await identifyFormat(buildMp3(0, true))).toMatchObject({
      id: 'mp3',
      details: { id3Version: '2.3' },
    });
    const lone = concat([
      buildMp3(1, false).subarray(0, 4),
      utf8('this is not audio at all, only text after a sync'),
    ]);
    expect((await identifyFormat(lone)).id).toBe('unknown');
    expect(await identifyFormat(buildMp3(3, false, 1))).toMatchObject({
      id: 'mpeg-audio',
      version: 'MPEG-1 Layer I',
      pronom: 'fmt/347',
    });
  });

  it('ISO media: MP4 brands, QuickTime, still-image brands left alone, old QuickTime without ftyp', async () => {
    expect(await identifyFormat(buildIsoMedia('M4A ', ['M4A ', 'mp42', 'isom']))).toMatchObject({
      id: 'mp4',
      pronom: 'fmt/199',
    });
    const dash = await identifyFormat(buildIsoMedia('dash', ['dash']));
    expect(dash.id).toBe('mp4');
    expect(dash.pronom).toBeUndefined();
    expect((await identifyFormat(buildIsoMedia('heic', ['mif1', 'heic']))).id).toBe('unknown');
    const oldMov = buildIsoMedia().subarray(28); // drop the ftyp box: starts with moov
    expect(await identifyFormat(oldMov)).toMatchObject({ id: 'mov', pronom: 'x-fmt/384' });
  });
});
