/**
 * Every English interface string of the public site, in one place: the English section's pages
 * (src/english) and the parts of the site frame they share (src/site/views/Layout.tsx). Content
 * (unit names, functions, titles, biographies) comes from the editors, never from here.
 */
export const EN = {
  language: { switchLabel: 'Language', vietnamese: 'Tiếng Việt', english: 'English', englishVersion: 'English version', vietnameseVersion: 'Phiên bản tiếng Việt' },
  frame: {
    skipLink: 'Skip to main content',
    breadcrumb: 'You are here',
    menuLabel: 'English section',
    menu: 'Menu',
    portalHome: 'Vietnamese portal home',
    governingBody: 'Governing body',
    address: 'Address',
    phone: 'Phone',
    email: 'E-mail',
  },
  pages: {
    introduction: 'About us',
    functions: 'Functions and duties',
    structure: 'Organisational structure',
    chart: 'Organisation chart',
    chartScroll: 'Organisation chart (scrolls sideways)',
    chartTitle: (agency: string) => `Organisation chart of ${agency}`,
    unitList: 'List of units',
    leaders: 'Leadership',
    directory: 'Contacts',
    spokesperson: 'Spokesperson',
    people: 'Leaders and officials',
    units: 'Units',
    attachedUnits: 'Units under this unit',
    partOf: 'Part of',
    introductionDescription: (agency: string) => `About ${agency}: functions and duties, organisational structure and contacts.`,
    directoryDescription: 'Phone numbers and e-mail addresses of the leaders, contact officials and units.',
    spokespersonIntro: 'The spokesperson who provides information to the press under Decree No. 09/2017/ND-CP of the Government.',
  },
  contacts: { address: 'Address', phone: 'Phone', email: 'E-mail', website: 'Website', photoOf: (name: string) => `Photo of ${name}` },
  directory: {
    searchLabel: 'Search by name, title, unit, phone number or e-mail',
    searchRegion: 'Search the contacts',
    search: 'Search',
    found: (people: number, units: number, query: string) => `Found ${people} ${people === 1 ? 'person' : 'people'} and ${units} ${units === 1 ? 'unit' : 'units'} for “${query}”.`,
    total: (people: number, units: number) => `${people} ${people === 1 ? 'person' : 'people'}, ${units} ${units === 1 ? 'unit' : 'units'}.`,
    showAll: 'Show all contacts',
  },
  empty: {
    structure: 'The organisational structure has not been published yet.',
    leaders: 'The leadership has not been published yet.',
    spokesperson: 'No spokesperson has been announced yet.',
    introduction: 'The agency’s introduction has not been published yet.',
    unit: 'Unit not found.',
  },
  /** Error pages under /en/ (src/server/errorPages.ts). */
  errors: {
    notFoundTitle: 'Page not found',
    notFound: 'The page you are looking for does not exist or has been removed.',
    badRequestTitle: 'Bad request',
    badRequest: 'The server could not understand this request.',
    serverTitle: 'Something went wrong',
    server: 'The system is having a problem. Please try again in a few minutes.',
    backHome: 'Back to the English section',
  },
  /** A page or text that editors have not translated: said in English, with the Vietnamese page linked. */
  untranslated: {
    notice: 'This information has not been translated into English yet.',
    readVietnamese: 'Read it in Vietnamese',
  },
} as const
