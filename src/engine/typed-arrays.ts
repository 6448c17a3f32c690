/** The typed arrays the engine's and store's columns grow. */
type Column = Int32Array | Uint16Array | Uint8Array | Float64Array;

/**
 * A copy of `array` twice as long (the rest zero): how a column that grows by
 * doubling makes room. Growth is rare, so the constructor lookup costs nothing
 * that matters. `array` must not be empty.
 */
export function doubled<A extends Column>(array: A): A {
  const fresh = new (array.constructor as new (length: number) => A)(array.length * 2);
  fresh.set(array as never);
  return fresh;
}
