/** Which digits a rendered string uses: 'latn' (0-9) or 'arab' (Arabic-Indic ٠-٩). */
export type NumberingSystem = 'latn' | 'arab';

// Arabic-Indic digits (U+0660–U+0669) are used in the Mashriq; Extended Arabic-Indic (U+06F0–U+06F9)
// are the Persian/Urdu shapes that arrive in copy typed on Persian keyboards. Both mean 0–9.
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Converts Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII 0-9; everything else is kept. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * Writes the digits of `text` in the given numbering system: 'arab' turns 0-9 into ٠-٩,
 * 'latn' turns Arabic-Indic and Persian digits into 0-9. Other characters are kept.
 */
export function formatDigits(text: string, system: NumberingSystem): string {
  if (system === 'latn') return toAsciiDigits(text);
  return toAsciiDigits(text).replace(/[0-9]/g, (digit) =>
    String.fromCharCode(ARABIC_INDIC_ZERO + Number(digit)),
  );
}
