/**
 * The data-category catalogue's logic: lookups, aliases and which categories are sensitive or
 * protected identifiers (LGPD art. 5 II, GDPR art. 9; see ./category-table.ts for the table itself,
 * its sources and why each subtree below is marked).
 */
import { categoryAliases, categoryEntries, type CategoryEntry } from './category-table.ts';

export type CategoryLanguage = 'en' | 'pt-BR' | 'ar';

export interface DataCategory {
  key: string;
  parent: string | null;
  label: Record<CategoryLanguage, string>;
  description: Record<CategoryLanguage, string>;
  sensitive: boolean;
  protectedIdentifier: boolean;
}

/** Subtrees (the key itself and everything below it) that are sensitive. */
const sensitiveTrees: readonly string[] = [
  'user.health',
  'user.biometrics',
  'user.authorization.biometrics',
  'user.children',
  'user.criminal_history',
  'user.demographic.race_ethnicity',
  'user.demographic.religious_belief',
  'user.demographic.philosophical_belief',
  'user.demographic.political_opinion',
  'user.demographic.union_membership',
  'user.demographic.sexual_orientation',
  'user.demographic.protected_classifications',
];

/** Subtrees that hold government-issued identifiers or financial and payment data. */
const protectedIdentifierTrees: readonly string[] = ['user.government_id', 'user.financial', 'user.payment'];

/** True when `key` is `root` or lies below it in the tree. */
function inTree(key: string, roots: readonly string[]): boolean {
  return roots.some((root) => key === root || key.startsWith(`${root}.`));
}

function parentOf(key: string): string | null {
  const dot = key.lastIndexOf('.');
  return dot === -1 ? null : key.slice(0, dot);
}

function build([key, en, ptBR, ar]: CategoryEntry): DataCategory {
  return Object.freeze({
    key,
    parent: parentOf(key),
    label: Object.freeze({ en: en[0], 'pt-BR': ptBR[0], ar: ar[0] }),
    description: Object.freeze({ en: en[1], 'pt-BR': ptBR[1], ar: ar[1] }),
    sensitive: inTree(key, sensitiveTrees),
    protectedIdentifier: inTree(key, protectedIdentifierTrees),
  });
}

/** The current fideslang 3.2 data categories, parents before children within each tree. */
export const dataCategories: readonly DataCategory[] = Object.freeze(categoryEntries.map(build));

const byKey: ReadonlyMap<string, DataCategory> = new Map(dataCategories.map((category) => [category.key, category]));

/** Resolves an alias to its current key; undefined when the key is not in the catalogue. */
export function findCategory(key: string): DataCategory | undefined {
  const direct = byKey.get(key);
  if (direct) return direct;
  const current = Object.hasOwn(categoryAliases, key) ? categoryAliases[key] : undefined;
  return current === undefined ? undefined : byKey.get(current);
}

/** Whether the key (or the alias) names a special category of personal data (LGPD art. 5 II, GDPR art. 9). */
export function isSensitiveCategory(key: string): boolean {
  return findCategory(key)?.sensitive ?? false;
}

/** Whether the key (or the alias) names a government-issued identifier or financial / payment data. */
export function isProtectedIdentifier(key: string): boolean {
  return findCategory(key)?.protectedIdentifier ?? false;
}

/** Every key a flow may use: the current keys, then the aliases (for zod enums and JSON Schema). */
export function categoryKeys(): string[] {
  return [...byKey.keys(), ...Object.keys(categoryAliases)];
}
