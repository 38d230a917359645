// Swedish place names and public bodies that minutes name often, so that repair can restore
// "Angelholm" → "Ängelholm" from evidence rather than guess. Public knowledge (SCB's list of the
// 290 municipalities, the 21 regions, the 25 provinces, the best-known national authorities);
// written out by hand, not taken from any fixture.

export const MUNICIPALITIES = `
Botkyrka Danderyd Ekerö Haninge Huddinge Järfälla Lidingö Nacka Norrtälje Nykvarn Nynäshamn Salem
Sigtuna Sollentuna Solna Stockholm Sundbyberg Södertälje Tyresö Täby Upplands_Väsby Upplands-Bro
Vallentuna Vaxholm Värmdö Österåker
Enköping Heby Håbo Knivsta Tierp Uppsala Älvkarleby Östhammar
Eskilstuna Flen Gnesta Katrineholm Nyköping Oxelösund Strängnäs Trosa Vingåker
Boxholm Finspång Kinda Linköping Mjölby Motala Norrköping Söderköping Vadstena Valdemarsvik Ydre
Åtvidaberg Ödeshög
Aneby Eksjö Gislaved Gnosjö Habo Jönköping Mullsjö Nässjö Sävsjö Tranås Vaggeryd Vetlanda Värnamo
Alvesta Lessebo Ljungby Markaryd Tingsryd Uppvidinge Växjö Älmhult
Borgholm Emmaboda Hultsfred Högsby Kalmar Mönsterås Mörbylånga Nybro Oskarshamn Torsås Vimmerby
Västervik
Gotland
Karlshamn Karlskrona Olofström Ronneby Sölvesborg
Bjuv Bromölla Burlöv Båstad Eslöv Helsingborg Hässleholm Höganäs Hörby Höör Klippan Kristianstad
Kävlinge Landskrona Lomma Lund Malmö Osby Perstorp Simrishamn Sjöbo Skurup Staffanstorp Svalöv
Svedala Tomelilla Trelleborg Vellinge Ystad Åstorp Ängelholm Örkelljunga Östra_Göinge
Falkenberg Halmstad Hylte Kungsbacka Laholm Varberg
Ale Alingsås Bengtsfors Bollebygd Borås Dals-Ed Essunga Falköping Färgelanda Grästorp Gullspång
Göteborg Götene Herrljunga Hjo Härryda Karlsborg Kungälv Lerum Lidköping Lilla_Edet Lysekil
Mariestad Mark Mellerud Munkedal Mölndal Orust Partille Skara Skövde Sotenäs Stenungsund Strömstad
Svenljunga Tanum Tibro Tidaholm Tjörn Tranemo Trollhättan Töreboda Uddevalla Ulricehamn Vara
Vårgårda Vänersborg Åmål Öckerö
Arvika Eda Filipstad Forshaga Grums Hagfors Hammarö Karlstad Kil Kristinehamn Munkfors Storfors
Sunne Säffle Torsby Årjäng
Askersund Degerfors Hallsberg Hällefors Karlskoga Kumla Laxå Lekeberg Lindesberg Ljusnarsberg Nora
Örebro
Arboga Fagersta Hallstahammar Kungsör Köping Norberg Sala Skinnskatteberg Surahammar Västerås
Avesta Borlänge Falun Gagnef Hedemora Leksand Ludvika Malung-Sälen Mora Orsa Rättvik Smedjebacken
Säter Vansbro Älvdalen
Bollnäs Gävle Hofors Hudiksvall Ljusdal Nordanstig Ockelbo Ovanåker Sandviken Söderhamn
Härnösand Kramfors Sollefteå Sundsvall Timrå Ånge Örnsköldsvik
Berg Bräcke Härjedalen Krokom Ragunda Strömsund Åre Östersund
Bjurholm Dorotea Lycksele Malå Nordmaling Norsjö Robertsfors Skellefteå Sorsele Storuman Umeå
Vilhelmina Vindeln Vännäs Åsele
Arjeplog Arvidsjaur Boden Gällivare Haparanda Jokkmokk Kalix Kiruna Luleå Pajala Piteå Älvsbyn
Överkalix Övertorneå
`.split(/\s+/).filter(Boolean).map((s) => s.replace(/_/g, ' '));

// regions, counties and provinces (landskap)
export const REGIONS = `
Sörmland Södermanland Östergötland Kronoberg Blekinge Skåne Halland Västra_Götaland
Västra_Götalandsregionen Värmland Västmanland Dalarna Gävleborg Västernorrland Jämtland
Västerbotten Norrbotten Uppland Småland Öland Bohuslän Dalsland Västergötland Närke Hälsingland
Gästrikland Medelpad Ångermanland Lappland Norrland Götaland Svealand Sverige Norden
Jämtland_Härjedalen Stockholms_län Uppsala_län Jönköpings_län Kalmar_län Örebro_län Skåne_län
`.split(/\s+/).filter(Boolean).map((s) => s.replace(/_/g, ' '));

export const PUBLIC_BODIES = `
Länsstyrelsen Försäkringskassan Arbetsförmedlingen Skatteverket Socialstyrelsen Trafikverket
Boverket Skolverket Skolinspektionen Kronofogden Polismyndigheten Migrationsverket
Folkhälsomyndigheten Naturvårdsverket Lantmäteriet Riksdagen Regeringen Regeringskansliet
Upphandlingsmyndigheten Energimyndigheten Jordbruksverket Livsmedelsverket Kammarkollegiet
Riksrevisionen Tillväxtverket Vinnova Kriminalvården Valmyndigheten Pensionsmyndigheten
Arbetsmiljöverket Sametinget Riksantikvarieämbetet E-hälsomyndigheten Diskrimineringsombudsmannen
Justitieombudsmannen Havs-_och_vattenmyndigheten Myndigheten_för_digital_förvaltning
Myndigheten_för_samhällsskydd_och_beredskap Inspektionen_för_vård_och_omsorg
Statens_institutionsstyrelse Sveriges_Kommuner_och_Regioner Datainspektionen
Integritetsskyddsmyndigheten Post-_och_telestyrelsen Konkurrensverket Försvarsmakten
Kommunförbundet Räddningstjänsten Region
`.split(/\s+/).filter(Boolean).map((s) => s.replace(/_/g, ' '));

/** Every single word of the names above, with its genitive: what the lexicon needs. */
export function gazetteerWords() {
  const words = new Set();
  for (const name of [...MUNICIPALITIES, ...REGIONS, ...PUBLIC_BODIES]) {
    for (const part of name.split(/[\s-]+/)) {
      if (!/^\p{Lu}/u.test(part)) continue;
      words.add(part);
      if (!/[sxz]$/.test(part)) words.add(`${part}s`);
    }
  }
  return [...words];
}

// Acronyms common in Swedish public administration, so "|T" and "Al" can be read as IT and AI.
export const ACRONYMS = `
AI IT ID IKT HR EU SKR KS KF GDPR LSS LOU LVU SFI PBL AB VD VA ÖP
`.split(/\s+/).filter(Boolean);
