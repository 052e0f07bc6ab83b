import type { Finding } from '@dangan/core';
import type { CliIo, GlobalOptions } from './io.js';

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

/**
 * Prints findings one per line: severity mark, element number or item id, path, message (in the chosen
 * language). `--quiet` prints errors only.
 *
 * @example
 * printFindings(result.findings, global, io); // '  ✗ M22 文件实体/内容描述/题名  题名不能为空'
 */
export function printFindings(findings: readonly Finding[], global: GlobalOptions, io: CliIo): void {
  for (const f of findings) {
    if (global.quiet && f.severity !== 'error') continue;
    const message = global.lang === 'en' ? (f.messageEn ?? f.message) : f.message;
    const where = [f.item, f.element, f.path].filter((x) => x !== undefined && x !== '').join(' ');
    io.stdout(`  ${MARK[f.severity]} ${where === '' ? '' : `${where}  `}${message}\n`);
  }
}
