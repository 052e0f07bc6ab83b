/**
 * Benchmark: dangan's own EXIF reader against exifr 7.1.3 (the maintained EXIF library the capture
 * decision weighed), on the same camera-like JPEG, plus the browser bundle size of each.
 *
 *   cd packages/metadata && npx tsx --conditions=@dangan/source bench/capture-exif.ts [--quick]
 */
import { gzipSync } from 'node:zlib';
import exifr from 'exifr';
import { captureAttributes } from '../src/capture/index.js';
import { readExif } from '../src/capture/photo/exif.js';
import { readJpegHeaders } from '../src/capture/photo/jpeg.js';
import { readFromBytes, TiffStructure } from '../src/capture/photo/tiff-structure.js';
import { ByteRegions } from '../src/capture/regions.js';
import { buildTiff, exifIfd, jpegWithExif, SAMPLE_EXIF } from '../test/capture/helpers/exif-builder.js';
import { fixture } from '../test/capture/helpers/sources.js';

const quick = process.argv.includes('--quick');
const iterations = quick ? 2000 : 20000;
const jpeg = jpegWithExif(fixture('plain.jpg'), buildTiff(exifIfd(SAMPLE_EXIF)));

function ours(): unknown {
  const h = readJpegHeaders(new ByteRegions(jpeg.length, [{ start: 0, bytes: jpeg }]));
  const tiff = TiffStructure.open(readFromBytes(h.exif!))!;
  return readExif(tiff);
}

async function theirs(): Promise<unknown> {
  return exifr.parse(jpeg, { tiff: true, exif: true, gps: true, interop: true, translateValues: false });
}

async function time(fn: () => unknown): Promise<number> {
  for (let i = 0; i < iterations / 10; i++) await fn();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return ((performance.now() - started) * 1000) / iterations; // µs per call
}

async function bundleSize(source: string): Promise<{ min: number; gzip: number }> {
  const { build } = await import('esbuild');
  const r = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@dangan/source'],
    external: ['@dangan/core'],
    write: false,
    logLevel: 'error',
  });
  const code = r.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const oursUs = await time(ours);
const exifrUs = await time(theirs);
const captureUs = await time(() => captureAttributes(jpeg, 'a.jpg'));
const own = await bundleSize("export { captureAttributes } from './src/capture/index.ts';");
const exifrFull = await bundleSize("import exifr from 'exifr'; export const parse = exifr.parse;");
const exifrMini = await bundleSize("export { parse } from 'exifr/dist/mini.esm.mjs';");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

console.log(`\n### EXIF reading (${jpeg.length}-byte JPEG with IFD0, Exif, GPS), ${iterations} calls\n`);
console.log('| reader | µs per call | vs exifr | bundle (min) | bundle (min+gzip) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(
  `| exifr 7.1.3 parse (peer) | ${exifrUs.toFixed(1)} | 1.00× | ${kb(exifrFull.min)} full / ${kb(exifrMini.min)} mini | ${kb(exifrFull.gzip)} / ${kb(exifrMini.gzip)} |`,
);
console.log(
  `| dangan readJpegHeaders + readExif | ${oursUs.toFixed(1)} | ${(oursUs / exifrUs).toFixed(2)}× | — | — |`,
);
console.log(
  `| dangan captureAttributes (whole capture: SM3, identifyFormat, EXIF, MP4/MOV, WAV, MP3, PDF/OOXML/OFD creator) | ${captureUs.toFixed(1)} | — | ${kb(own.min)} | ${kb(own.gzip)} |`,
);
console.log('\n(@dangan/core is external to the dangan bundle: hosts load it anyway.)');
console.log(`target: own reader no slower than exifr — ${oursUs <= exifrUs ? 'met' : 'NOT met'}`);
