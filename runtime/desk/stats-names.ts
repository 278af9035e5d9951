import { stepTitle, type StepTitle } from '../../flows/check/index.ts';
import { textIn, type UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { StatsReport } from '../stats/report.ts';

/**
 * The report with the names a supervisor knows the flow by: a step as its card reads ("Question",
 * "What is your e-mail?") and a purpose by its label, in the desk's language when the flow has it.
 * A step or purpose no longer in the flow has no name; the page shows its id.
 */
export function namedReport(
  report: StatsReport,
  flow: Flow,
  ui: UiLanguage,
): Omit<StatsReport, 'steps' | 'purposes'> & {
  steps: (StatsReport['steps'][number] & { title?: StepTitle })[];
  purposes: (StatsReport['purposes'][number] & { label?: { lang: string; value: string } })[];
} {
  const languages = { ui, textLanguage: ui, flowLanguages: flow.languages };
  return {
    ...report,
    steps: report.steps.map((step) => {
      const node = flow.nodes.find((candidate) => candidate.id === step.id);
      return node ? { ...step, title: stepTitle(node, languages) } : step;
    }),
    purposes: report.purposes.map((purpose) => {
      const declared = flow.purposes.find((candidate) => candidate.id === purpose.id);
      const label = declared && textIn(declared.label, ui, flow.languages);
      return label ? { ...purpose, label } : purpose;
    }),
  };
}
