/**
 * An email address as people type it into a chat: surrounding spaces, `<…>` and `mailto:` are
 * dropped and the domain is lower-cased (`Ana.Souza@Exemplo.COM.br` → `Ana.Souza@exemplo.com.br`).
 * Checks the shape RFC 5321/5322 allow for a deliverable address, in its common form: a dot-atom
 * local part of at most 64 characters (letters of any script allowed, RFC 6531), and a domain of
 * at least two labels with a top-level domain of letters (or an IDN `xn--` label). Quoted local
 * parts and IP-literal domains are valid in the RFCs but are refused: nobody types them in a
 * chat, and they are the shapes used to smuggle odd text into other systems.
 */
export function validateEmail(answer: string): string | undefined {
  const address = answer
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.length > 64 || domain.length > 253) return undefined;
  if (!/^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2) return undefined;
  const label = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
  if (!labels.every((part) => label.test(part))) return undefined;
  const topLevel = labels[labels.length - 1] ?? '';
  if (!/^(\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u.test(topLevel)) return undefined;
  return `${local}@${domain}`;
}
