/**
 * Folds what a customer types into a form that compares the way people read: case, accents,
 * punctuation and spacing ignored; Arabic diacritics (harakat), tatweel and the letter variants
 * people type interchangeably folded (أ إ آ ٱ → ا, ى → ي, ة → ه); Arabic-Indic digits read as 0-9.
 * Keywords, choice labels and condition values are compared in this form.
 */
export function normaliseForMatching(text: string): string {
  return (
    asciiDigits(text)
      // NFKD splits accented letters (é → e + ◌́) and hamza forms (أ → ا + ◌ٔ), and unfolds
      // presentation forms and ligatures (ﻷ → لا), so removing the marks leaves the base letters.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0640/g, '') // tatweel (kashida), a stretching stroke with no meaning
      .replace(/\u0671/g, '\u0627') // alef wasla ٱ → ا
      .replace(/\u0649/g, '\u064A') // alef maqsura ى → ي
      .replace(/\u0629/g, '\u0647') // teh marbuta ة → ه
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII digits; other text unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
