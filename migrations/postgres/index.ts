import * as migration_20261123_063355_initial from './20261123_063355_initial';
import * as migration_20261123_070000_search_trigram_indexes from './20261123_070000_search_trigram_indexes';
import * as migration_20261123_112509_legacy_import from './20261123_112509_legacy_import';
import * as migration_20261123_112528_weather_and_visits from './20261123_112528_weather_and_visits';
import * as migration_20261123_112733_article_read_indexes from './20261123_112733_article_read_indexes';
import * as migration_20261123_113000_category_listing_index from './20261123_113000_category_listing_index';

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
    up: migration_20261123_112509_legacy_import.up,
    down: migration_20261123_112509_legacy_import.down,
    name: '20261123_112509_legacy_import',
  },
  {
    up: migration_20261123_112528_weather_and_visits.up,
    down: migration_20261123_112528_weather_and_visits.down,
    name: '20261123_112528_weather_and_visits',
  },
  {
    up: migration_20261123_112733_article_read_indexes.up,
    down: migration_20261123_112733_article_read_indexes.down,
    name: '20261123_112733_article_read_indexes',
  },
  {
    up: migration_20261123_113000_category_listing_index.up,
    down: migration_20261123_113000_category_listing_index.down,
    name: '20261123_113000_category_listing_index',
  },
];
