/**
 * WhatsApp Cloud API limits on interactive messages, counted in Unicode code points
 * (Cloud API reference, messages/interactive; see ../shared/whatsapp/README.md).
 */
export const whatsappLimits = {
  /** A plain text message body. */
  textBody: 4096,
  /** The body of a reply-button or list message. */
  interactiveBody: 1024,
  /** Reply buttons per message. */
  buttons: 3,
  /** A reply button's title. */
  buttonTitle: 20,
  /** The text of the button that opens a list. */
  listButton: 20,
  /** Sections per list, and rows in all sections together. */
  listSections: 10,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
  headerFooter: 60,
  /** A reply button's or row's id. */
  replyId: 256,
} as const;

/** Length as WhatsApp counts it: code points, so an emoji is one, not two UTF-16 units. */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}
