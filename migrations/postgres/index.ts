import * as migration_20261123_063355_initial from './20261123_063355_initial';
import * as migration_20261123_070000_search_trigram_indexes from './20261123_070000_search_trigram_indexes';
import * as migration_20261123_113000_category_listing_index from './20261123_113000_category_listing_index';
import * as migration_20261123_124907_portal_features from './20261123_124907_portal_features';

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
];
