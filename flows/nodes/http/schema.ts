import { z } from 'zod';
import { dataKey, identifier, template } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The response the simulator uses instead of calling the recipient. */
const mock = z.strictObject({
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
});

/**
 * A request's headers: name and value pairs, each value a template. An erase route's headers
 * (`recipients[].erase.headers`) have this same shape.
 */
export const requestHeaders = z.record(z.string(), z.string());

export const httpFields = {
  method: z.enum(httpMethods),
  url: template,
  recipient: identifier,
  send: z.array(dataKey),
  body: template.optional(),
  headers: requestHeaders.optional(),
  saveResponse: z.array(z.strictObject({ from: z.string().min(1), to: dataKey })).optional(),
  mock: mock.optional(),
};

export type HttpNode = KindNode<'http', typeof httpFields>;
