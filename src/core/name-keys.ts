import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

/**
 * The spellings under which a region name can be looked up, besides the name itself:
 * - its simplified-character form, so 瀋陽, 黑龍江 and 廣東 find 沈阳, 黑龙江 and 广东.
 *   OpenCC's phrase and character tables (opencc-js, the JavaScript port of Open Chinese
 *   Convert) do this: a hand-made table of "the characters of place names" would miss most of
 *   the 2,800 county names, and OpenCC knows phrases where one traditional character has two
 *   simplified ones (乾縣 stays 乾县, while a lone 乾 may become 干);
 * - its pinyin without tones or spaces (沈阳 -> shenyang), from pinyin-pro, whose word
 *   dictionary picks the reading of polyphonic characters in names (重庆 chongqing, 长春
 *   changchun, 蚌埠 bengbu, 六安 luan).
 * Both libraries are pure JavaScript with their tables bundled: nothing loads at run time.
 */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const HAN = /\p{Script=Han}/u;

/** The simplified-character form of a text (unchanged where it has no traditional characters). */
export function simplified(text: string): string {
  return HAN.test(text) ? toSimplified(text) : text;
}

/**
 * A romanisation key: letters only, lower case, tone marks dropped and ü / v read as u, so
 * "Shěnyáng", "Shen-yang", "SHENYANG" and "lvliang" / "Lüliang" meet. Empty for a text without
 * Latin letters.
 */
export function latinKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/v/g, 'u').replace(/[^a-z]/g, '');
}

/** The pinyin key of a Chinese name (沈阳 -> shenyang), or '' when it has no Han characters. */
export function pinyinKey(name: string): string {
  if (!HAN.test(name)) return '';
  return latinKey(pinyin(simplified(name), { toneType: 'none', type: 'array', nonZh: 'removed' }).join(''));
}
