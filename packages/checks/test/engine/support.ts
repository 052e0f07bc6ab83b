import { chunks } from '@dangan/core';
import { expect } from 'vitest';
import { catalogue } from '../../src/catalogue/catalogue.js';
import type { CheckStageId } from '../../src/catalogue/types.js';
import type { CheckItemResult, CheckReport } from '../../src/report/types.js';
import type { ScanResult, VirusScanner } from '../../src/scanner/types.js';

/** The report item a rule evaluates in the report's stage (the first one). */
export function itemOf(report: CheckReport, rule: string): CheckItemResult {
  const ids = catalogue
    .forStage(report.stage as CheckStageId)
    .filter((i) => i.rule === rule)
    .map((i) => i.id);
  const found = report.items.find((i) => ids.includes(i.id));
  expect(found, `no item for rule ${rule} in ${report.stage}`).toBeDefined();
  return found!;
}

/** Every report item a rule evaluates. */
export function itemsOf(report: CheckReport, rule: string): CheckItemResult[] {
  const ids = catalogue
    .forStage(report.stage as CheckStageId)
    .filter((i) => i.rule === rule)
    .map((i) => i.id);
  return report.items.filter((i) => ids.includes(i.id));
}

/** Paths named by the error findings of an item. */
export function errorPaths(item: CheckItemResult): string[] {
  return item.findings.filter((f) => f.severity === 'error').map((f) => f.path ?? '');
}

/**
 * A scanner that reads every byte it is given (as a real engine does) and reports `infected` for files
 * whose bytes contain `signature`, else clean; records what it scanned.
 */
export function readingScanner(signature = 'EICAR-TEST'): VirusScanner & { scanned: Map<string, number> } {
  const scanned = new Map<string, number>();
  const needle = Buffer.from(signature);
  return {
    name: 'test-scanner 1.0',
    scanned,
    async scan(source, options): Promise<ScanResult> {
      const parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of chunks(source)) {
        size += chunk.length;
        parts.push(Buffer.from(chunk));
      }
      scanned.set(options?.path ?? '?', size);
      return Buffer.concat(parts).includes(needle)
        ? { status: 'infected', signature: 'Test.Signature' }
        : { status: 'clean' };
    },
  };
}
