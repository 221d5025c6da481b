/**
 * The review workflow of an article, as pure functions: which steps a save takes, and who may take
 * them. The hook in ../hooks/recordReview.ts applies them; the admin and dashboard read the history.
 */

export type ReviewState = 'drafting' | 'submitted' | 'returned' | 'approved'
export type ReviewStep = 'submitted' | 'returned' | 'approved' | 'published' | 'unpublished'

/** One step of an article's review, kept with the name of who took it (as it was then). */
export type ReviewEntry = { step: ReviewStep; at: string; by: number | string | null; byName: string; note?: string }

export const REVIEW_STEP_LABELS: Record<ReviewStep, string> = {
  submitted: 'Gửi duyệt',
  returned: 'Trả lại',
  approved: 'Duyệt',
  published: 'Xuất bản',
  unpublished: 'Gỡ xuất bản',
}

export type ReviewChange = {
  previousState: ReviewState
  nextState: ReviewState
  /** The article is public (its published row) before this save. */
  wasPublished: boolean
  /** After this save the article is public / no longer public. */
  publishes: boolean
  unpublishes: boolean
}

/** The steps one save takes, in order. Publishing approves implicitly (only "published" is kept). */
export function reviewSteps(change: ReviewChange): ReviewStep[] {
  const steps: ReviewStep[] = []
  const moved = change.previousState !== change.nextState
  if (moved && change.nextState === 'submitted') steps.push('submitted')
  if (moved && change.nextState === 'returned') steps.push('returned')
  if (moved && change.nextState === 'approved' && !change.publishes) steps.push('approved')
  if (change.publishes && !change.wasPublished) steps.push('published')
  if (change.unpublishes && change.wasPublished) steps.push('unpublished')
  return steps
}

/** Steps only editors and administrators take; reporters submit. */
export const EDITORIAL_STEPS: readonly ReviewStep[] = ['returned', 'approved', 'published', 'unpublished']

/** Reads a stored history defensively: the JSON column holds what the hook wrote, nothing else. */
export function readHistory(value: unknown): ReviewEntry[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (entry): entry is ReviewEntry => typeof entry === 'object' && entry !== null && typeof entry.step === 'string' && typeof entry.at === 'string',
  )
}
