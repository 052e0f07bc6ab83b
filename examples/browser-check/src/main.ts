import { type CheckReport, notApplicable, renderHtmlReport, runChecks } from '@dangan/checks';

/**
 * The browser checker: an archivist drops a package and gets the four-property report, computed here with
 * the same library code the servers run (pure paths only: no upload, no Node). The report is rendered into a
 * sandboxed frame; `#status[data-result]` tells tests (and screen readers) the verdict.
 */
const fileInput = element<HTMLInputElement>('file');
const stageSelect = element<HTMLSelectElement>('stage');
const drop = element<HTMLButtonElement>('drop');
const status = element<HTMLParagraphElement>('status');
const frame = element<HTMLIFrameElement>('report');
let running: AbortController | undefined;

/** What the report says for the virus item (GD-4-2 …): scanning needs ClamAV on a server. */
const VIRUS_SCAN_ELSEWHERE = notApplicable(
  '浏览器中不能运行病毒扫描引擎，本页未做病毒检测；请在服务端用 ClamAV 检测（dangan check --clamd）',
  'A browser cannot run a virus engine: not scanned here; scan on a server with ClamAV (dangan check --clamd)',
);

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file !== undefined) void check(file);
});
drop.addEventListener('click', () => fileInput.click());
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file !== undefined) void check(file);
});

async function check(file: File): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const stage = stageSelect.value as 'archiving' | 'transfer' | 'preservation';
  setStatus('running', `正在检测“${file.name}”（${formatBytes(file.size)}）……`);
  try {
    const report: CheckReport = await runChecks({
      stage,
      source: file,
      name: file.name,
      signal: controller.signal,
      // A browser cannot run a virus engine: say so in the report instead of leaving the item in error.
      rules: { 'virus.scan': () => VIRUS_SCAN_ELSEWHERE },
      onProgress: (event) => {
        const total = event.bytesTotal ?? 0;
        if (total > 0) {
          const percent = Math.floor((event.bytesDone / total) * 100);
          setStatus('running', `正在检测“${file.name}”：${percent}%`);
        }
      },
    });
    if (controller.signal.aborted) return;
    frame.srcdoc = renderHtmlReport(report);
    const { byStatus } = report.summary;
    setStatus(
      report.summary.passed ? 'passed' : 'failed',
      `${report.summary.passed ? '✓ 检测通过' : '✗ 检测未通过'}：通过 ${byStatus.pass}，不通过 ${byStatus.fail}，` +
        `警告 ${byStatus.warning}，待人工 ${byStatus.manual}，不适用 ${byStatus['not-applicable']}，出错 ${byStatus.error}`,
    );
  } catch (error) {
    if (controller.signal.aborted) return;
    setStatus('error', `无法检测“${file.name}”：${error instanceof Error ? error.message : String(error)}`);
  }
}

function setStatus(result: 'running' | 'passed' | 'failed' | 'error', text: string): void {
  status.dataset.result = result;
  status.textContent = text;
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`missing #${id}`);
  return found as T;
}
