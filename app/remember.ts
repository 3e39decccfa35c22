/**
 * Keeps `value` under `key` and gives it back, emptying the map first when it already holds `max`
 * entries: for words that are cheap to work out again and whose keys may come from outside input, so
 * the map never grows without end.
 */
export function remember<K, V>(map: Map<K, V>, max: number, key: K, value: V): V {
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}
