import path from 'node:path'

import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'

import { Articles } from './collections/Articles/index.ts'
import { Authors } from './collections/Authors.ts'
import { Banners } from './collections/Banners.ts'
import { Captions } from './collections/Captions/index.ts'
import { Categories } from './collections/Categories.ts'
import { Media } from './collections/Media/index.ts'
import { Notices } from './collections/Notices.ts'
import { PollAudits } from './collections/PollAudits.ts'
import { PollChallenges } from './collections/PollChallenges.ts'
import { Polls } from './collections/Polls/index.ts'
import { PollVotes } from './collections/PollVotes.ts'
import { Sites } from './collections/Sites.ts'
import { Tags } from './collections/Tags.ts'
import { Users } from './collections/Users/index.ts'
import { Videos } from './collections/Videos/index.ts'
import { VisitCounters } from './collections/VisitCounters.ts'
import { WeatherObservations } from './collections/WeatherObservations.ts'
import { WeatherWidgets } from './collections/WeatherWidgets.ts'
import { env } from './src/config/env.ts'
import { createDatabaseAdapter } from './src/db/adapter.ts'
import { jobs } from './src/jobs.ts'
import { guardedSharp } from './src/media/imagePolicy.ts'
import { plugins } from './src/plugins.ts'
import { articleEditor } from './src/richText/editor.ts'

const settings = env()

export default buildConfig({
  secret: settings.payloadSecret,
  serverURL: settings.serverUrl,
  csrf: settings.csrfOrigins,
  cors: settings.csrfOrigins,
  telemetry: false,
  db: await createDatabaseAdapter({ url: settings.databaseUrl, push: settings.databasePush }),
  editor: articleEditor,
  sharp: guardedSharp,
  collections: [
    ...[Sites, Users, Articles, Categories, Tags, Authors, Captions, Media, Notices, Banners, Videos],
    ...[Polls, PollVotes, PollAudits, PollChallenges],
    ...[WeatherWidgets, WeatherObservations, VisitCounters],
  ],
  plugins,
  jobs,
  admin: {
    user: Users.slug,
    // Payload's default avatar is Gravatar: a request to a third party carrying a hash of the email.
    avatar: 'default',
    timezones: { defaultTimezone: 'Asia/Ho_Chi_Minh', supportedTimezones: [{ label: 'Giờ Việt Nam (UTC+7)', value: 'Asia/Ho_Chi_Minh' }] },
    dateFormat: 'dd/MM/yyyy HH:mm',
    meta: { titleSuffix: ' · Cổng tin' },
    importMap: { baseDir: path.resolve(process.cwd()) },
    components: { afterDashboard: ['/src/stats/admin/VisitsDashboard.tsx#VisitsDashboard'] },
  },
  i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi' },
  upload: {
    limits: { fileSize: settings.uploadMaxBytes },
    abortOnLimit: true,
    responseOnLimit: `Tệp quá lớn: tối đa ${Math.round(settings.uploadMaxBytes / 1024 / 1024)} MB.`,
  },
  typescript: { outputFile: path.resolve(process.cwd(), 'src/payload-types.ts') },
  graphQL: { maxComplexity: 1000, disablePlaygroundInProduction: true },
  logger: { options: { level: settings.logLevel } },
})
