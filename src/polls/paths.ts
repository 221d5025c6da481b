export const POLLS_PATH = '/tham-do'
export const pollPath = (slug: string) => `${POLLS_PATH}/${slug}`
export const pollResultsPath = (slug: string) => `${pollPath(slug)}/ket-qua`
export const pollChallengePath = (slug: string) => `${pollPath(slug)}/ma-xac-nhan`
export const pollStatePath = (slug: string) => `${pollPath(slug)}/trang-thai`
export const pollVotePath = (slug: string) => `${pollPath(slug)}/binh-chon`
