import { choiceBehaviour } from '../../engine/choice-behaviour.ts';
import type { Choice } from '../../engine/choices.ts';
import type { Conversation } from '../../engine/conversation.ts';
import { allVersions } from '../../engine/language.ts';
import type { LangText } from '../../model/common.ts';

interface ListNode {
  id: string;
  text: LangText;
  button: LangText;
  sections: { title: LangText; rows: { id: string; title: LangText; description?: LangText }[] }[];
  saveAs?: string;
}

/**
 * Sends a list message and leaves by the chosen row's id. Rows are numbered across sections in
 * the order shown; the customer may pick a row, or type its number, title or id. Anything else
 * gets a hint and the list keeps waiting. With `saveAs`, the chosen id is stored.
 */
export const listBehaviour = choiceBehaviour<ListNode>({ choicesOf, ask });

/** Every row, numbered across sections in the order shown. */
function choicesOf(node: ListNode): Choice[] {
  return node.sections.flatMap((section) =>
    section.rows.map((row) => ({ id: row.id, labels: allVersions(row.title) })),
  );
}

function ask(node: ListNode, conversation: Conversation): void {
  conversation.emit({
    type: 'send-list',
    nodeId: node.id,
    text: conversation.text(node.text),
    button: conversation.text(node.button),
    sections: node.sections.map((section) => ({
      title: conversation.text(section.title),
      rows: section.rows.map((row) => ({
        id: row.id,
        title: conversation.text(row.title),
        ...(row.description ? { description: conversation.text(row.description) } : {}),
      })),
    })),
  });
}
