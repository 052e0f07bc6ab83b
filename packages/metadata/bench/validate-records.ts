/**
 * `safeValidateRecord(record, schemes.dat46)` on a realistic DA/T 46 record — an 一网通办 件 with 2 电子属性,
 * 3 业务实体 and 2 机构人员实体 — against the two peers a host would otherwise use: the derived zod schema's
 * `safeParse` (`schemeToZod`, zod/mini, plain and after `z.compile`) and ajv 8 (draft 2020-12) running the
 * exported JSON Schema (`schemeToJsonSchema`). All four see the same 1,000 distinct records (varied titles,
 * sizes and times), cycled; every engine must accept all of them. Target: ≥ 50,000 records/s on one core.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/validate-records.ts [--quick]`
 */
import { schemes } from '@dangan/metadata';
import Ajv2020 from 'ajv/dist/2020.js';
import * as z from 'zod/mini';
import { schemeToJsonSchema } from '../src/json-schema/index.js';
import { safeValidateRecord } from '../src/validate/index.js';
import { schemeToZod } from '../src/zod/index.js';
import { sampleRecord } from '../test/validate/sample-record.js';

const quick = process.argv.includes('--quick');
const total = quick ? 20_000 : 100_000;
const rounds = quick ? 3 : 5;
const TARGET = 50_000;

// biome-ignore lint/suspicious/noExplicitAny: building varied copies of the sample
const records: any[] = Array.from({ length: 1000 }, (_, i) => {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const r: any = sampleRecord();
  r.文件实体.内容描述.题名 = `关于准予第${i}号申请人食品经营许可的决定`;
  r.文件实体.电子文件号 = `SH-YWTB-2025-${String(i).padStart(6, '0')}-01`;
  r.文件实体.档号.室编件号 = i + 1;
  r.文件实体.电子属性[0].计算机文件大小 = 100_000 + i * 37;
  r.业务实体[2].行为时间 = `2025-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+08:00`;
  return r;
});

const jsonSchema = schemeToJsonSchema(schemes.dat46);
const ajvValidate = new Ajv2020({ strictTypes: true }).compile(jsonSchema);
const zodSchema = schemeToZod(schemes.dat46);
const zodCompiled = z.compile(zodSchema);

const contenders: [string, (r: unknown) => boolean][] = [
  ['dangan `safeValidateRecord` (all checks)', (r) => safeValidateRecord(r, schemes.dat46).ok],
  ['ajv 8 + `schemeToJsonSchema` (structure & domains only)', (r) => ajvValidate(r) === true],
  ['zod/mini `schemeToZod().safeParse`', (r) => zodSchema.safeParse(r).success],
  ['zod/mini `z.compile(schemeToZod())`', (r) => zodCompiled.safeParse(r).success],
];

for (const [name, fn] of contenders) {
  for (const r of records) if (!fn(r)) throw new Error(`${name} rejected a valid record`);
}

function run(fn: (r: unknown) => boolean): number {
  const start = performance.now();
  let ok = 0;
  for (let i = 0; i < total; i++) if (fn(records[i % records.length])) ok++;
  const ms = performance.now() - start;
  if (ok !== total) throw new Error('a record was rejected');
  return total / (ms / 1000);
}

const rates = new Map<string, number[]>();
for (const [, fn] of contenders) run(fn); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const [name, fn] of contenders) rates.set(name, [...(rates.get(name) ?? []), run(fn)]);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const ours = median(rates.get(contenders[0]![0])!);
console.log(
  `Validating a DA/T 46 一网通办 record (2 电子属性, 3 业务实体, 2 机构人员实体), ${total.toLocaleString('en')} records × ${rounds} rounds, median, one core\n`,
);
console.log('| validator | records/s | dangan ÷ it |');
console.log('|---|---:|---:|');
for (const [name] of contenders) {
  const rate = median(rates.get(name)!);
  console.log(`| ${name} | ${Math.round(rate).toLocaleString('en')} | ${(ours / rate).toFixed(2)}× |`);
}
console.log(
  `\nTarget ≥ ${TARGET.toLocaleString('en')} records/s: ${ours >= TARGET ? 'met' : 'NOT met'} (${Math.round(ours).toLocaleString('en')}/s)`,
);
