// Approximate frequencies (per million words) of common Swedish words in general prose — news,
// reports, public administration — as published Swedish frequency lists rank them, rounded.
// Used only to correct the help-text bias of our Debian corpus for words that compete once their
// diacritics are lost (här/har, för/for, är/ar/år, …); bigram counts still come from the corpus.
export const GENERAL_SWEDISH_PER_MILLION = {
  och: 27000, i: 21000, att: 19000, det: 16000, som: 13000, en: 12000, på: 12000, pa: 1, är: 10000,
  ar: 2, år: 2000, av: 8500, för: 8500, for: 40, med: 8000, till: 7800, den: 6500, har: 6500,
  här: 700, de: 6000, inte: 5800, om: 5000, ett: 5000, men: 4000, var: 3000, vår: 250, vara: 1200,
  våra: 200, sig: 2800, från: 3000, vi: 2500, så: 2600, sa: 300, kan: 2700, man: 2000, män: 250,
  när: 2200, också: 1700, efter: 1500, eller: 1500, där: 1300, dar: 1, vid: 1300, mot: 1200,
  möt: 5, ska: 1500, kommer: 1200, får: 1100, far: 120, finns: 1100, hade: 1200, alla: 1000,
  än: 900, an: 3, då: 800, da: 2, även: 700, få: 500, fa: 1, vill: 500, mer: 500, bli: 500,
  åt: 300, at: 5, bör: 250, bor: 90, stöd: 180, stod: 200, lön: 60, lon: 1, gå: 350, ga: 1,
  båda: 300, bada: 10, gör: 600, två: 500, tva: 1, något: 800, nagot: 1, gång: 300, gang: 5,
  mål: 150, mal: 5, möte: 100, mote: 1, mötet: 60, motet: 1, åter: 60, äter: 30, ater: 1,
  han: 4000, hån: 10, hör: 200, hor: 2, stå: 200, sta: 2, läsa: 100, lasa: 1, nå: 50, na: 1,
  andra: 1000, ändra: 60, väl: 400, val: 250, sätt: 400, satt: 150, ha: 500, hå: 1, häll: 5, håll: 60, hall: 20, sätta: 120, satta: 10, följa: 100, folja: 1,
};
