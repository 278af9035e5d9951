/**
 * A Brazilian CPF (Cadastro de Pessoas Físicas): 11 digits, the last two check digits computed
 * modulo 11 over the first nine and ten (Receita Federal's algorithm). Accepts `123.456.789-09`,
 * `12345678909` and spaced variants; returns the 11 digits, or undefined. Numbers of one repeated
 * digit (`111.111.111-11`) pass the arithmetic but are not issued, so they are refused.
 */
export function validateCpf(answer: string): string | undefined {
  const trimmed = answer.trim();
  if (!/^[\d.\-\s/]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return undefined;
  const numbers = [...digits].map(Number);
  const first = cpfCheckDigit(numbers.slice(0, 9));
  const second = cpfCheckDigit(numbers.slice(0, 10));
  return numbers[9] === first && numbers[10] === second ? digits : undefined;
}

/** The check digit over the given digits: weights count down to 2, remainder of 11 below 2 gives 0. */
export function cpfCheckDigit(digits: number[]): number {
  const weightStart = digits.length + 1;
  const sum = digits.reduce((total, digit, index) => total + digit * (weightStart - index), 0);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}
