import type { FieldPath } from '../../flows/edit/index.ts';
import { pathText } from '../inspector/field-context.ts';

/** How many frames to wait for the Inspector to show the step just selected. */
const framesToWait = 10;

/**
 * Puts the cursor in a step's text field once the Inspector shows it (after a quick fix shortened
 * a label: the field shows WhatsApp's limit beside it, to adjust the words within it).
 */
export function focusField(path: FieldPath): void {
  const selector = `.inspector [data-path="${CSS.escape(pathText(path))}"] :is(input, textarea)`;
  let frames = 0;
  const attempt = () => {
    const field = document.querySelector<HTMLElement>(selector);
    if (field) field.focus();
    else if ((frames += 1) < framesToWait) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
