import * as migration_20261123_063349_initial from './20261123_063349_initial';
import * as migration_20261123_113000_category_listing_index from './20261123_113000_category_listing_index';
import * as migration_20261123_124859_portal_features from './20261123_124859_portal_features';

export const migrations = [
  {
    up: migration_20261123_063349_initial.up,
    down: migration_20261123_063349_initial.down,
    name: '20261123_063349_initial',
  },
  {
    up: migration_20261123_113000_category_listing_index.up,
    down: migration_20261123_113000_category_listing_index.down,
    name: '20261123_113000_category_listing_index',
  },
  {
    up: migration_20261123_124859_portal_features.up,
    down: migration_20261123_124859_portal_features.down,
    name: '20261123_124859_portal_features',
  },
];
