/**
 * The request mix of the route benchmark: questions over the whole real
 * network as clients ask them, with places by name, alias, id or UN/LOCODE,
 * all three objectives, scenarios with lines not yet running (include=), road
 * beyond the Afghan railheads, avoid lists and alternatives. Some questions
 * are asked twice in different spellings (Karachi / PKKHI / kiamari), as
 * different clients would. Every one must answer 200 on the real data set;
 * the benchmark checks that before it measures.
 */
export const ROUTE_MIX: readonly string[] = [
  // Kazakhstan / China border to the Arabian Sea, today and in scenarios.
  'from=Almaty&to=Karachi',
  'from=Almaty-1&to=PKKHI&alternatives=3',
  'from=almaty&to=kiamari&objective=shortest',
  'from=Almaty&to=Karachi&include=planned,proposed&objective=fewest-borders',
  'from=Almaty&to=Karachi&include=planned,proposed&avoidCountries=IR',
  'from=Almaty&to=Gwadar&include=planned,proposed',
  'from=Dostyk&to=Karachi%20Port&alternatives=2',
  'from=Khorgos&to=Port%20Qasim',
  'from=Altynkol&to=PKBQM&objective=shortest',
  // Middle Corridor across the Caspian.
  'from=Dostyk&to=Alat',
  'from=Dostyk&to=Port%20of%20Baku%20(Alat)&alternatives=2',
  'from=Khorgos&to=Poti',
  'from=Altynkol&to=Kars&objective=shortest',
  'from=Aktau&to=Baku',
  'from=Kuryk&to=Alat&objective=fastest',
  'from=Port%20of%20Aktau&to=Tbilisi',
  'from=Turkmenbashi&to=Baku',
  'from=Krasnovodsk&to=Alat',
  // Aktau / Caspian to the Arabian Sea.
  // Gwadar has no operational rail and no scheduled sailing today: the question needs the planned Gwadar line.
  'from=Aktau&to=Gwadar&include=under-construction,planned',
  'from=Aktau&to=PKGWD&include=planned,proposed&objective=shortest',
  'from=Beyneu&to=Gorgan',
  'from=Aktau&to=Bandar%20Abbas&alternatives=2',
  // Uzbekistan south: Iran, Afghanistan, Pakistan.
  'from=Tashkent&to=Karachi',
  'from=Tashkent&to=Karachi&include=planned,proposed',
  'from=Tashkent&to=Karachi&modes=rail,road',
  'from=Tashkent&to=Gwadar&include=planned,proposed&alternatives=2',
  'from=Tashkent&to=Bandar%20Abbas',
  'from=Tashkent&to=IRBND&objective=fewest-borders',
  'from=Tashkent&to=Shahid%20Rajaee&alternatives=3',
  'from=Samarkand&to=Bandar%20Abbas&objective=shortest',
  'from=Bukhara&to=Quetta&include=planned,proposed',
  'from=Termez&to=Peshawar&include=planned,proposed&modes=rail,road',
  'from=Termiz&to=Mazar-i-Sharif',
  'from=Navoiy&to=Mashhad',
  // Turkmenistan, Iran and the INSTC to India.
  'from=Ashgabat&to=Chabahar&include=planned',
  'from=Mary&to=Herat&include=under-construction,planned',
  'from=Serhetabat&to=Herat&modes=rail,road',
  'from=Saragt&to=Tehran',
  'from=Almaty&to=Mumbai',
  'from=Almaty&to=INNSA&objective=shortest',
  'from=Tashkent&to=Nhava%20Sheva&alternatives=2',
  'from=Baku&to=JNPT',
  // Iran–Pakistan and inside Pakistan.
  'from=Mashhad&to=Zahedan',
  'from=Zahedan&to=Quetta',
  'from=Quetta&to=Karachi&objective=shortest',
  'from=Kandahar&to=Karachi&modes=rail,road',
  'from=Peshawar&to=Karachi%20Cantt',
  'from=Kabul&to=Peshawar&include=planned,proposed&modes=rail,road',
];
