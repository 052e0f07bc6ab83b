/**
 * Test EEPs built by hand (no buildEep needed): original and modification layers with chosen files and ids,
 * and signing by the dangan signing rule (exact bytes of 被签名对象 / of the locked 电子签名, SM2/SM3, DER,
 * Base64) with certificates made by core's createCertificate.
 */
import { Buffer } from 'node:buffer';
import { sm2, toBase64, utf8 } from '@dangan/core';
import {
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
} from '@dangan/metadata';
import { createCertificate } from '../../../../../core/src/sm2/certificate-create.js';
import { EEP_SM2_SM3_OID, eepSigningRule } from '../../../../src/eep/signing-rule.js';

export const NS = 'http://www.saac.gov.cn/standards/ERM/encapsulation';

/** One computer file of a layer. */
export interface TestFile {
  readonly name: string;
  /** The data (absent with `ref`: the 编码数据 is empty and refers to earlier data). */
  readonly data?: Uint8Array;
  /** 引用编码数据ID. */
  readonly ref?: string;
  /** 反编码关键字 (default: the name's extension). */
  readonly key?: string;
  /** 计算机文件大小 as written (default: the data's length, or `refSize`). */
  readonly size?: string;
  readonly refSize?: number;
}

/** A layer's content. */
export interface TestLayer {
  /** Prefix making every id of the layer unique (D, DD, E, ED + prefix). */
  readonly ids: string;
  readonly files: readonly TestFile[];
  readonly title?: string;
  readonly createdAt?: string;
  /** Split 编码数据 into lines of this many characters (RFC 2045 uses 76); default one line. */
  readonly lineLength?: number;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? 'bin' : name.slice(dot + 1);
}

/** Base64 of `data`, optionally wrapped. */
export function base64(data: Uint8Array, lineLength?: number): string {
  const text = Buffer.from(data.buffer, data.byteOffset, data.length).toString('base64');
  if (lineLength === undefined) return text;
  return (text.match(new RegExp(`.{1,${lineLength}}`, 'g')) ?? []).join('\n');
}

/** 文件实体块, 业务实体块 and 机构人员实体块 of a layer. */
export function contentXml(layer: TestLayer): string {
  const p = layer.ids;
  const encodings = layer.files
    .map((f, i) => {
      const size = f.size ?? String(f.data?.length ?? f.refSize ?? 0);
      const attrs =
        f.ref === undefined
          ? `编码数据ID="ED${p}${i + 1}"`
          : `编码数据ID="ED${p}${i + 1}" 引用编码数据ID="${f.ref}"`;
      const data = f.data === undefined ? '' : base64(f.data, layer.lineLength);
      return (
        `<编码 编码ID="E${p}${i + 1}"><电子属性><格式信息>PDF</格式信息><计算机文件名>${esc(f.name)}</计算机文件名>` +
        `<计算机文件大小>${esc(size)}</计算机文件大小></电子属性><编码描述>${EEP_ENCODING_DESCRIPTION}</编码描述>` +
        `<反编码关键字>${esc(f.key ?? extension(f.name))}</反编码关键字><编码数据 ${attrs}>${data}</编码数据></编码>`
      );
    })
    .join('\n');
  return `<文件实体块>
<文件实体>
<聚合层次>文件</聚合层次>
<来源><立档单位名称>上海市某区政务服务中心</立档单位名称></来源>
<电子文件号>F-${p}</电子文件号>
<档号><全宗号>Z109</全宗号><年度>2024</年度><保管期限>定期30年</保管期限><室编件号>12</室编件号></档号>
<内容描述><题名>${esc(layer.title ?? '关于做好归档工作的通知')}</题名><责任者>某区政务服务中心</责任者><日期>2024-06-01</日期><密级>公开</密级></内容描述>
<形式特征><文件组合类型>单件</文件组合类型><页数>3</页数></形式特征>
<存储位置><脱机载体编号>NONE</脱机载体编号></存储位置>
<权限管理/>
<文件数据><文档><文档标识符>D${p}</文档标识符><文档主从声明>主文档</文档主从声明><文档数据 文档数据ID="DD${p}">
${encodings}
</文档数据></文档></文件数据>
</文件实体>
</文件实体块>
<业务实体块><业务实体><业务标识符>B1</业务标识符><机构人员标识符>A1</机构人员标识符><文件标识符>F-${p}</文件标识符><业务状态>历史行为</业务状态><业务行为>归档</业务行为><行为时间>2024-06-01T10:00:00+08:00</行为时间></业务实体></业务实体块>
<机构人员实体块><机构人员实体><机构人员标识符>A1</机构人员标识符><机构人员类型>单位</机构人员类型><机构人员名称>上海市某区政务服务中心</机构人员名称></机构人员实体></机构人员实体块>`;
}

function header(type: '原始型' | '修改型', createdAt: string): string {
  return `<封装包类型>${type}</封装包类型>
<封装包类型描述>${EEP_PACKAGE_TYPE_DESCRIPTIONS[type]}</封装包类型描述>
<封装包创建时间>${createdAt}</封装包创建时间>
<封装包创建单位>上海市某区政务服务中心</封装包创建单位>`;
}

function root(signedObject: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<电子文件封装包 xmlns="${NS}">
<封装包格式描述>${EEP_FORMAT_DESCRIPTION}</封装包格式描述>
<版本>2009</版本>
${signedObject}
</电子文件封装包>
`;
}

/** An unsigned 原始型 EEP. */
export function originalEep(layer: TestLayer): string {
  return root(`<被签名对象 eep版本="2009">
${header('原始型', layer.createdAt ?? '2024-06-01T10:00:00+08:00')}
<封装内容>
${contentXml(layer)}
</封装内容>
</被签名对象>`);
}

/** `[start, end)` string indices of the outermost 被签名对象 element. */
export function outerSignedObject(eep: string): [number, number] {
  const start = eep.indexOf('<被签名对象');
  const end = eep.lastIndexOf('</被签名对象>') + '</被签名对象>'.length;
  return [start, end];
}

/** The 电子签名块 of the outermost layer, as written (or ''). */
function outerSignatureBlock(eep: string): string {
  const [, end] = outerSignedObject(eep);
  const rest = eep.slice(end);
  const start = rest.indexOf('<电子签名块>');
  if (start < 0) return '';
  const stop = rest.indexOf('</电子签名块>') + '</电子签名块>'.length;
  return rest.slice(start, stop);
}

/**
 * A 修改型 EEP wrapping `previous` (its 被签名对象 and 电子签名块 copied byte for byte into 原封装包; its
 * 锁定签名 left out, as the schema wants) with a new layer.
 */
export function modifiedEep(
  previous: string,
  layer: TestLayer & { readonly modificationId: string },
): string {
  const [start, end] = outerSignedObject(previous);
  return root(`<被签名对象 eep版本="2009">
${header('修改型', layer.createdAt ?? '2024-07-01T10:00:00+08:00')}
<修改封装内容>
<修改标识符>${layer.modificationId}</修改标识符>
<原封装包>${previous.slice(start, end)}${outerSignatureBlock(previous)}</原封装包>
<修订内容>
${contentXml(layer)}
</修订内容>
</修改封装内容>
</被签名对象>`);
}

/** A signer: key pair and certificate chain (leaf first). */
export interface TestSigner {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly certificate: Uint8Array;
  readonly ca: {
    readonly privateKey: Uint8Array;
    readonly publicKey: Uint8Array;
    readonly certificate: Uint8Array;
  };
}

let serial = 100n;

/** A CA and a leaf certificate (valid 2020–2040 unless given). */
export function testSigner(
  options: { notBefore?: Date; notAfter?: Date; name?: string; ca?: TestSigner['ca'] } = {},
): TestSigner {
  const ca =
    options.ca ??
    (() => {
      const pair = sm2.generateKeyPair();
      const certificate = createCertificate({
        publicKey: pair.publicKey,
        signingKey: pair.privateKey,
        subject: { C: 'CN', O: '档案测试', CN: '测试根CA' },
        serialNumber: serial++,
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2040-01-01T00:00:00Z'),
        ca: true,
      });
      return { ...pair, certificate };
    })();
  const pair = sm2.generateKeyPair();
  const certificate = createCertificate({
    publicKey: pair.publicKey,
    signingKey: ca.privateKey,
    issuerCertificate: ca.certificate,
    subject: { C: 'CN', O: '档案测试', CN: options.name ?? '签名人' },
    serialNumber: serial++,
    notBefore: options.notBefore ?? new Date('2020-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2040-01-01T00:00:00Z'),
  });
  return { ...pair, certificate, ca };
}

/** Options of {@link signEep}. */
export interface SignOptions {
  /** R of 修改R (default 0). */
  readonly modification?: number;
  /** More signers over the same bytes (签名S = 2, 3 …). */
  readonly cosigners?: readonly TestSigner[];
  readonly userId?: string;
  readonly rule?: string;
  readonly algorithm?: string;
  readonly time?: string;
  /** Also put the CA certificate in the 证书块. */
  readonly includeCa?: boolean;
  /** Leave out the 锁定签名 (makes the package schema-invalid). */
  readonly noLock?: boolean;
  /** Change the message after signing (a forged signature). */
  readonly tamperSigned?: boolean;
}

function signatureXml(
  id: string,
  signer: TestSigner,
  message: Uint8Array,
  options: SignOptions,
  locked?: string,
): string {
  const userId = options.userId ?? sm2.DEFAULT_USER_ID;
  const value = sm2.sign(message, signer.privateKey, { userId });
  const certificates = [signer.certificate, ...(options.includeCa === true ? [signer.ca.certificate] : [])]
    .map((c) => `<证书>${toBase64(c)}</证书>`)
    .join('');
  const tag = locked === undefined ? '电子签名' : '锁定签名';
  const first =
    locked === undefined
      ? `<签名标识符>${id}</签名标识符>`
      : `<被锁定签名标识符>${locked}</被锁定签名标识符>`;
  return (
    `<${tag}>${first}<签名规则>${esc(options.rule ?? eepSigningRule(userId))}</签名规则>` +
    `<签名时间>${options.time ?? '2024-06-01T10:05:00+08:00'}</签名时间><签名人>签名人</签名人>` +
    `<签名结果>${toBase64(value)}</签名结果><证书块>${certificates}</证书块>` +
    `<签名算法标识>${options.algorithm ?? EEP_SM2_SM3_OID}</签名算法标识></${tag}>`
  );
}

/**
 * Signs the outermost 被签名对象 of `eep` (an unsigned EEP or a 修改型 one whose outer layer is unsigned):
 * adds 电子签名块 (one 电子签名 per signer, ids 修改R-签名S) and the 锁定签名 over the first 电子签名.
 */
export function signEep(eep: string, signer: TestSigner, options: SignOptions = {}): string {
  const [start, end] = outerSignedObject(eep);
  const message = utf8(eep.slice(start, end));
  const r = options.modification ?? 0;
  const signers = [signer, ...(options.cosigners ?? [])];
  const signatures = signers.map((s, i) => {
    const signed = options.tamperSigned === true ? utf8(`${eep.slice(start, end)} `) : message;
    return signatureXml(`修改${r}-签名${i + 1}`, s, signed, options);
  });
  const lock =
    options.noLock === true ? '' : signatureXml('', signer, utf8(signatures[0]!), options, `修改${r}-签名1`);
  return `${eep.slice(0, end)}\n<电子签名块>${signatures.join('')}</电子签名块>${lock}${eep.slice(end)}`;
}

/** A deterministic pseudo-random payload. */
export function bytesOf(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
