/**
 * What a stored language code is (SPEC 3.3, 5): a lower-case BCP 47 tag whose primary
 * subtag is a known ISO 639 code in the form BCP 47 stores it (two letters where ISO 639-1
 * has them: `en`, not `eng`), such as `en`, `en-gb` or `zh-hant-tw`.
 *
 * Only the codes live here, small enough for the admin bundle. The server's language table
 * (server/src/core/language-names.ts) adds the English names and three-letter aliases it
 * reads imported documents with; tests/unit/shared-settings-validation.test.ts keeps both lists equal.
 */

const PRIMARY_CODES = new Set(
  `
  aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
  dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia
  id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo
  lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl
  ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk
  tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu ast ceb chr ckb fil gsw
  haw hmn nds prs yue
  `
    .trim()
    .split(/\s+/)
);

// A 2–3 letter primary subtag, then 1–8 alphanumeric subtags; 35 characters at most.
const TAG_SHAPE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
const MAX_TAG_LENGTH = 35;

/** `en`, `en-gb`: yes. `EN`, `eng`, `en_GB`, ` en`, `German`: no (not the stored form). */
export function isStoredLanguageCode(code: string): boolean {
  if (code.length > MAX_TAG_LENGTH || !TAG_SHAPE.test(code)) return false;
  return PRIMARY_CODES.has(code.split('-')[0]);
}

/** The known primary codes, for the test that compares them with the server's table. */
export const LANGUAGE_PRIMARY_CODES: ReadonlySet<string> = PRIMARY_CODES;
