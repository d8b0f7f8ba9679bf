// Deterministic fuzzing support: a seeded PRNG and mutations that turn a valid input into the
// malformed ones users and attackers send (truncated uploads, flipped structure, wrong types).

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRUCTURE = ["{", "}", "[", "]", ":", ",", '"', "\n", "-", "&a", "*a", "null", "0", "  "];
const REPLACEMENTS: unknown[] = [null, 0, -1, 1e308, "", "x".repeat(300), [], {}, true, [[[[]]]], { "": null }];

function mutateJsonValue(value: unknown, random: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || random() < 0.2) return REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
    const copy = [...value];
    const index = Math.floor(random() * copy.length);
    copy[index] = mutateJsonValue(copy[index], random, depth + 1);
    return copy;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 || random() < 0.2) return REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
    const index = Math.floor(random() * entries.length);
    if (random() < 0.3) entries.splice(index, 1);
    else entries[index] = [entries[index][0], mutateJsonValue(entries[index][1], random, depth + 1)];
    return Object.fromEntries(entries);
  }
  return REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
}

/** One malformed variant of `text`: a truncation, a structural character spliced in, or (for JSON) a wrong-typed value. */
export function mutateInput(text: string, random: () => number): string {
  const choice = random();
  if (choice < 0.3) return text.slice(0, Math.floor(random() * text.length));
  if (choice < 0.6) {
    const at = Math.floor(random() * text.length);
    const token = STRUCTURE[Math.floor(random() * STRUCTURE.length)];
    return text.slice(0, at) + token + text.slice(at + (random() < 0.5 ? 1 : 0));
  }
  try {
    return JSON.stringify(mutateJsonValue(JSON.parse(text), random));
  } catch {
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + STRUCTURE[Math.floor(random() * STRUCTURE.length)].repeat(3) + text.slice(at);
  }
}
