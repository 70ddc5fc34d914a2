/**
 * A function of a text, remembered per text: the answer reads the same policy sentences and the same
 * words answer after answer. The memory is bounded and cleared whole when full. The library's own texts
 * are far fewer than any bound used here; the bound is for other text (the words of questions), so
 * nothing grows with traffic. Only for pure functions of the text.
 */
export function rememberPerText<V>(limit: number, compute: (text: string) => V): (text: string) => V {
  const remembered = new Map<string, V>();
  return (text) => {
    let value = remembered.get(text);
    if (value === undefined) {
      value = compute(text);
      if (remembered.size >= limit) remembered.clear();
      remembered.set(text, value);
    }
    return value;
  };
}
