import type { ArchivalDigestAlgorithm } from '@dangan/core';
import type { ComponentFileNamePart } from '@dangan/metadata';

/** The text encodings the catalogue and the readme may be written in (UTF-8 default; GB18030 allowed). */
export type ArchivalTextEncoding = 'utf-8' | 'gb18030';

/**
 * How content files are named inside a 件's folder:
 * - `component` — metadata's filing naming (`componentFileNames`): `{档号}-{序号:3}-{角色}.{扩展名}` by default,
 *   the role being the file's `role`, else the 一网通办 材料名称 whose 计算机文件名 matches, else left out;
 *   collisions inside a 件 get `~2`, `~3` …;
 * - `original` — the 计算机文件名 (M48) of the file's 电子属性 entry, made safe (unsafe characters → `_`);
 *   two equal names in one 件 are an error.
 */
export type ArchivalFileNameRule =
  | {
      readonly kind: 'component';
      /** Pieces before the extension (default `['archivalCode', 'order', 'role']`). */
      readonly pattern?: readonly ComponentFileNamePart[];
      /** Joins the pieces (default `-`). */
      readonly separator?: string;
      /** Digits of the order number (default 3). */
      readonly orderWidth?: number;
    }
  | { readonly kind: 'original' };

/**
 * The layout of a 归档信息包 (archival information package) as data (归档信息包布局): where each part goes and how
 * things are named. `buildArchivalPackage` writes a package by it and `readArchivalPackage` reads one back.
 *
 * **Names are templates.** `packageName`, `content.itemFolder` and `eep.fileName` are single path segments
 * made of literal text and placeholders: `{档号}`, `{电子文件号}` (M7), `{办件编号}`, `{事项编码}` (一网通办
 * 办件 block), `{全宗号}`, `{年度}`, `{件号}` (室编件号, else 馆编件号) and `{序号}` (the 件's position in the
 * package, from 1); a number may take a width, `{件号:4}` → `0007`. Values are made safe for file names
 * (NFC, unsafe characters → `_`). The package name is taken from the first 件.
 *
 * **Paths** (`metadata.path`, `catalogue.path` …, `content.folder`, `eep.folder`) are `/`-separated entry
 * paths relative to the package root and must be safe (`checkEntryPath`), distinct (ignoring case) and not
 * inside one another. Validate a host-made profile with `validateArchivalLayoutProfile`.
 *
 * @example
 * const mine: ArchivalLayoutProfile = {
 *   ...ARCHIVAL_LAYOUTS['dangan-ywtb'],
 *   id: 'pudong-ywtb',
 *   name: '浦东新区一网通办归档信息包',
 *   metadata: { path: '基本信息元数据.xml' },
 * };
 */
export interface ArchivalLayoutProfile {
  /** Stable identifier, written into the manifest (清单) so a reader can recognise the layout. */
  readonly id: string;
  /** Version of this layout (written into the manifest with the id). */
  readonly version: string;
  /** Chinese name. */
  readonly name: string;
  /** Whether the layout is provisional (not taken from a published standard's text). */
  readonly provisional: boolean;
  /** What the layout is based on, and what is not known. */
  readonly basis: string;
  /** Filing unit of one package: one 办件 with all its 件, or one 件. */
  readonly unit: '办件' | '件';
  /** Template of the package's name (the folder or ZIP the host writes it as). */
  readonly packageName: string;
  /** Id of the metadata scheme used when the caller passes none (`ywtb`, `dat46`, `dat54`, `dat63`). */
  readonly scheme: string;
  /** The metadata document: every 件's record in one `<dg:元数据集>` (metadata's `recordsToXml`). */
  readonly metadata: { readonly path: string };
  /** The content files (电子文件). */
  readonly content: {
    /** Folder of the content files. */
    readonly folder: string;
    /**
     * Template of each 件's sub-folder inside `content.folder`; absent: files go straight into the folder
     * (allowed only for the unit `件`). For the unit `办件` it must name the 件 (`{档号}`, `{电子文件号}`,
     * `{件号}` or `{序号}`).
     */
    readonly itemFolder?: string;
    /** How content files are named. */
    readonly fileName: ArchivalFileNameRule;
  };
  /** Where DA/T 48 EEPs go, one per 件, when the caller gives them; absent: the layout has no EEPs. */
  readonly eep?: {
    readonly folder: string;
    /** Template of an EEP's file name, e.g. `{档号}.xml`. */
    readonly fileName: string;
  };
  /** The 归档文件目录 (catalogue, root `<文件目录>`). */
  readonly catalogue: { readonly path: string; readonly encoding: ArchivalTextEncoding };
  /** The 电子文件归档登记表 (GB/T 18894-2016 表A.1) data, as XML. */
  readonly registrationForm: { readonly path: string };
  /** The 说明文件 (readme, plain text); absent: none is written. */
  readonly readme?: { readonly path: string; readonly encoding: ArchivalTextEncoding };
  /** The manifest (清单): every other file with its size and digests. Written last. */
  readonly manifest: {
    readonly path: string;
    /** Digest algorithms, each named next to its value (default `['sm3']`; SHA-256 may go alongside). */
    readonly algorithms: readonly ArchivalDigestAlgorithm[];
  };
}

/** Ids of the layouts dangan ships. */
export type ArchivalLayoutId = 'dangan-ywtb' | 'dangan-item';

const BASIS =
  '暂定布局（dangan 约定）：DB31/T 1152-2019 数据组织规范与 GB/T 42727-2023 附录B（归档信息包的一般结构示例）原文均未得见，' +
  '其目录结构与命名未知；本布局参照《电子档案移交与接收办法》附件2 的载体结构（说明文件、目录文件、电子档案目录）' +
  '和福州政务服务“一办件一包”的做法拟定，可由宿主整体替换。';

/**
 * The 归档信息包 layouts dangan ships, as data. **Both are PROVISIONAL**: the layouts of DB31/T 1152-2019
 * (数据组织规范) and GB/T 42727-2023 Annex B (归档信息包的一般结构示例) were not available, so these are dangan's
 * documented defaults, modelled on the 移交 carrier layout (说明文件, 目录文件, records folder; 《电子档案移交与接收办法》
 * 附件2) and the one-package-per-办件 practice. A host replaces them with its own {@link ArchivalLayoutProfile}
 * (spread one of these and change what differs).
 *
 * - `dangan-ywtb` (default, 一网通办, per 办件): `{办件编号}/` holding `说明文件.txt`, `归档文件目录.xml`,
 *   `归档登记表.xml`, `元数据.xml` (every 件's record, scheme `ywtb`), `电子文件/{档号}/{档号}-001-{角色}.pdf` …,
 *   `封装包/{档号}.xml` (optional EEPs) and `归档信息包清单.xml` (SM3).
 * - `dangan-item` (per 件, scheme `dat46`): the same parts for one 件, named `{档号}`, with the content files
 *   straight in `电子文件/`.
 *
 * @example
 * ARCHIVAL_LAYOUTS['dangan-ywtb'].unit; // '办件'
 * ARCHIVAL_LAYOUTS['dangan-item'].packageName; // '{档号}'
 */
export const ARCHIVAL_LAYOUTS: Readonly<Record<ArchivalLayoutId, ArchivalLayoutProfile>> = {
  'dangan-ywtb': {
    id: 'dangan-ywtb',
    version: '1',
    name: '一网通办归档信息包（暂定，按办件）',
    provisional: true,
    basis: BASIS,
    unit: '办件',
    packageName: '{办件编号}',
    scheme: 'ywtb',
    metadata: { path: '元数据.xml' },
    content: {
      folder: '电子文件',
      itemFolder: '{档号}',
      fileName: {
        kind: 'component',
        pattern: ['archivalCode', 'order', 'role'],
        separator: '-',
        orderWidth: 3,
      },
    },
    eep: { folder: '封装包', fileName: '{档号}.xml' },
    catalogue: { path: '归档文件目录.xml', encoding: 'utf-8' },
    registrationForm: { path: '归档登记表.xml' },
    readme: { path: '说明文件.txt', encoding: 'utf-8' },
    manifest: { path: '归档信息包清单.xml', algorithms: ['sm3'] },
  },
  'dangan-item': {
    id: 'dangan-item',
    version: '1',
    name: '归档信息包（暂定，按件）',
    provisional: true,
    basis: BASIS,
    unit: '件',
    packageName: '{档号}',
    scheme: 'dat46',
    metadata: { path: '元数据.xml' },
    content: {
      folder: '电子文件',
      fileName: {
        kind: 'component',
        pattern: ['archivalCode', 'order', 'role'],
        separator: '-',
        orderWidth: 3,
      },
    },
    eep: { folder: '封装包', fileName: '{档号}.xml' },
    catalogue: { path: '归档文件目录.xml', encoding: 'utf-8' },
    registrationForm: { path: '归档登记表.xml' },
    readme: { path: '说明文件.txt', encoding: 'utf-8' },
    manifest: { path: '归档信息包清单.xml', algorithms: ['sm3'] },
  },
};
