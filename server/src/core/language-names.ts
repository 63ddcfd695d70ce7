/**
 * Language data: the 183 ISO 639-1 codes in use (`bh` was withdrawn in 2021),
 * their English names and common aliases, and their ISO 639-2 (T and B) /
 * 639-3 three-letter codes, which normalize to the two-letter code as BCP 47
 * requires. Plus a few widely used languages that only have a three-letter code.
 *
 * Row format: `code|Name;Alias;…|three-letter codes`.
 */
const ROWS = `
aa|Afar|aar
ab|Abkhazian;Abkhaz|abk
ae|Avestan|ave
af|Afrikaans|afr
ak|Akan|aka
am|Amharic|amh
an|Aragonese|arg
ar|Arabic|ara
as|Assamese|asm
av|Avaric;Avar|ava
ay|Aymara|aym
az|Azerbaijani;Azeri|aze
ba|Bashkir|bak
be|Belarusian;Byelorussian|bel
bg|Bulgarian|bul
bi|Bislama|bis
bm|Bambara|bam
bn|Bengali;Bangla|ben
bo|Tibetan|bod tib
br|Breton|bre
bs|Bosnian|bos
ca|Catalan;Valencian|cat
ce|Chechen|che
ch|Chamorro|cha
co|Corsican|cos
cr|Cree|cre
cs|Czech|ces cze
cu|Church Slavic;Church Slavonic;Old Church Slavonic;Old Slavonic;Old Bulgarian|chu
cv|Chuvash|chv
cy|Welsh|cym wel
da|Danish|dan
de|German|deu ger
dv|Divehi;Dhivehi;Maldivian|div
dz|Dzongkha|dzo
ee|Ewe|ewe
el|Greek;Modern Greek|ell gre
en|English|eng
eo|Esperanto|epo
es|Spanish;Castilian|spa
et|Estonian|est
eu|Basque|eus baq
fa|Persian;Farsi|fas per pes
ff|Fulah;Fula;Fulani;Pulaar|ful
fi|Finnish|fin
fj|Fijian|fij
fo|Faroese|fao
fr|French|fra fre
fy|Western Frisian;West Frisian;Frisian|fry
ga|Irish;Irish Gaelic|gle
gd|Gaelic;Scottish Gaelic|gla
gl|Galician|glg
gn|Guarani|grn
gu|Gujarati|guj
gv|Manx|glv
ha|Hausa|hau
he|Hebrew|heb
hi|Hindi|hin
ho|Hiri Motu|hmo
hr|Croatian|hrv
ht|Haitian;Haitian Creole|hat
hu|Hungarian|hun
hy|Armenian|hye arm
hz|Herero|her
ia|Interlingua|ina
id|Indonesian|ind
ie|Interlingue;Occidental|ile
ig|Igbo|ibo
ii|Sichuan Yi;Nuosu|iii
ik|Inupiaq|ipk
io|Ido|ido
is|Icelandic|isl ice
it|Italian|ita
iu|Inuktitut|iku
ja|Japanese|jpn
jv|Javanese|jav
ka|Georgian|kat geo
kg|Kongo|kon
ki|Kikuyu;Gikuyu|kik
kj|Kuanyama;Kwanyama|kua
kk|Kazakh|kaz
kl|Kalaallisut;Greenlandic|kal
km|Central Khmer;Khmer|khm
kn|Kannada|kan
ko|Korean|kor
kr|Kanuri|kau
ks|Kashmiri|kas
ku|Kurdish|kur
kv|Komi|kom
kw|Cornish|cor
ky|Kirghiz;Kyrgyz|kir
la|Latin|lat
lb|Luxembourgish;Letzeburgesch|ltz
lg|Ganda;Luganda|lug
li|Limburgan;Limburger;Limburgish|lim
ln|Lingala|lin
lo|Lao|lao
lt|Lithuanian|lit
lu|Luba-Katanga|lub
lv|Latvian|lav
mg|Malagasy|mlg
mh|Marshallese|mah
mi|Maori|mri mao
mk|Macedonian|mkd mac
ml|Malayalam|mal
mn|Mongolian|mon
mr|Marathi|mar
ms|Malay|msa may
mt|Maltese|mlt
my|Burmese|mya bur
na|Nauru;Nauruan|nau
nb|Norwegian Bokmål;Bokmål|nob
nd|North Ndebele;Northern Ndebele|nde
ne|Nepali|nep
ng|Ndonga|ndo
nl|Dutch;Flemish|nld dut
nn|Norwegian Nynorsk;Nynorsk|nno
no|Norwegian|nor
nr|South Ndebele;Southern Ndebele|nbl
nv|Navajo;Navaho|nav
ny|Chichewa;Chewa;Nyanja|nya
oc|Occitan|oci
oj|Ojibwa;Ojibwe|oji
om|Oromo|orm
or|Oriya;Odia|ori
os|Ossetian;Ossetic|oss
pa|Punjabi;Panjabi|pan
pi|Pali|pli
pl|Polish|pol
ps|Pashto;Pushto|pus
pt|Portuguese|por
qu|Quechua|que
rm|Romansh;Romansch|roh
rn|Rundi;Kirundi|run
ro|Romanian;Moldavian;Moldovan|ron rum
ru|Russian|rus
rw|Kinyarwanda|kin
sa|Sanskrit|san
sc|Sardinian|srd
sd|Sindhi|snd
se|Northern Sami;North Sami|sme
sg|Sango|sag
si|Sinhala;Sinhalese|sin
sk|Slovak|slk slo
sl|Slovenian;Slovene|slv
sm|Samoan|smo
sn|Shona|sna
so|Somali|som
sq|Albanian|sqi alb
sr|Serbian|srp
ss|Swati;Swazi|ssw
st|Southern Sotho;Sesotho;Sotho|sot
su|Sundanese|sun
sv|Swedish|swe
sw|Swahili;Kiswahili|swa
ta|Tamil|tam
te|Telugu|tel
tg|Tajik|tgk
th|Thai|tha
ti|Tigrinya|tir
tk|Turkmen|tuk
tl|Tagalog|tgl
tn|Tswana;Setswana|tsn
to|Tonga;Tongan|ton
tr|Turkish|tur
ts|Tsonga|tso
tt|Tatar|tat
tw|Twi|twi
ty|Tahitian|tah
ug|Uighur;Uyghur|uig
uk|Ukrainian|ukr
ur|Urdu|urd
uz|Uzbek|uzb
ve|Venda|ven
vi|Vietnamese|vie
vo|Volapük|vol
wa|Walloon|wln
wo|Wolof|wol
xh|Xhosa|xho
yi|Yiddish|yid
yo|Yoruba|yor
za|Zhuang;Chuang|zha
zh|Chinese;Mandarin|zho chi cmn
zu|Zulu|zul
ast|Asturian|
ceb|Cebuano|
chr|Cherokee|
ckb|Central Kurdish;Sorani|
fil|Filipino|
gsw|Swiss German;Alemannic|
haw|Hawaiian|
hmn|Hmong|
nds|Low German|
prs|Dari|
yue|Cantonese|
zh-hans|Simplified Chinese;Chinese Simplified|
zh-hant|Traditional Chinese;Chinese Traditional|
pt-br|Brazilian Portuguese|
`;

/*
 * Names that are also country or region names ("Tonga", "Nauru", "Afar"): in a
 * category list they more likely mean the place, so the document parser does
 * not read them as a language. An explicit `language` field still accepts them.
 */
export const PLACE_NAMES = new Set(['afar', 'nauru', 'tonga']);

export type LanguageRow = { code: string; names: string[]; codes: string[] };

export const LANGUAGE_ROWS: LanguageRow[] = ROWS.trim()
  .split('\n')
  .map((row) => {
    const [code, names, codes] = row.split('|');
    return { code, names: names.split(';'), codes: codes.split(' ').filter(Boolean) };
  });
