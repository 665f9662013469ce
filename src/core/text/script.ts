/**
 * Traditional versus simplified Chinese script. Traditional text (Taiwan, Hong Kong, transcriptions of older
 * documents) has conventions of its own, such as the corner quotes `「」`, that are right there and wrong in a
 * simplified 公文.
 */

/** Frequent characters whose traditional and simplified forms differ, traditional then simplified, pair by pair. */
const TRADITIONAL = '們這國會對為與來發說時個業學關經過問題實當還進動種據條濟區開應從現報將線長員門務';
const SIMPLIFIED = '们这国会对为与来发说时个业学关经过问题实当还进动种据条济区开应从现报将线长员门务';

/** By UTF-16 code: 1 for a traditional form above, 2 for a simplified one, 0 otherwise; one array read per character. */
const SCRIPT_OF = new Uint8Array(0x10000);
for (const char of TRADITIONAL) SCRIPT_OF[char.charCodeAt(0)] = 1;
for (const char of SIMPLIFIED) SCRIPT_OF[char.charCodeAt(0)] = 2;

/**
 * Whether blocks are written in traditional script: more of the frequent traditional forms than simplified ones.
 * The blocks themselves, not a list of their texts made by `map`: to V8 such a list has another shape when made
 * inside compiled code than outside it, and this loop, compiled while it runs, was thrown away at the other.
 */
export function isTraditionalScript(blocks: readonly { readonly text: string }[]): boolean {
  let traditional = 0;
  let simplified = 0;
  for (let index = 0; index < blocks.length; index++) {
    const { text } = blocks[index];
    for (let i = 0; i < text.length; i++) {
      const script = SCRIPT_OF[text.charCodeAt(i)];
      if (script === 1) traditional++;
      else if (script === 2) simplified++;
    }
  }
  return traditional > simplified;
}
