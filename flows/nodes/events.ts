/**
 * What goes into a conversation and what comes out of it (DESIGN.md §4): events from the customer
 * or the host, and effects — data the host carries out (simulator, CLI, exported bot). Node kinds
 * emit these effects; the engine (flows/engine) runs the kinds and hosts depend on these types.
 */

/** What a conversation is waiting for before it can go on. */
export type WaitingFor = 'answer' | 'http' | 'agent';

/** What the customer (or the host) did. */
export type EngineEvent =
  | { type: 'text'; text: string }
  /** A reply button or list row was chosen: its id (WhatsApp's button_reply / list_reply id). */
  | { type: 'reply'; id: string; title?: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | {
      type: 'media';
      kind: 'image' | 'document';
      mediaId: string;
      mimeType?: string;
      caption?: string;
      filename?: string;
    }
  /** The human agent released a handed-off conversation. */
  | { type: 'agent-released' }
  /**
   * The host's answer to a `call-http` effect. When the request failed before any response
   * (network error, DNS, the host's own timeout) send `status: 0` and say why in `error`.
   */
  | { type: 'http-response'; status: number; body: unknown; error?: string }
  /** The customer did not answer in time (the host decides when). */
  | { type: 'timeout' };

export interface ButtonChoice {
  id: string;
  title: string;
}

export interface ListSection {
  title: string;
  rows: { id: string; title: string; description?: string }[];
}

/** What the host must do. Texts are already in the conversation's language with templates filled. */
export type EngineEffect =
  | { type: 'send-text'; nodeId: string; text: string }
  | { type: 'send-buttons'; nodeId: string; text: string; buttons: ButtonChoice[] }
  | { type: 'send-list'; nodeId: string; text: string; button: string; sections: ListSection[] }
  /**
   * A value was stored; `personal` unless the key is declared in the flow's `variables` (so a
   * key declared nowhere is treated as personal: encrypt it, apply retention).
   */
  | { type: 'collect'; nodeId: string; key: string; value: unknown; personal: boolean }
  /**
   * The consent ledger entry: purposes granted or declined at a consent node, with the hash of
   * each purpose's wording the answer was given for (flows/model/purpose-wording.ts).
   */
  | { type: 'record-consent'; nodeId: string; purposes: string[]; granted: boolean; wording: Record<string, string> }
  /**
   * Consent the customer gave earlier for these purposes no longer counts: it was given for a
   * wording the flow no longer has (a new version reworded the purpose or changed the fields that
   * rely on it). Values that needed it are dropped; the consent step asks again, saying the privacy
   * notice changed. Informational for the host (its ledger keeps the earlier answer as it was).
   */
  | { type: 'consent-lapsed'; purposes: string[] }
  /** Call a recipient; the host answers with an `http-response` event. `shared` names the personal keys sent. */
  | {
      type: 'call-http';
      nodeId: string;
      recipient: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: string;
      shared: string[];
    }
  /**
   * Hand the conversation to a human in `queue`, with the values of the shared keys. When the
   * `human` keyword is used in a flow without handoff nodes, `queue` is `default`, nothing is
   * shared and `nodeId` is the node at which the customer asked.
   */
  | { type: 'hand-off'; nodeId: string; queue: string; shared: Record<string, unknown> }
  /** Erase everything stored about this customer (the ledger keeps the erasure event). */
  /**
   * Erase everything held about the customer. `recipients`: the recipients this conversation
   * sent data to that returned what their erase route reads, with the call that asks each to
   * erase it (the exported bot asks every recipient that ever received the person's data).
   */
  | { type: 'erase'; nodeId?: string; recipients?: { recipient: string; method: string; url: string }[] }
  /** The customer opted out (`stop` keyword): send nothing more until they write again. */
  | { type: 'opt-out' }
  /** The customer wrote again after opting out: messages may be sent again. */
  | { type: 'opt-in' }
  /**
   * Defence in depth: a consent-based field (declared in `data` with legal basis `consent`) was
   * not stored (`collect`), sent to a recipient (`http`) or passed to an agent (`handoff`) because
   * consent for none of its `purposes` is granted. Informational: the host logs it; nothing leaked.
   */
  | { type: 'withhold'; nodeId: string; key: string; via: 'collect' | 'http' | 'handoff'; purposes: string[] }
  /**
   * A step was not carried out because a template it would send (a text, a request's URL, body or
   * headers) or copy (`set`) reads keys that hold no value: erased, never collected, or withheld.
   * Nothing was sent with a hole; the conversation left by the step's `error` outcome, or ended with
   * an apology and the offer of a person. Informational: the host logs it (key names, never values).
   */
  | { type: 'refuse'; nodeId: string; reason: 'missing-value'; keys: string[] }
  | { type: 'end'; nodeId?: string };
