import path from 'node:path'

/**
 * Where citizens' attachments live: under the data folder, which nothing serves (staff read them
 * through Payload's file route). Backups copy this folder beside the media (src/ops/backup).
 */
export const attachmentsDir = (dataDir: string): string => path.join(dataDir, 'question-attachments')
