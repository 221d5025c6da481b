import path from 'node:path'

import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'

import { Articles } from './collections/Articles/index.ts'
import { AuditEntries } from './collections/AuditEntries.ts'
import { Authors } from './collections/Authors.ts'
import { Banners } from './collections/Banners.ts'
import { Captions } from './collections/Captions/index.ts'
import { Categories } from './collections/Categories.ts'
import { ConsultationComments } from './collections/ConsultationComments/index.ts'
import { Consultations } from './collections/Consultations/index.ts'
import { DocumentFiles } from './collections/DocumentFiles/index.ts'
import { Documents } from './collections/Documents/index.ts'
import { DocumentTerms } from './collections/DocumentTerms.ts'
import { Media } from './collections/Media/index.ts'
import { Notices } from './collections/Notices.ts'
import { People } from './collections/People/index.ts'
import { FormChallenges } from './collections/FormChallenges.ts'
import { PollAudits } from './collections/PollAudits.ts'
import { PollChallenges } from './collections/PollChallenges.ts'
import { Polls } from './collections/Polls/index.ts'
import { PollVotes } from './collections/PollVotes.ts'
import { QuestionCounters } from './collections/QuestionCounters.ts'
import { QuestionFields } from './collections/QuestionFields.ts'
import { QuestionAttachments } from './collections/QuestionAttachments/index.ts'
import { Questions } from './collections/Questions/index.ts'
import { ScheduleEntries } from './collections/ScheduleEntries/index.ts'
import { Sites } from './collections/Sites.ts'
import { Tags } from './collections/Tags.ts'
import { Units } from './collections/Units/index.ts'
import { Users } from './collections/Users/index.ts'
import { Videos } from './collections/Videos/index.ts'
import { VisitCounters } from './collections/VisitCounters.ts'
import { WeatherObservations } from './collections/WeatherObservations.ts'
import { WeatherWidgets } from './collections/WeatherWidgets.ts'
import { listCostRule } from './src/access/graphqlListCost.ts'
import { env } from './src/config/env.ts'
import { createDatabaseAdapter } from './src/db/adapter.ts'
import { answerBusyDatabaseWith503 } from './src/db/busy.ts'
import { jobs } from './src/jobs.ts'
import { withAuditTrail } from './src/ops/audit/hooks.ts'
import { requestLogFields } from './src/ops/observe/requestContext.ts'
import { mailAdapter } from './src/mail/adapter.ts'
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
  db: await createDatabaseAdapter({ url: settings.databaseUrl, push: settings.databasePush, waitMs: settings.databaseWaitMs }),
  editor: articleEditor,
  sharp: guardedSharp,
  // Every collection gets the audit trail's hooks here (src/ops/audit), not in its own file.
  collections: withAuditTrail([
    ...[Sites, Users, Articles, Categories, Tags, Authors, Captions, Media, Notices, Banners, Videos],
    ...[Polls, PollVotes, PollAudits, PollChallenges],
    ...[WeatherWidgets, WeatherObservations, VisitCounters],
    ...[Units, People, ScheduleEntries],
    ...[Documents, DocumentTerms, DocumentFiles, Consultations, ConsultationComments],
    ...[Questions, QuestionAttachments, QuestionFields, QuestionCounters, FormChallenges],
    AuditEntries,
  ]),
  plugins,
  jobs,
  hooks: { afterError: [answerBusyDatabaseWith503] },
  email: mailAdapter(settings.mail),
  admin: {
    user: Users.slug,
    // Payload's default avatar is Gravatar: a request to a third party carrying a hash of the email.
    avatar: 'default',
    timezones: { defaultTimezone: 'Asia/Ho_Chi_Minh', supportedTimezones: [{ label: 'Giờ Việt Nam (UTC+7)', value: 'Asia/Ho_Chi_Minh' }] },
    dateFormat: 'dd/MM/yyyy HH:mm',
    meta: { titleSuffix: ' · Cổng tin' },
    importMap: { baseDir: path.resolve(process.cwd()) },
    components: {
      actions: ['/src/admin/notice/WaitingNotice.tsx#WaitingNotice'],
      beforeDashboard: ['/src/admin/desk/Desk.tsx#Desk'],
      afterDashboard: ['/src/stats/admin/VisitsDashboard.tsx#VisitsDashboard'],
    },
    // Payload's collection cards with the number of documents each holds for the signed-in user.
    dashboard: {
      widgets: [{ slug: 'collection-counts', label: { vi: 'Bộ sưu tập', en: 'Collections' }, Component: '/src/admin/collectionCards/CollectionCards.tsx#CollectionCards', minWidth: 'full' }],
      defaultLayout: [{ widgetSlug: 'collection-counts', width: 'full' }],
    },
  },
  i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi' },
  // Content in English beside Vietnamese (Decree 42/2022 Art. 7(2)): only the organisation's texts are
  // marked `localized`. The read model reads each language with `fallbackLocale: false`, so a text not
  // yet translated reads as empty and the English pages say so. `fallback: true` only because Payload
  // then also reads a request without ?locale in Vietnamese (with `false` it reads no localized field).
  localization: {
    locales: [
      { code: 'vi', label: { vi: 'Tiếng Việt', en: 'Vietnamese' } },
      { code: 'en', label: { vi: 'Tiếng Anh', en: 'English' } },
    ],
    defaultLocale: 'vi',
    fallback: true,
  },
  upload: {
    limits: { fileSize: settings.uploadMaxBytes },
    abortOnLimit: true,
    responseOnLimit: `Tệp quá lớn: tối đa ${Math.round(settings.uploadMaxBytes / 1024 / 1024)} MB.`,
  },
  typescript: { outputFile: path.resolve(process.cwd(), 'src/payload-types.ts') },
  graphQL: { maxComplexity: 1000, disablePlaygroundInProduction: true, validationRules: listCostRule() },
  // Every line logged while a request is handled carries its id (src/ops/observe).
  logger: { options: { level: settings.logLevel, mixin: requestLogFields } },
})
