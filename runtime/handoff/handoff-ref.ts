/**
 * A handoff's public id (its `ref`): 12 random bytes in base64url when the bot makes one
 * (../conversation/turn.ts), accepted up to 64 characters of that alphabet. The desk API
 * (`conversations/<ref>…`), the admin API (`/admin/handoffs/<ref>…`), its OpenAPI document and the
 * desk page's access log all read it with what is here. No imports: the desk page bundles it too.
 */
const refCharacters = '[A-Za-z0-9_-]{1,64}';

/** The ref as a JSON Schema `pattern` (OpenAPI). */
export const handoffRefPattern = `^${refCharacters}$`;

const refOnly = new RegExp(handoffRefPattern);
const refAndAction = new RegExp(`^(${refCharacters})(?:/(reply|release))?$`);

/** What a path below a handoff's collection names: the handoff, and the change asked of it if any. */
export interface HandoffCall {
  ref: string;
  action?: 'reply' | 'release';
}

export function isHandoffRef(text: string): boolean {
  return refOnly.test(text);
}

/**
 * Reads `<prefix><ref>`, `<prefix><ref>/reply` or `<prefix><ref>/release` (e.g. the prefix
 * `conversations/` of the desk API); anything else is no handoff call.
 */
export function handoffCall(path: string, prefix: string): HandoffCall | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const match = refAndAction.exec(path.slice(prefix.length));
  if (!match?.[1]) return undefined;
  const action = match[2];
  return action === 'reply' || action === 'release' ? { ref: match[1], action } : { ref: match[1] };
}
