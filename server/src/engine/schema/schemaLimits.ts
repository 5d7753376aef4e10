// Bounds on schema files, checked on the text before it is parsed: JSON parsing, the draft-07
// rewrite, `$ref` collection and ajv's compiler all recurse once per nesting level.

/** Real schemas nest a few dozen levels (an object in `properties` is two levels); this is far beyond. */
export const MAX_SCHEMA_DEPTH = 256;

/** How deep the JSON text nests, counting `{` and `[` outside strings, stopping once past `limit`. */
export function jsonNestingDepth(text: string, limit = MAX_SCHEMA_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if ((c === 125 /* } */ || c === 93) /* ] */ && depth > 0) depth--;
  }
  return max;
}
