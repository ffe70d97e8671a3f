/**
 * Word lists for the demo office (issue 7 item 5): Polish and Ukrainian names, villages of three
 * rural gminy, and the sentences social workers and assistants write. Synthetic: any likeness to
 * a real family is chance.
 */

/** Surnames with their feminine form (the same when the name does not change). */
export const POLISH_SURNAMES: readonly (readonly [masculine: string, feminine: string])[] = [
  ['Nowak', 'Nowak'], ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], ['Wójcik', 'Wójcik'], ['Kowalczyk', 'Kowalczyk'],
  ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Szymański', 'Szymańska'], ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'], ['Jankowski', 'Jankowska'], ['Mazur', 'Mazur'], ['Wojciechowski', 'Wojciechowska'],
  ['Kwiatkowski', 'Kwiatkowska'], ['Krawczyk', 'Krawczyk'], ['Kaczmarek', 'Kaczmarek'], ['Piotrowski', 'Piotrowska'], ['Grabowski', 'Grabowska'],
  ['Zając', 'Zając'], ['Pawłowski', 'Pawłowska'], ['Michalski', 'Michalska'], ['Król', 'Król'], ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'], ['Wróbel', 'Wróbel'], ['Nowakowski', 'Nowakowska'], ['Majewski', 'Majewska'], ['Olszewski', 'Olszewska'],
  ['Stępień', 'Stępień'], ['Malinowski', 'Malinowska'], ['Jaworski', 'Jaworska'], ['Adamczyk', 'Adamczyk'], ['Dudek', 'Dudek'],
  ['Nowicki', 'Nowicka'], ['Pawlak', 'Pawlak'], ['Górski', 'Górska'], ['Witkowski', 'Witkowska'], ['Walczak', 'Walczak'],
  ['Sikora', 'Sikora'], ['Baran', 'Baran'], ['Rutkowski', 'Rutkowska'], ['Michalak', 'Michalak'], ['Szewczyk', 'Szewczyk'],
  ['Ostrowski', 'Ostrowska'], ['Tomaszewski', 'Tomaszewska'], ['Pietrzak', 'Pietrzak'], ['Zalewski', 'Zalewska'], ['Wróblewski', 'Wróblewska'],
  ['Żółkiewski', 'Żółkiewska'], ['Łęcki', 'Łęcka'], ['Gąsiorowski', 'Gąsiorowska'], ['Ślęzak', 'Ślęzak'], ['Źrałek', 'Źrałek'],
  ['Kołodziej', 'Kołodziej'], ['Błaszczyk', 'Błaszczyk'], ['Chmielewski', 'Chmielewska'], ['Sójka', 'Sójka'], ['Żak', 'Żak'],
  ['Głowacki', 'Głowacka'], ['Łuczak', 'Łuczak'], ['Śliwiński', 'Śliwińska'], ['Kubiak', 'Kubiak'], ['Wilk', 'Wilk'],
  ['Lis', 'Lis'], ['Mazurek', 'Mazurek'], ['Kasprzak', 'Kasprzak'], ['Czarnecki', 'Czarnecka'], ['Sawicki', 'Sawicka'],
  ['Sokołowski', 'Sokołowska'], ['Urbański', 'Urbańska'], ['Kalinowski', 'Kalinowska'], ['Wysocki', 'Wysocka'], ['Przybylski', 'Przybylska'],
  ['Cieślak', 'Cieślak'], ['Zawadzki', 'Zawadzka'], ['Jasiński', 'Jasińska'], ['Bąk', 'Bąk'], ['Szczepański', 'Szczepańska'],
];

export const POLISH_WOMEN = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Elżbieta', 'Magdalena', 'Joanna', 'Aleksandra',
  'Monika', 'Teresa', 'Danuta', 'Natalia', 'Karolina', 'Marta', 'Beata', 'Dorota', 'Jadwiga', 'Justyna', 'Halina', 'Paulina', 'Grażyna',
  'Iwona', 'Sylwia', 'Bożena', 'Urszula', 'Weronika', 'Żaneta', 'Łucja', 'Jolanta', 'Kamila', 'Patrycja', 'Edyta', 'Renata', 'Izabela',
] as const;

export const POLISH_MEN = [
  'Jan', 'Andrzej', 'Piotr', 'Krzysztof', 'Stanisław', 'Tomasz', 'Paweł', 'Józef', 'Marcin', 'Marek', 'Michał', 'Grzegorz', 'Jerzy',
  'Tadeusz', 'Adam', 'Łukasz', 'Zbigniew', 'Ryszard', 'Dariusz', 'Henryk', 'Mariusz', 'Kazimierz', 'Wojciech', 'Robert', 'Mateusz',
  'Jacek', 'Sławomir', 'Bartłomiej', 'Przemysław', 'Zdzisław', 'Sebastian', 'Damian', 'Kamil', 'Rafał', 'Artur',
] as const;

export const POLISH_GIRLS = [
  'Zuzanna', 'Julia', 'Lena', 'Maja', 'Hanna', 'Zofia', 'Amelia', 'Alicja', 'Oliwia', 'Wiktoria', 'Nikola', 'Laura', 'Pola', 'Antonina',
  'Helena', 'Gabriela', 'Emilia', 'Liliana', 'Małgosia', 'Klara', 'Iga', 'Łucja', 'Ida', 'Jagoda',
] as const;

export const POLISH_BOYS = [
  'Antoni', 'Jakub', 'Jan', 'Szymon', 'Filip', 'Franciszek', 'Aleksander', 'Mikołaj', 'Wojciech', 'Kacper', 'Stanisław', 'Igor',
  'Oskar', 'Leon', 'Michał', 'Nikodem', 'Tymon', 'Bartosz', 'Dawid', 'Maksymilian', 'Wiktor', 'Józef', 'Ignacy', 'Kuba',
] as const;

/** Ukrainian surnames in Polish transliteration (they do not change with sex). */
export const UKRAINIAN_SURNAMES = [
  'Szewczenko', 'Bondarenko', 'Kowalenko', 'Bojko', 'Tkaczenko', 'Kowalczuk', 'Krawczenko', 'Olijnyk', 'Szewczuk', 'Poliszczuk',
  'Łysenko', 'Marczenko', 'Melnyk', 'Sawczenko', 'Rudenko', 'Moroz', 'Petrenko', 'Hrycenko', 'Łewczenko', 'Zinczenko',
] as const;
export const UKRAINIAN_WOMEN = ['Olena', 'Natalia', 'Oksana', 'Iryna', 'Tetiana', 'Switłana', 'Hałyna', 'Kateryna', 'Julia', 'Łesia', 'Ołena', 'Hanna'] as const;
export const UKRAINIAN_MEN = ['Ołeksandr', 'Andrij', 'Serhij', 'Wołodymyr', 'Mykoła', 'Dmytro', 'Iwan', 'Taras', 'Bohdan', 'Jurij'] as const;
export const UKRAINIAN_GIRLS = ['Sofija', 'Anastasija', 'Daryna', 'Wiktoria', 'Marija', 'Anna', 'Polina', 'Złata'] as const;
export const UKRAINIAN_BOYS = ['Maksym', 'Artem', 'Mychajło', 'Danyło', 'Iwan', 'Matwij', 'Bohdan', 'Tymofij'] as const;

export interface Village {
  name: string;
  postalCode: string;
  /** A bigger village has named streets; a small one numbers its houses after the village. */
  streets: readonly string[];
}

const STREETS = ['Polna', 'Leśna', 'Szkolna', 'Ogrodowa', 'Lipowa', 'Łąkowa', 'Kościelna', 'Słoneczna', 'Krótka', 'Długa', 'Źródlana', 'Wiejska', 'Młyńska', 'Parkowa', 'Kwiatowa', 'Brzozowa'];

/** Three rural gminy: the office's own and two neighbours it serves on their behalf. */
export const VILLAGES: readonly Village[] = [
  { name: 'Bielice', postalCode: '74-202', streets: STREETS },
  { name: 'Nowe Chrapowo', postalCode: '74-202', streets: [] },
  { name: 'Parsów', postalCode: '74-202', streets: [] },
  { name: 'Linie', postalCode: '74-202', streets: ['Polna', 'Leśna', 'Szkolna'] },
  { name: 'Swochowo', postalCode: '74-202', streets: [] },
  { name: 'Babinek', postalCode: '74-202', streets: [] },
  { name: 'Stare Chrapowo', postalCode: '74-202', streets: [] },
  { name: 'Kozielice', postalCode: '74-204', streets: STREETS.slice(0, 9) },
  { name: 'Rokity', postalCode: '74-204', streets: [] },
  { name: 'Tetyń', postalCode: '74-204', streets: ['Łąkowa', 'Wiejska'] },
  { name: 'Siemczyn', postalCode: '74-204', streets: [] },
  { name: 'Trzebórz', postalCode: '74-204', streets: [] },
  { name: 'Przelewice', postalCode: '74-210', streets: STREETS.slice(4) },
  { name: 'Kluki', postalCode: '74-210', streets: [] },
  { name: 'Ślazowo', postalCode: '74-210', streets: [] },
  { name: 'Bylice', postalCode: '74-210', streets: [] },
  { name: 'Żuków', postalCode: '74-210', streets: ['Kościelna', 'Słoneczna'] },
  { name: 'Łozice', postalCode: '74-210', streets: [] },
];

export const HOUSING = [
  'Dom jednorodzinny, 3 pokoje, ogrzewanie piecem węglowym.',
  'Mieszkanie w budynku po PGR, 2 pokoje, wspólna łazienka na korytarzu.',
  'Mieszkanie komunalne, 2 pokoje z kuchnią, zawilgocone ściany.',
  'Dom rodziców, rodzina zajmuje jeden pokój.',
  'Mieszkanie socjalne, 1 pokój z aneksem kuchennym.',
  'Dom drewniany wymagający remontu dachu, brak bieżącej ciepłej wody.',
  '',
] as const;

export const REPORTS: Readonly<Record<'school' | 'police' | 'court' | 'probation_officer' | 'health_service' | 'family' | 'other', readonly string[]>> = {
  school: [
    'Pedagog szkolny zgłasza, że dzieci często opuszczają zajęcia i przychodzą do szkoły głodne.',
    'Wychowawczyni informuje o zaniedbaniu higienicznym ucznia i braku kontaktu z rodzicami.',
    'Dyrektor szkoły zgłasza powtarzające się nieobecności i brak przyborów szkolnych.',
  ],
  police: [
    'Dzielnicowy informuje o interwencji domowej; w mieszkaniu przebywały małoletnie dzieci.',
    'Policja zgłasza, że rodzice byli pod wpływem alkoholu w czasie sprawowania opieki nad dziećmi.',
  ],
  court: ['Sąd rejonowy, wydział rodzinny i nieletnich, zwraca się o objęcie rodziny wsparciem.', 'Postanowienie sądu zobowiązuje rodziców do współpracy z asystentem rodziny.'],
  probation_officer: ['Kurator sądowy zgłasza trudności matki w organizacji opieki nad dziećmi.', 'Kurator informuje o pogorszeniu sytuacji mieszkaniowej rodziny.'],
  health_service: [
    'Położna środowiskowa zgłasza trudności matki w opiece nad noworodkiem.',
    'Pielęgniarka szkolna informuje o nieleczonych problemach zdrowotnych dziecka.',
  ],
  family: ['Matka sama zgłosiła się po pomoc w związku z utratą pracy i zadłużeniem mieszkania.', 'Babcia dzieci prosi o wsparcie w opiece nad wnukami.'],
  other: ['Sąsiedzi zgłaszają, że dzieci są często pozostawiane bez opieki.', 'Sołtys informuje o trudnej sytuacji rodziny po pożarze budynku gospodarczego.'],
};

export const SOURCE_DETAILS: Readonly<Record<string, readonly string[]>> = {
  school: ['Szkoła Podstawowa w Bielicach, pedagog', 'Zespół Szkół w Kozielicach, wychowawczyni', 'Szkoła Podstawowa w Przelewicach, dyrektor'],
  police: ['Komisariat Policji w Pyrzycach, dzielnicowy', 'KPP Pyrzyce'],
  court: ['Sąd Rejonowy w Pyrzycach, III Wydział Rodzinny i Nieletnich'],
  probation_officer: ['Zespół kuratorskiej służby sądowej w Pyrzycach'],
  health_service: ['NZOZ w Bielicach, położna środowiskowa', 'Gabinet profilaktyki w szkole'],
  family: [''],
  other: ['Sąsiadka (zgłoszenie telefoniczne)', 'Sołtys wsi'],
};

export const INTERVIEW_TEXTS = {
  needs: [
    'Pomoc w organizacji opieki nad dziećmi i w prowadzeniu gospodarstwa domowego.',
    'Wsparcie w uregulowaniu zadłużenia i w poszukiwaniu pracy.',
    'Pomoc w kontakcie ze szkołą i poradnią psychologiczno-pedagogiczną.',
    'Wsparcie w podjęciu leczenia odwykowego przez ojca dzieci.',
  ],
  diagnosis: [
    'Bezradność w sprawach opiekuńczo-wychowawczych, niskie umiejętności budżetowania.',
    'Rodzina w kryzysie po utracie pracy przez jedynego żywiciela.',
    'Nadużywanie alkoholu przez ojca, konflikty w rodzinie.',
    'Matka samotnie wychowuje dzieci, brak wsparcia dalszej rodziny.',
  ],
  conclusions: ['Wskazane wsparcie asystenta rodziny.', 'Wskazana praca socjalna i kontrakt socjalny.', 'Rodzina wymaga stałego monitorowania sytuacji dzieci.'],
  helpPlan: ['Zasiłek celowy, kontakt ze szkołą, wniosek o asystenta rodziny.', 'Praca socjalna, kontrakt socjalny, skierowanie do PUP.', 'Konsultacja w punkcie terapii uzależnień, zasiłek okresowy.'],
} as const;

export const PLAN_AREAS: readonly { name: string; goals: readonly { name: string; tasks: readonly [description: string, responsible: 'parent' | 'assistant' | 'family', effect: string][] }[] }[] = [
  {
    name: 'Opieka i wychowanie dzieci',
    goals: [
      {
        name: 'Regularne uczęszczanie dzieci do szkoły',
        tasks: [
          ['Codzienne odprowadzanie dzieci do szkoły', 'parent', 'Frekwencja powyżej 90%'],
          ['Spotkanie z pedagogiem szkolnym', 'assistant', 'Wspólne ustalenia ze szkołą'],
          ['Kontrola zeszytów i dziennika elektronicznego raz w tygodniu', 'parent', 'Rodzic zna oceny i uwagi'],
        ],
      },
      {
        name: 'Stały plan dnia dzieci',
        tasks: [
          ['Ustalenie i zapisanie planu dnia', 'family', 'Dzieci kładą się spać o stałej porze'],
          ['Zapisanie dzieci na zajęcia w świetlicy', 'parent', 'Dzieci mają opiekę po lekcjach'],
        ],
      },
    ],
  },
  {
    name: 'Prowadzenie gospodarstwa domowego',
    goals: [
      {
        name: 'Planowanie wydatków rodziny',
        tasks: [
          ['Prowadzenie zeszytu wydatków', 'parent', 'Opłaty regulowane w terminie'],
          ['Spłata zaległości czynszowych w ratach', 'parent', 'Porozumienie z zarządcą dotrzymane'],
        ],
      },
      { name: 'Porządek w mieszkaniu', tasks: [['Cotygodniowe sprzątanie według grafiku', 'family', 'Mieszkanie czyste i bezpieczne dla dzieci']] },
    ],
  },
  {
    name: 'Sytuacja zawodowa',
    goals: [
      {
        name: 'Podjęcie zatrudnienia przez rodzica',
        tasks: [
          ['Rejestracja w powiatowym urzędzie pracy', 'parent', 'Status osoby bezrobotnej, oferty pracy'],
          ['Przygotowanie CV z pomocą asystenta', 'assistant', 'Gotowe CV i list motywacyjny'],
        ],
      },
    ],
  },
  {
    name: 'Zdrowie',
    goals: [
      {
        name: 'Opieka medyczna nad dziećmi',
        tasks: [
          ['Zapisanie dzieci na bilans zdrowia', 'parent', 'Bilans wykonany'],
          ['Wizyta w poradni psychologiczno-pedagogicznej', 'parent', 'Diagnoza i zalecenia poradni'],
        ],
      },
      { name: 'Leczenie uzależnienia', tasks: [['Podjęcie terapii w punkcie konsultacyjnym', 'parent', 'Udział w co najmniej 4 spotkaniach w miesiącu']] },
    ],
  },
];

export const VISIT_TOPICS = [
  'Organizacja poranków i wyjścia do szkoły',
  'Budżet domowy i zaległe opłaty',
  'Przygotowanie do wizyty w poradni',
  'Relacje między rodzeństwem',
  'Porządek w mieszkaniu, ogrzewanie na zimę',
  'Poszukiwanie pracy, oferty z urzędu pracy',
  'Postępy dzieci w nauce',
  'Terapia uzależnienia, udział w spotkaniach grupy',
] as const;

export const VISIT_AGREED = ['Budzik o 6:30, plecaki pakowane wieczorem', 'Spotkanie w szkole w przyszłym tygodniu', 'Matka zadzwoni do poradni', 'Plan wydatków na kolejny miesiąc', ''] as const;

export const CONTRACT_GOALS = [
  { main: 'Podjęcie zatrudnienia', partial: ['Rejestracja w PUP', 'Udział w szkoleniu zawodowym'], actions: ['Rejestracja w powiatowym urzędzie pracy', 'Udział w szkoleniu', 'Pomoc w przygotowaniu dokumentów'] },
  { main: 'Uregulowanie zadłużenia czynszowego', partial: ['Porozumienie z zarządcą', 'Spłata rat'], actions: ['Złożenie wniosku o rozłożenie długu na raty', 'Terminowa spłata rat', 'Pomoc w napisaniu pisma do zarządcy'] },
  { main: 'Podjęcie leczenia odwykowego', partial: ['Konsultacja w punkcie terapii', 'Udział w terapii'], actions: ['Zgłoszenie się do punktu konsultacyjnego', 'Udział w terapii grupowej', 'Kontakt z terapeutą co miesiąc'] },
] as const;

export const REFERRAL_ORGANISATIONS = ['Centrum Usług Społecznych w Pyrzycach', 'Stowarzyszenie „Rodzina Razem” w Stargardzie', 'Fundacja Wspierania Rodzin „Przystań”'] as const;

export const STAFF_WOMEN = ['Anna', 'Beata', 'Celina', 'Dorota', 'Ewelina', 'Grażyna', 'Halina', 'Iwona', 'Joanna', 'Karolina', 'Lucyna', 'Marzena', 'Renata', 'Sylwia', 'Teresa', 'Wanda'] as const;

/** Family courts that write to the office (issue 7). */
export const COURTS = [
  { court: 'Sąd Rejonowy w Pyrzycach', division: 'III Wydział Rodzinny i Nieletnich' },
  { court: 'Sąd Rejonowy w Stargardzie', division: 'III Wydział Rodzinny i Nieletnich' },
  { court: 'Sąd Rejonowy w Myśliborzu', division: 'III Wydział Rodzinny i Nieletnich' },
] as const;

export const COURT_RELATIONS = [
  'Relacje matki z dziećmi są ciepłe; dzieci chętnie rozmawiają z asystentem w obecności matki.',
  'W rodzinie występują konflikty między rodzicami; dzieci są świadkami kłótni.',
  'Ojciec dzieci utrzymuje z nimi kontakt co dwa tygodnie, kontakty przebiegają spokojnie.',
  'Babcia wspiera matkę w opiece nad dziećmi; relacje w rodzinie są poprawne.',
] as const;

export const COURT_CONCLUSIONS = [
  'Wskazane dalsze wsparcie asystenta rodziny i kontynuacja planu pracy z rodziną.',
  'Rodzina współpracuje z asystentem; widoczna poprawa opieki nad dziećmi. Wskazane dalsze monitorowanie sytuacji.',
  'Mimo wsparcia brak poprawy w zakresie opieki nad dziećmi; wskazane rozważenie przez sąd zastosowania nadzoru kuratora.',
] as const;
