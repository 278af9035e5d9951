import { z } from 'zod';
import type { JsonValue } from '../../model/template.ts';

/**
 * The transcript test file (`*.transcript.json`, beside the flow it tests): named tests, each a
 * list of turns. A turn is one thing the customer (or the agent, or the clock) does, followed by
 * what must then be true. A turn without input checks the bot's opening messages.
 */
export const transcriptFormat = 'amana.transcript';
export const currentTranscriptVersion = 1;

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

const texts = z.union([z.string(), z.array(z.string()).min(1)]);
const pattern = z.string().refine(isPattern, 'amana:pattern');
const patterns = z.union([pattern, z.array(pattern).min(1)]);

/** What must be true after a turn. Every field is optional; all that are given must hold. */
const expectationSchema = z.strictObject({
  /** Each text appears in what the bot sent in this turn (messages, buttons and list rows as shown). */
  says: texts.optional(),
  /** Each regular expression (JavaScript syntax, Unicode) matches something the bot sent in this turn. */
  matches: patterns.optional(),
  /** None of these texts appears in what the bot sent in this turn. */
  doesNotSay: texts.optional(),
  /** The bot sent nothing in this turn. */
  saysNothing: z.literal(true).optional(),
  /** The node the conversation is at after this turn. */
  node: z.string().min(1).optional(),
  /** Whether the conversation has ended. */
  ended: z.boolean().optional(),
  /** Stored values after this turn; `null` means the key holds nothing. */
  collected: z.record(z.string(), jsonValue).optional(),
  /** Whether consent for each purpose is granted after this turn. */
  consent: z.record(z.string(), z.boolean()).optional(),
  /** Exactly the personal keys sent to each recipient (by id) in this turn. */
  shared: z.record(z.string(), z.array(z.string())).optional(),
  /** Whether the conversation was handed to a person in this turn, optionally to which queue with which keys. */
  handedOff: z
    .union([z.boolean(), z.strictObject({ queue: z.string().optional(), shared: z.array(z.string()).optional() })])
    .optional(),
  /** Whether the customer's data was erased in this turn. */
  erased: z.boolean().optional(),
  /** Whether the customer is opted out after this turn. */
  optedOut: z.boolean().optional(),
  /** Exactly the consent-based keys the engine refused to store or pass on in this turn. */
  withheld: z.array(z.string()).optional(),
  /** Exactly the purposes whose earlier consent stopped counting in this turn because their wording changed. */
  askedAgain: z.array(z.string()).optional(),
});

const location = z.strictObject({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
});

const media = z.strictObject({
  kind: z.enum(['image', 'document']),
  mediaId: z.string().optional(),
  mimeType: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

/** The inputs a turn may have; at most one per turn. */
const turnInputs = ['user', 'reply', 'location', 'media', 'release', 'timeout'] as const;

const turnSchema = z
  .strictObject({
    /** The customer types this text. */
    user: z.string().optional(),
    /** The customer taps the button or list row with this id. */
    reply: z.string().min(1).optional(),
    /** The customer shares a location. */
    location: location.optional(),
    /** The customer sends a photo or a document. */
    media: media.optional(),
    /** The human agent hands the conversation back to the bot. */
    release: z.literal(true).optional(),
    /** The customer does not answer in time. */
    timeout: z.literal(true).optional(),
    expect: expectationSchema.optional(),
  })
  .superRefine((turn, context) => {
    const given = turnInputs.filter((input) => turn[input] !== undefined);
    if (given.length > 1) {
      context.addIssue({ code: 'custom', message: 'amana:one-input', path: [given[1] ?? ''], input: given.join(', ') });
    }
  });

/** How a recipient answers an http node in a test, instead of the node's `mock`. */
const httpAnswerSchema = z.strictObject({
  status: z.number().int().min(100).max(599).optional(),
  body: jsonValue.optional(),
  /** The request fails without any response (network error). */
  error: z.string().min(1).optional(),
});

export const transcriptTestSchema = z.strictObject({
  name: z.string().refine((name) => name.trim().length > 0, 'amana:blank'),
  /** The conversation language (default: the flow's first). */
  language: z.string().optional(),
  /** The customer's WhatsApp number and profile name. */
  contact: z.strictObject({ phone: z.string(), name: z.string().optional() }).optional(),
  /** Answers for http nodes by node id, overriding their `mock` (e.g. to test the `error` path). */
  http: z.record(z.string(), httpAnswerSchema).optional(),
  /**
   * A returning customer: the purposes they consented to in an earlier conversation, each for the
   * wording the flow has now (`same`) or for an earlier wording (`reworded`: a later version changed
   * the purpose's words or the fields that rely on it, so the consent step must ask again).
   */
  earlierConsent: z.record(z.string(), z.enum(['same', 'reworded'])).optional(),
  turns: z.array(turnSchema).min(1),
});

export const transcriptSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(transcriptFormat).optional(),
  version: z.literal(currentTranscriptVersion).optional(),
  /** The flow file, relative to this file (default: the same name with `.flow.json`). */
  flow: z.string().min(1).optional(),
  tests: z.array(transcriptTestSchema).min(1),
});

export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptTest = z.infer<typeof transcriptTestSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type HttpAnswer = z.infer<typeof httpAnswerSchema>;

function isPattern(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
