import LinkifyIt from 'linkify-it';

/** A piece of a text: left-to-right pieces are shown in an isolate of their own (`<bdi dir="ltr">`). */
interface TextRun {
  text: string;
  ltr: boolean;
}

// URLs and e-mail addresses as linkify-it (markdown-it's link finder) recognises them, trailing
// punctuation left out. Bare IP addresses are left to the number rule below.
const links = new LinkifyIt().set({ fuzzyIP: false });

const digit = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
/**
 * Two or more groups of digits joined by spaces, dots, dashes, slashes or brackets: phone numbers
 * (+966 50 123 4567, (11) 91234-5678), dates, codes. In a right-to-left paragraph the bidi
 * algorithm lays such groups out right to left (UAX #9, rule N1 treats numbers as R for the
 * neutrals between them), so "+966 50 123 4567" would read "4567 123 50 966+".
 */
const numberRun = new RegExp(`\\+?\\(?${digit}+\\)?(?:[ .\\-/]\\(?${digit}+\\)?)+`, 'gu');
/**
 * Latin words in a right-to-left text (a product name, "Galaxy S24+", "C&A"), with the digits
 * and symbols inside them; sentence punctuation after them belongs to the sentence around them.
 */
const latinRun =
  /\p{Script=Latin}[\p{Script=Latin}\p{Nd}+&'’._-]*(?:[ ]+[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}+&'’._-]*)*/gu;
const trailingPunctuation = /[.,;:!?'’_-]+$/u;
const rightToLeftLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

interface Span {
  start: number;
  end: number;
}

/**
 * Splits a text into the runs that must stay left to right whatever surrounds them — URLs,
 * e-mail addresses, numbers, and (in a right-to-left text) Latin words — and the rest, so that an
 * Arabic bubble holding "https://clinic.example/privacy" shows the address whole and in order.
 */
export function ltrRuns(text: string): TextRun[] {
  const spans: Span[] = (links.match(text) ?? []).map((link) => ({ start: link.index, end: link.lastIndex }));
  addFreeSpans(spans, text, numberRun, (found) => found);
  if (rightToLeftLetter.test(text)) {
    addFreeSpans(spans, text, latinRun, (found) => found.replace(trailingPunctuation, ''));
  }
  spans.sort((a, b) => a.start - b.start);
  const runs: TextRun[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) runs.push({ text: text.slice(at, span.start), ltr: false });
    runs.push({ text: text.slice(span.start, span.end), ltr: true });
    at = span.end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), ltr: false });
  return runs;
}

/** Adds the pattern's matches that do not overlap a span found before (URLs win over the numbers in them). */
function addFreeSpans(spans: Span[], text: string, pattern: RegExp, trim: (found: string) => string): void {
  const taken = [...spans];
  for (const match of text.matchAll(pattern)) {
    const found = trim(match[0]);
    if (!found) continue;
    const span = { start: match.index, end: match.index + found.length };
    if (taken.some((other) => span.start < other.end && other.start < span.end)) continue;
    spans.push(span);
  }
}
