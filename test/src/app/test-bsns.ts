/** `n` numbers of the 9999 test range that pass the 11-proef (no real person has one), from 999990000 up. */
export function testBsns(n: number, vanaf = 999_990_000): string[] {
  const uit: string[] = [];
  for (let k = vanaf; uit.length < n; k++) {
    const c = String(k).split('').map(Number);
    const som = c.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - c[8]!;
    if (som % 11 === 0) uit.push(String(k));
  }
  return uit;
}
