import { create } from 'zustand';
import type { CheckSummary, Diagnostic, Severity } from '../../flows/check/index.ts';
import { summarize } from '../../flows/check/index.ts';
import type { QuickFix } from '../../flows/edit/index.ts';
import type { Flow } from '../../flows/index.ts';

/** A step's share of the problems: how many, and the worst of them (for its card's badge). */
export interface StepProblems {
  count: number;
  worst: Severity;
}

/** A witness path drawn on the canvas: the steps and the connections between them. */
interface ShownWitness {
  problem: Diagnostic;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

interface ProblemsState {
  /**
   * The flow the problems below belong to (the very object the check was given). Anyone who
   * needs current results (the export dialog) compares it with the document's working flow.
   */
  checkedFlow: Flow | null;
  /** `checking` while a newer revision than `checkedFlow` is being checked. */
  status: 'idle' | 'checking' | 'checked' | 'failed';
  /** Why the last check could not run (status `failed`). */
  failure: string | null;
  diagnostics: readonly Diagnostic[];
  summary: CheckSummary;
  byStep: ReadonlyMap<string, StepProblems>;
  /** The quick fixes verified for each finding, by its index in `diagnostics` (they arrive just after it). */
  fixes: ReadonlyMap<number, readonly QuickFix[]>;
  witness: ShownWitness | null;
  /** The step a problem asked the canvas to show (the serial tells two requests for one step apart). */
  focus: { nodeId: string; serial: number } | null;
  checking(): void;
  checked(flow: Flow, diagnostics: readonly Diagnostic[]): void;
  fixesFound(flow: Flow, fixes: ReadonlyMap<number, readonly QuickFix[]>): void;
  failed(reason: string): void;
  cleared(): void;
  showWitness(problem: Diagnostic): void;
  dismissWitness(): void;
  focusStep(nodeId: string): void;
}

const none = { errors: 0, warnings: 0 };

/**
 * The live check's results (DESIGN.md §6), kept apart from the document so that the canvas
 * badges, the Problems panel and the export dialog all read one answer. Written only by the live
 * check (renderer/problems/use-live-check.ts).
 */
export const useProblemsStore = create<ProblemsState>()((set, get) => ({
  checkedFlow: null,
  status: 'idle',
  failure: null,
  diagnostics: [],
  summary: none,
  byStep: new Map(),
  fixes: new Map(),
  witness: null,
  focus: null,
  checking: () => set({ status: 'checking' }),
  checked: (flow, diagnostics) => {
    const previous = get().witness;
    set({
      checkedFlow: flow,
      status: 'checked',
      failure: null,
      diagnostics,
      summary: summarize(diagnostics),
      byStep: problemsByStep(diagnostics, get().byStep),
      fixes: new Map(),
      // A path stays drawn while its problem is still found (by rule, step and field).
      witness: previous && diagnostics.some((d) => sameProblem(d, previous.problem)) ? previous : null,
    });
  },
  fixesFound: (flow, fixes) => {
    if (get().checkedFlow === flow) set({ fixes });
  },
  failed: (reason) => set({ status: 'failed', failure: reason }),
  cleared: () =>
    set({
      checkedFlow: null,
      status: 'idle',
      failure: null,
      diagnostics: [],
      summary: none,
      byStep: new Map(),
      fixes: new Map(),
      witness: null,
      focus: null,
    }),
  showWitness: (problem) => {
    const flow = get().checkedFlow;
    if (!flow || !problem.path || problem.path.length === 0) return set({ witness: null });
    set({ witness: { problem, ...witnessOnCanvas(flow, problem.path) } });
  },
  dismissWitness: () => set({ witness: null }),
  focusStep: (nodeId) => set({ focus: { nodeId, serial: (get().focus?.serial ?? 0) + 1 } }),
}));

/** Two findings are the same problem when rule, step, connection and field agree. */
export function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a.rule === b.rule && a.nodeId === b.nodeId && a.edgeId === b.edgeId && a.dataKey === b.dataKey;
}

/**
 * Each step's count and worst severity. A step whose share did not change keeps its object, so
 * only the cards whose badge changed redraw after a check (on a large flow with warnings on many
 * steps, redrawing every badge repainted the whole canvas on each edit).
 */
function problemsByStep(
  diagnostics: readonly Diagnostic[],
  before: ReadonlyMap<string, StepProblems>,
): Map<string, StepProblems> {
  const byStep = new Map<string, StepProblems>();
  for (const { nodeId, severity } of diagnostics) {
    if (nodeId === undefined) continue;
    const known = byStep.get(nodeId);
    byStep.set(nodeId, {
      count: (known?.count ?? 0) + 1,
      worst: known?.worst === 'error' || severity === 'error' ? 'error' : 'warning',
    });
  }
  for (const [nodeId, share] of byStep) {
    const previous = before.get(nodeId);
    if (previous?.count === share.count && previous.worst === share.worst) byStep.set(nodeId, previous);
  }
  return byStep;
}

/** The steps of a witness and the connections it takes (the first edge between each pair). */
function witnessOnCanvas(flow: Flow, path: readonly string[]): { nodes: Set<string>; edges: Set<string> } {
  const edges = new Set<string>();
  for (let index = 1; index < path.length; index += 1) {
    const edge = flow.edges.find((e) => e.from === path[index - 1] && e.to === path[index]);
    if (edge) edges.add(edge.id);
  }
  return { nodes: new Set(path), edges };
}
