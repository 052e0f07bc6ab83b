/**
 * The report's stylesheet, inlined in `<style>`. Screen and print (A4): every status is a word and a
 * symbol as well as a colour, badges and highlights differ in border style and weight, and the chart
 * uses patterns, so a grey printout reads the same. The text holds no `<` or `&`, so the document stays
 * well-formed XML.
 */
export const REPORT_CSS = `
:root {
  --pass: #2e7d32; --pass-bg: #e8f5e9;
  --fail: #b71c1c; --fail-bg: #fdecea;
  --warning: #8a5a00; --warning-bg: #fff4d6;
  --manual: #0d47a1; --manual-bg: #e3f0fc;
  --na: #555; --na-bg: #f0f0f0;
  --error: #4a148c; --error-bg: #f3e5f5;
  --rule: #bbb;
}
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body {
  margin: 0 auto; padding: 16px 24px; max-width: 210mm; color: #111; background: #fff; line-height: 1.55;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC",
    "Microsoft YaHei", "PingFang SC", serif;
}
h1 { font-size: 1.7rem; text-align: center; margin: 0.4em 0 0.6em; letter-spacing: 0.05em; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: 0.15em; margin: 1.4em 0 0.6em; }
h3 { font-size: 1.15rem; margin: 1.2em 0 0.5em; }
h4 { font-size: 1rem; margin: 1em 0 0.4em; padding: 0.15em 0.4em; background: #eee; border-left: 4px solid #666; }
code, .code { font-family: "Noto Sans Mono CJK SC", "Source Han Mono SC", Consolas, "Courier New", monospace; font-size: 0.92em; }
.path { overflow-wrap: anywhere; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.meta th { width: 9em; background: #f3f3f3; white-space: nowrap; }
table.counts tfoot td, table.counts tfoot th { font-weight: bold; border-top: 2px solid #333; }
nav.toc { margin: 0.8em 0; font-size: 0.95em; }
nav.toc a { margin-right: 1.2em; }
a { color: inherit; }
.verdict { text-align: center; font-size: 1.25rem; margin: 0.4em auto 1em; padding: 0.35em 1em; width: fit-content; }
.verdict.passed { border: 2px solid var(--pass); color: var(--pass); }
.verdict.failed { border: 4px double var(--fail); color: var(--fail); font-weight: bold; }
.verdict .sub { display: block; font-size: 0.8rem; color: #333; font-weight: normal; }
.note { font-size: 0.92em; color: #333; }
.warning-box { border: 2px dashed var(--fail); padding: 0.4em 0.8em; margin: 0.6em 0; }
.badge {
  display: inline-block; padding: 0 0.45em; border-radius: 3px; font-weight: bold; white-space: nowrap;
  border: 1px solid currentColor; -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: #fff; background: var(--fail); border: 2px solid #000; }
.badge.warning { color: var(--warning); background: var(--warning-bg); border-style: dashed; }
.badge.manual { color: var(--manual); background: var(--manual-bg); border-style: dotted; border-width: 2px; }
.badge.not-applicable { color: var(--na); background: var(--na-bg); font-weight: normal; }
.badge.error { color: #fff; background: var(--error); border: 3px double #000; }
.badge.sev-error { color: var(--fail); background: #fff; }
.badge.sev-warning { color: var(--warning); background: #fff; border-style: dashed; }
.badge.sev-info { color: #333; background: #fff; font-weight: normal; border-style: dotted; }
.item { border: 1px solid var(--rule); border-left-width: 4px; padding: 0.45em 0.7em; margin: 0.55em 0; break-inside: avoid-page; }
.item.fail { border-left: 8px solid var(--fail); background: var(--fail-bg); }
.item.error { border-left: 8px double var(--error); background: var(--error-bg); }
.item.warning { border-left: 6px dashed var(--warning); }
.item.manual { border-left: 6px dotted var(--manual); }
.item.not-applicable { color: #333; }
.item-head { display: flex; flex-wrap: wrap; gap: 0.2em 0.7em; align-items: baseline; }
.item-id { font-weight: bold; }
.item-name { font-weight: bold; }
.provisional { font-size: 0.82em; border: 1px dashed #666; padding: 0 0.3em; color: #444; }
.item p { margin: 0.3em 0; }
.label { color: #444; }
.findings { font-size: 0.92em; }
.findings td.sev { white-space: nowrap; width: 4.5em; }
td.id { white-space: nowrap; }
.message { white-space: pre-wrap; }
.more { font-style: italic; }
.ctl { border: 1px solid #888; border-radius: 2px; padding: 0 1px; font-size: 0.85em; background: #ffffe0; }
figure { margin: 0.8em 0; text-align: center; }
figure svg { max-width: 100%; height: auto; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figcaption { font-size: 0.9em; color: #333; }
.signatures { margin-top: 2em; display: flex; gap: 2em; flex-wrap: wrap; }
.signatures p { flex: 1 1 12em; border-bottom: 1px solid #333; padding-bottom: 1.6em; margin: 0; }
footer { margin-top: 2em; padding-top: 0.5em; border-top: 1px solid var(--rule); font-size: 0.85em; color: #333; }
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.details, section.property + section.property { break-before: page; page-break-before: always; }
  section.sign-off { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { text-decoration: none; }
}
`;
