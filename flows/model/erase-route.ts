/**
 * The methods an erase route may use: each asks the recipient to change what it holds. GET is
 * left out on purpose: a GET must not change anything on the server (RFC 9110 §9.2.1), so an API
 * that erases on GET is not one to trust with it.
 */
export const eraseMethods = ['DELETE', 'POST', 'PUT', 'PATCH'] as const;
export type EraseMethod = (typeof eraseMethods)[number];
