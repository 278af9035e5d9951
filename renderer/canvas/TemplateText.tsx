/** `{{key}}` placeholders in a flow text (the same syntax as templateKeys in flows/model/common.ts). */
const placeholder = /(\{\{\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*\s*\}\})/;

/**
 * A flow text with its placeholders shown as chips. Each chip is isolated (<bdi dir="ltr">) so a
 * Latin variable name inside an Arabic sentence does not reorder the sentence around it.
 */
export function TemplateText({ value }: { value: string }) {
  return (
    <>
      {value.split(placeholder).map((part, index) =>
        index % 2 === 1 ? (
          <bdi key={index} dir="ltr" className="placeholder">
            {part.slice(2, -2).trim()}
          </bdi>
        ) : (
          part
        ),
      )}
    </>
  );
}
