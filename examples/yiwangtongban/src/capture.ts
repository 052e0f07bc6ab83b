/**
 * Step 2 — 捕获 (capture): read each file's electronic attributes from its own bytes, never from what the
 * business system claims.
 *
 * `captureAttributes` (@dangan/metadata) reads every file once and returns the DA/T 46 电子属性 (M47 格式信息,
 * M48 计算机文件名, M49 计算机文件大小, M50 文档创建程序), the SM3 digest, the identified format and, for the
 * photo, the DA/T 54 technical elements from its EXIF (摄影时间, 捕获设备, 图像参数). The 一网通办 scheme has no
 * DA/T 54 photo block, so the photo's EXIF facts are kept in the record's 附注 (M75) — where an archivist reads
 * them — and its EXIF `Software` becomes its 文档创建程序.
 */
import { type CapturedAttributes, captureAttributes } from '@dangan/metadata';
import type { CaseFile } from './case.js';

/** A file of the case with what capture read from its bytes. */
export interface CapturedFile extends CaseFile {
  readonly captured: CapturedAttributes<'sm3'>;
}

/** Captures the attributes of every file (one streaming read each); a header capture could not read fails the demo. */
export async function captureFiles(files: readonly CaseFile[]): Promise<CapturedFile[]> {
  const out: CapturedFile[] = [];
  for (const file of files) {
    const captured = await captureAttributes(file.bytes, file.name, { algorithms: ['sm3'] });
    const warnings = captured.findings.filter((f) => f.severity !== 'info');
    if (warnings.length > 0) throw new Error(`${file.name}: ${warnings.map((f) => f.message).join('; ')}`);
    out.push({ ...file, captured });
  }
  return out;
}

/**
 * The photo's EXIF facts as one 附注 (M75) line, e.g. `法定代表人身份证件.jpg 拍摄信息（EXIF）：摄影时间
 * 2026-03-16T09:05:12+08:00；设备 Demo Imaging GP-1600；240×320 像素，300 dpi，灰度`. `undefined` for a file that
 * is not a photo.
 */
export function photoNote(file: CapturedFile): string | undefined {
  const photo = file.captured.照片;
  if (photo === undefined) return undefined;
  const p = photo.图像参数;
  const parts: string[] = [];
  if (photo.时间?.摄影时间 !== undefined) parts.push(`摄影时间 ${photo.时间.摄影时间}`);
  const device = [photo.捕获设备?.设备制造商, photo.捕获设备?.设备型号].filter((s) => s !== undefined);
  if (device.length > 0) parts.push(`设备 ${device.join(' ')}`);
  const image = [`${p.图像宽度}×${p.图像高度} 像素`];
  if (p.水平分辨率 !== undefined) image.push(`${p.水平分辨率} dpi`);
  if (p.色彩空间 !== undefined) image.push(p.色彩空间);
  parts.push(image.join('，'));
  return `${file.name} 拍摄信息（EXIF）：${parts.join('；')}`;
}
