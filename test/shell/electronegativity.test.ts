// Doyensec's Electronegativity over electron/: no high or medium finding. It runs offline: the
// only network it would use is a translation download (1 s timeout, falls back to English) and
// the Electron release list, whose check is left out here (the Electron version is a dependency
// update, not a property of this code).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studioContentSecurityPolicy } from '../../shared/content-security-policy.ts';

const require = createRequire(import.meta.url);
const electronegativityPath = require.resolve('@doyensec/electronegativity');
const electronVersion = String(require('electron/package.json').version);

interface Finding {
  id: string;
  file: string;
  location: { line: number };
  description: string;
  severity: { name: string };
  manualReview: boolean;
}
interface Report {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

async function scan(input: string): Promise<Report> {
  const run: (options: Record<string, unknown>) => Promise<Report> = require(electronegativityPath);
  return run({
    input,
    electronVersionOverride: electronVersion,
    isRelative: true,
    // Electronegativity finds a CSP only when it is set through webRequest or a <meta> tag; the
    // studio sets it on every app:// response (electron/app-scheme.ts, proved in main.test.ts)
    // and the policy itself is judged below with the evaluator this check uses.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'],
  });
}

describe('Electronegativity', () => {
  it('finds no high or medium issue in electron/, and reads every file', async () => {
    const report = await scan(new URL('../../electron/', import.meta.url).pathname);
    expect(report.errors).toEqual([]);
    const serious = report.issues
      .filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM')
      .map((issue) => `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`);
    expect(serious).toEqual([]);
  }, 60_000);

  it('would notice an insecure window, so the clean result means something', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'amana-eng-'));
    try {
      cpSync(new URL('../../electron/', import.meta.url).pathname, copy, { recursive: true });
      const window = join(copy, 'studio-window.ts');
      writeFileSync(window, readFileSync(window, 'utf8').replace('contextIsolation: true', 'contextIsolation: false'));
      const report = await scan(copy);
      expect(report.issues.map((issue) => issue.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(['desktop', 'browser'] as const)('judges the %s CSP free of high and medium weaknesses', (edition) => {
    const evaluatorRequire = createRequire(electronegativityPath);
    const csp = evaluatorRequire('@doyensec/csp-evaluator');
    const findings: { severity: number; directive: string; description: string }[] = new csp.CspEvaluator(
      new csp.CspParser(studioContentSecurityPolicy(edition)).csp,
      csp.Version.CSP3,
    ).evaluate();
    const { HIGH, SYNTAX, MEDIUM } = csp.severities;
    expect(findings.filter((finding) => [HIGH, SYNTAX, MEDIUM].includes(finding.severity))).toEqual([]);
  });
});
