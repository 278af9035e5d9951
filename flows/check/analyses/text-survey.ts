import type { CountLimit, TextSite } from '../../nodes/kind.ts';
import { templateKeys } from '../../model/common.ts';
import { codePointLength } from '../../nodes/whatsapp-limits.ts';
import { item } from '../lists.ts';

/** One text of one language over its WhatsApp limit. */
interface TooLong {
  node: number;
  site: TextSite;
  language: string;
  value: string;
  length: number;
}

/** What the text and count rules need, gathered in one pass over every node's customer texts. */
export interface TextSurvey {
  /** Texts over their limit, in node order (both `wa-label-too-long` and `wa-text-too-long`). */
  tooLong: readonly TooLong[];
  /** Nodes with texts lacking flow languages: which languages, and in how many of its texts. */
  untranslated: readonly { node: number; languages: readonly string[]; count: number }[];
  /** Nodes whose customer texts read one of the `echoWatch` keys, and which of them. */
  echoes: readonly { node: number; keys: readonly string[] }[];
  /** Counts over WhatsApp's caps (buttons, rows, sections), in node order. */
  overCounts: readonly { node: number; limit: CountLimit; all: readonly CountLimit[] }[];
}

/**
 * Reads every customer text once, node by node, as the graph is built (while the node is at
 * hand). Length is counted as WhatsApp counts it, in code points (an emoji is one), and without
 * the `{{key}}` placeholders, whose values are not known before the conversation: what is
 * reported is too long whatever they hold.
 */
export function textSurveyor(languages: readonly string[], echoWatch: ReadonlySet<string>) {
  const survey = {
    tooLong: [] as TooLong[],
    untranslated: [] as { node: number; languages: readonly string[]; count: number }[],
    echoes: [] as { node: number; keys: readonly string[] }[],
    overCounts: [] as { node: number; limit: CountLimit; all: readonly CountLimit[] }[],
  };
  // Few fields are watched: a text that does not contain one of their keys cannot echo it, and
  // most placeholders of a flow read other keys, so their keys are not read out at all.
  const watched = [...echoWatch];
  const mentionsWatched = (value: string): boolean => {
    for (let w = 0; w < watched.length; w += 1) if (value.includes(item(watched, w))) return true;
    return false;
  };
  const add = (node: number, sites: readonly TextSite[], counts: readonly CountLimit[]): void => {
    let lacking: Set<string> | undefined;
    let untranslatedTexts = 0;
    let echoed: string[] | undefined;
    for (let at = 0; at < sites.length; at += 1) {
      const site = item(sites, at);
      const text = site.text;
      let complete = true;
      for (let l = 0; l < languages.length; l += 1) {
        const language = item(languages, l);
        if (language in text) continue;
        complete = false;
        (lacking ??= new Set()).add(language);
      }
      if (!complete) untranslatedTexts += 1;
      for (const language in text) {
        const value = text[language] ?? '';
        const templatedValue = value.includes('{{');
        if (templatedValue && mentionsWatched(value)) {
          const keys = templateKeys(value);
          for (let k = 0; k < keys.length; k += 1) {
            const key = item(keys, k);
            if (echoWatch.has(key) && !(echoed ??= []).includes(key)) echoed.push(key);
          }
        }
        // UTF-16 length bounds the code points: only a text near the limit can be over it.
        if (value.length <= site.maxLength) continue;
        const length = codePointLength(templatedValue ? value.replace(/\{\{[^{}]*\}\}/g, '') : value);
        if (length > site.maxLength) survey.tooLong.push({ node, site, language, value, length });
      }
    }
    const missing = lacking;
    if (missing)
      survey.untranslated.push({ node, languages: languages.filter((l) => missing.has(l)), count: untranslatedTexts });
    if (echoed) survey.echoes.push({ node, keys: echoed });
    for (let at = 0; at < counts.length; at += 1) {
      const limit = item(counts, at);
      if (limit.count > limit.max) survey.overCounts.push({ node, limit, all: counts });
    }
  };
  return { add, survey: survey as TextSurvey };
}
