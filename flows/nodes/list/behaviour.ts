import { allVersions } from '../../i18n/lang-text.ts';
import type { Conversation } from '../behaviour.ts';
import { choiceBehaviour } from '../choice-behaviour.ts';
import type { Choice } from '../choices.ts';
import type { ListNode } from './schema.ts';

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
