import * as migration_20261123_063355_initial from './20261123_063355_initial';
import * as migration_20261123_070000_search_trigram_indexes from './20261123_070000_search_trigram_indexes';
import * as migration_20261123_113000_category_listing_index from './20261123_113000_category_listing_index';
import * as migration_20261123_124907_portal_features from './20261123_124907_portal_features';
import * as migration_20261204_134447_portal_registers_desk_operations from './20261204_134447_portal_registers_desk_operations';
import * as migration_20261204_134532_answerer_unit from './20261204_134532_answerer_unit';
import * as migration_20261204_134706_unique_article_slugs from './20261204_134706_unique_article_slugs';
import * as migration_20261204_152224_schedule_entries from './20261204_152224_schedule_entries';
import * as migration_20261204_152424_backup_job from './20261204_152424_backup_job';
import * as migration_20261204_161848_question_kinds from './20261204_161848_question_kinds';
import * as migration_20261204_183514_english_organisation from './20261204_183514_english_organisation';
import * as migration_20261204_183724_consultations from './20261204_183724_consultations';
import * as migration_20261204_190958_consultations_locale_columns from './20261204_190958_consultations_locale_columns';
import * as migration_20261204_191958_contact_erased_at from './20261204_191958_contact_erased_at';
import * as migration_20261204_192315_question_attachments from './20261204_192315_question_attachments';
import * as migration_20261204_214707_question_units_and_reminders from './20261204_214707_question_units_and_reminders';

export const migrations = [
  {
    up: migration_20261123_063355_initial.up,
    down: migration_20261123_063355_initial.down,
    name: '20261123_063355_initial',
  },
  {
    up: migration_20261123_070000_search_trigram_indexes.up,
    down: migration_20261123_070000_search_trigram_indexes.down,
    name: '20261123_070000_search_trigram_indexes',
  },
  {
    up: migration_20261123_113000_category_listing_index.up,
    down: migration_20261123_113000_category_listing_index.down,
    name: '20261123_113000_category_listing_index',
  },
  {
    up: migration_20261123_124907_portal_features.up,
    down: migration_20261123_124907_portal_features.down,
    name: '20261123_124907_portal_features',
  },
  {
    up: migration_20261204_134447_portal_registers_desk_operations.up,
    down: migration_20261204_134447_portal_registers_desk_operations.down,
    name: '20261204_134447_portal_registers_desk_operations',
  },
  {
    up: migration_20261204_134532_answerer_unit.up,
    down: migration_20261204_134532_answerer_unit.down,
    name: '20261204_134532_answerer_unit',
  },
  {
    up: migration_20261204_134706_unique_article_slugs.up,
    down: migration_20261204_134706_unique_article_slugs.down,
    name: '20261204_134706_unique_article_slugs',
  },
  {
    up: migration_20261204_152224_schedule_entries.up,
    down: migration_20261204_152224_schedule_entries.down,
    name: '20261204_152224_schedule_entries',
  },
  {
    up: migration_20261204_152424_backup_job.up,
    down: migration_20261204_152424_backup_job.down,
    name: '20261204_152424_backup_job',
  },
  {
    up: migration_20261204_161848_question_kinds.up,
    down: migration_20261204_161848_question_kinds.down,
    name: '20261204_161848_question_kinds',
  },
  {
    up: migration_20261204_183514_english_organisation.up,
    down: migration_20261204_183514_english_organisation.down,
    name: '20261204_183514_english_organisation',
  },
  {
    up: migration_20261204_183724_consultations.up,
    down: migration_20261204_183724_consultations.down,
    name: '20261204_183724_consultations',
  },
  {
    up: migration_20261204_190958_consultations_locale_columns.up,
    down: migration_20261204_190958_consultations_locale_columns.down,
    name: '20261204_190958_consultations_locale_columns',
  },
  {
    up: migration_20261204_191958_contact_erased_at.up,
    down: migration_20261204_191958_contact_erased_at.down,
    name: '20261204_191958_contact_erased_at',
  },
  {
    up: migration_20261204_192315_question_attachments.up,
    down: migration_20261204_192315_question_attachments.down,
    name: '20261204_192315_question_attachments',
  },
  {
    up: migration_20261204_214707_question_units_and_reminders.up,
    down: migration_20261204_214707_question_units_and_reminders.down,
    name: '20261204_214707_question_units_and_reminders'
  },
];
