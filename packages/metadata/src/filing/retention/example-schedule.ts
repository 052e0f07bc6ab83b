import type { RetentionSchedule } from './schedule.js';

const EX = '示例（EXAMPLE，非规范）';

/**
 * **EXAMPLE — NOT NORMATIVE.** A made-up 一网通办 归档范围与保管期限表 showing the shape of a real one: rows for
 * 企业设立登记 and 企业变更登记 (exact 事项编码), 食品经营许可 (a 事项编码 prefix covering every variant), 户籍 (a
 * pattern), 社会保险 (a prefix, with a query service excluded), and fallbacks by 事项类型 (行政许可 results
 * 永久, 程序性 D10; 行政确认 and 行政给付 D30/D10; 公共服务 D10 with 程序性材料 out of scope). Codes and periods
 * are invented for illustration; no archives administration approved them. There is no national table — each
 * institution compiles its own and has it approved (filing-rules §3). Use this only in tests and demos, and pass
 * your institution's approved schedule in production.
 *
 * @example
 * evaluateRetention(record, EXAMPLE_YWTB_RETENTION_SCHEDULE).retention?.code; // 'D30' for the README's 企业设立登记
 */
// biome-ignore format: one row per line
export const EXAMPLE_YWTB_RETENTION_SCHEDULE: RetentionSchedule = {
  id: 'EXAMPLE-ywtb-retention-schedule',
  title: '【示例·非规范 EXAMPLE】一网通办电子文件归档范围与电子档案保管期限表',
  version: '2026.1-example',
  approval: { reference: '示例，未经档案主管部门审查批准（EXAMPLE — not approved, not normative）' },
  description: '仅供测试和演示：事项编码和保管期限均为虚构。生产环境必须使用本单位经档案主管部门审查批准的归档范围与保管期限表。',
  rules: [
    // 企业设立登记 (exact 事项编码)
    { id: 'EX-QYSL-YJ', title: '企业设立登记 — 依据性材料', itemCode: '310115000000-JYXK-0001', materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-QYSL-CX', title: '企业设立登记 — 程序性材料', itemCode: '310115000000-JYXK-0001', materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-QYSL-JG', title: '企业设立登记 — 结果性材料', itemCode: '310115000000-JYXK-0001', materialKinds: ['结果性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-QYSL-ZZ', title: '企业设立登记 — 电子证照（营业执照）', itemCode: '310115000000-JYXK-0001', materialKinds: ['电子证照'], inScope: true, retention: 'D30', source: EX },
    // 企业变更登记
    { id: 'EX-QYBG-YJ', title: '企业变更登记 — 依据性材料', itemCode: '310115000000-JYXK-0002', materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-QYBG-CX', title: '企业变更登记 — 程序性材料', itemCode: '310115000000-JYXK-0002', materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-QYBG-JG', title: '企业变更登记 — 结果性材料', itemCode: '310115000000-JYXK-0002', materialKinds: ['结果性材料', '电子证照'], inScope: true, retention: 'D30', source: EX },
    // 食品经营许可 (every variant: 新办, 变更, 延续, 注销)
    { id: 'EX-SPJY-YJ', title: '食品经营许可 — 依据性材料', itemCodePrefix: '310115000000-SPJY-', materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-SPJY-CX', title: '食品经营许可 — 程序性材料', itemCodePrefix: '310115000000-SPJY-', materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-SPJY-JG', title: '食品经营许可 — 结果性材料（许可决定）', itemCodePrefix: '310115000000-SPJY-', materialKinds: ['结果性材料'], inScope: true, retention: '永久', source: EX },
    { id: 'EX-SPJY-ZZ', title: '食品经营许可 — 电子证照（食品经营许可证）', itemCodePrefix: '310115000000-SPJY-', materialKinds: ['电子证照'], inScope: true, retention: '永久', source: EX },
    // 户籍 (出生登记, 户口迁移… : any district, 事项编码 like 310104000000-HJ-0003)
    { id: 'EX-HJ-YJ', title: '户籍 — 依据性材料', itemCodePattern: '^\\d{12}-HJ-\\d{4}$', materialKinds: ['依据性材料'], inScope: true, retention: '永久', source: EX },
    { id: 'EX-HJ-CX', title: '户籍 — 程序性材料', itemCodePattern: '^\\d{12}-HJ-\\d{4}$', materialKinds: ['程序性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-HJ-JG', title: '户籍 — 结果性材料与电子证照', itemCodePattern: '^\\d{12}-HJ-\\d{4}$', materialKinds: ['结果性材料', '电子证照'], inScope: true, retention: '永久', source: EX },
    // 社会保险 (city level)
    { id: 'EX-SB-CX-QUERY', title: '社会保险缴费记录查询 — 不归档', itemCode: '310000000000-SB-9001', inScope: false, note: '即时查询类服务不形成应归档文件', source: EX },
    { id: 'EX-SB-YJ', title: '社会保险 — 依据性材料', itemCodePrefix: '310000000000-SB-', materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-SB-CX', title: '社会保险 — 程序性材料', itemCodePrefix: '310000000000-SB-', materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-SB-JG', title: '社会保险 — 结果性材料', itemCodePrefix: '310000000000-SB-', materialKinds: ['结果性材料'], inScope: true, retention: 'D30', source: EX },
    // Fallbacks by 事项类型
    { id: 'EX-XK-YJ', title: '行政许可 — 依据性材料', itemTypes: ['行政许可'], materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-XK-CX', title: '行政许可 — 程序性材料', itemTypes: ['行政许可'], materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-XK-JG', title: '行政许可 — 结果性材料', itemTypes: ['行政许可'], materialKinds: ['结果性材料'], inScope: true, retention: '永久', source: EX },
    { id: 'EX-XK-ZZ', title: '行政许可 — 电子证照', itemTypes: ['行政许可'], materialKinds: ['电子证照'], inScope: true, retention: '永久', source: EX },
    { id: 'EX-QR-YJ', title: '行政确认 — 依据性材料', itemTypes: ['行政确认'], materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-QR-CX', title: '行政确认 — 程序性材料', itemTypes: ['行政确认'], materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-QR-JG', title: '行政确认 — 结果性材料', itemTypes: ['行政确认'], materialKinds: ['结果性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-GF-YJ', title: '行政给付 — 依据性材料', itemTypes: ['行政给付'], materialKinds: ['依据性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-GF-CX', title: '行政给付 — 程序性材料', itemTypes: ['行政给付'], materialKinds: ['程序性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-GF-JG', title: '行政给付 — 结果性材料', itemTypes: ['行政给付'], materialKinds: ['结果性材料'], inScope: true, retention: 'D30', source: EX },
    { id: 'EX-GG-YJ', title: '公共服务 — 依据性材料', itemTypes: ['公共服务'], materialKinds: ['依据性材料'], inScope: true, retention: 'D10', source: EX },
    { id: 'EX-GG-CX', title: '公共服务 — 程序性材料（不归档）', itemTypes: ['公共服务'], materialKinds: ['程序性材料'], inScope: false, source: EX },
    { id: 'EX-GG-JG', title: '公共服务 — 结果性材料', itemTypes: ['公共服务'], materialKinds: ['结果性材料'], inScope: true, retention: 'D10', source: EX },
  ],
};
