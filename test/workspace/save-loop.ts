// Child process of the crash test: autosaves a draft of a large flow then saves it as a version,
// as fast as it can, forever. After each commit it reports what it wrote on stdout, so the parent
// knows exactly what the studio had told the designer was saved.
import { writeSync } from 'node:fs';
import { openWorkspace } from '../../services/workspace/open-workspace.ts';
import { clinicBooking } from '../fixtures/flows.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: save-loop.ts <workspace.db>');

const workspace = openWorkspace(file);
const base = clinicBooking();
// Hundreds of nodes make each save a sizeable write, so the kill is likely to land inside one.
const extraNodes = Array.from({ length: 400 }, (_, index) => ({
  id: `note-${index}`,
  type: 'message' as const,
  position: { x: (index % 20) * 260, y: 1000 + Math.floor(index / 20) * 160 },
  text: { 'pt-BR': `Mensagem ${index}`, en: `Message ${index}`, ar: `رسالة ${index}` },
}));

for (let round = (workspace.flows.head(base.id)?.version ?? 0) + 1; ; round += 1) {
  const flow = { ...base, name: `Agenda, revisão ${round}`, nodes: [...base.nodes, ...extraNodes] };
  const draft = workspace.drafts.save(flow.id, `${flow.name} (rascunho)`, JSON.stringify(flow));
  writeSync(1, `drafted ${draft.name}\n`);
  const { stored } = workspace.flows.save(flow, 'save');
  writeSync(1, `committed ${stored.version} ${stored.hash}\n`);
}
