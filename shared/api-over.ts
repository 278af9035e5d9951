import type { AmanaApi } from './api.ts';
import { apiMethods, type ApiMethod } from './api-methods.ts';

/**
 * Builds the API object on top of a transport: one function that carries a request (IPC in the
 * desktop preload, HTTP in the browser edition) and resolves to the host's answer.
 */
export function apiOver(carry: (method: ApiMethod, args: unknown[]) => Promise<unknown>): AmanaApi {
  const entries = apiMethods.map((method) => [method, (...args: unknown[]) => carry(method, args)] as const);
  // The host answers each method with that method's result (the contract in ./api.ts); what
  // crosses a transport is untyped, and this is the one place that says so.
  return Object.fromEntries(entries) as unknown as AmanaApi;
}
