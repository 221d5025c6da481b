/**
 * The English versions of the demo organisation (Decree 42/2022 Art. 7(2)), by slug. One unit per
 * site is left untranslated on purpose: its English page shows the "not translated yet" notice.
 */

type EnglishUnit = { name: string; address?: string; functions: string[] }
type EnglishPerson = { title: string; bio?: string }
export type DemoEnglish = { units: Record<string, EnglishUnit>; people: Record<string, EnglishPerson> }

const HOABINH: DemoEnglish = {
  units: {
    'tinh-uy-hoa-binh': {
      name: 'Hoa Binh Provincial Party Committee',
      address: '2 Tran Hung Dao Street, Phuong Lam Ward, Hoa Binh City (demonstration)',
      functions: [
        'The Provincial Party Committee is the leading body of the provincial Party organisation between two congresses; it leads the implementation of the resolutions of the provincial Party Congress and the policies of the Central Committee.',
        'It decides major policies on socio-economic development, defence, security, Party building and the building of the political system of the province.',
      ],
    },
    'van-phong-tinh-uy': { name: 'Office of the Provincial Party Committee', functions: ['Advises on organising and managing the activities of the Provincial Party Committee; the central source of consolidated information for its leadership.'] },
    'phong-tong-hop': { name: 'General Affairs Division', functions: ['Compiles the situation and prepares the periodic reports of the Standing Board of the Provincial Party Committee.'] },
    'ban-to-chuc-tinh-uy': { name: 'Organisation Commission', functions: ['Advises on the organisational structure, personnel, Party members and internal political security.'] },
    'ban-tuyen-giao-tinh-uy': { name: 'Propaganda and Education Commission', functions: ['Advises on political, ideological and theoretical work, communication, the press, culture and the arts.'] },
    'uy-ban-kiem-tra-tinh-uy': { name: 'Inspection Commission', functions: ['Inspects and supervises compliance with the Party Statute, resolutions and directives of the Party.'] },
    // 'truong-chinh-tri-tinh' (the provincial school of politics) is not translated on purpose.
  },
  people: {
    'dang-thi-huong': { title: 'Secretary of the Provincial Party Committee', bio: 'Born in 1970 in Hoa Binh Province. Master of Public Administration.' },
    'nguyen-van-duc': { title: 'Standing Deputy Secretary of the Provincial Party Committee', bio: 'Born in 1972. Bachelor of Law, advanced political theory.' },
    'bui-quoc-khanh': { title: 'Deputy Secretary of the Provincial Party Committee' },
    'luong-thi-thu': { title: 'Chief of the Office of the Provincial Party Committee' },
    'dinh-cong-son': { title: 'Head of the General Affairs Division' },
    'quach-minh-tuan': { title: 'Head of the Organisation Commission' },
    'xa-thi-lan': { title: 'Head of the Propaganda and Education Commission' },
  },
}

const KONTUM: DemoEnglish = {
  units: {
    'ubnd-tinh-kon-tum': {
      name: 'Kon Tum Provincial People’s Committee',
      address: '71 Tran Phu Street, Kon Tum City (demonstration)',
      functions: [
        'The Provincial People’s Committee is the executive body of the Provincial People’s Council and the local state administrative body, accountable to the Provincial People’s Council and to higher state administrative bodies.',
        'It implements the Constitution, the laws and the resolutions of the Provincial People’s Council, and manages socio-economic affairs in the province.',
      ],
    },
    'van-phong-ubnd-tinh': { name: 'Office of the Provincial People’s Committee', functions: ['Advises on and organises the common activities of the Provincial People’s Committee; provides the information its direction and administration need.'] },
    'trung-tam-phuc-vu-hanh-chinh-cong': { name: 'Public Administration Service Centre', functions: ['Receives applications and returns the results of administrative procedures through the one-stop shop.'] },
    'so-noi-vu': { name: 'Department of Home Affairs', functions: ['Advises on state management of the administrative apparatus, civil servants, public employees and local government.'] },
    'so-tai-chinh': { name: 'Department of Finance', functions: ['Advises on state management of finance, the budget, prices and public assets.'] },
    // 'so-khoa-hoc-va-cong-nghe' (the department of science and technology) is not translated on purpose.
  },
  people: {
    'a-thong': { title: 'Chairman of the Provincial People’s Committee', bio: 'Born in 1971, of the Xo Dang ethnic group. Master of Economics.' },
    'y-ngoc': { title: 'Vice Chairwoman of the Provincial People’s Committee' },
    'tran-duc-hai': { title: 'Vice Chairman of the Provincial People’s Committee' },
    'ho-thi-nga': { title: 'Chief of the Office of the Provincial People’s Committee' },
    'le-van-sang': { title: 'Director of the Public Administration Service Centre' },
    'nguyen-thi-duyen': { title: 'Director of the Department of Home Affairs' },
  },
}

export const DEMO_ENGLISH: Record<string, DemoEnglish> = { hoabinh: HOABINH, kontum: KONTUM }
