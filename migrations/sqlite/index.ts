import * as migration_20261123_063349_initial from './20261123_063349_initial';
import * as migration_20261123_112513_weather_and_visits from './20261123_112513_weather_and_visits';

export const migrations = [
  {
    up: migration_20261123_063349_initial.up,
    down: migration_20261123_063349_initial.down,
    name: '20261123_063349_initial',
  },
  {
    up: migration_20261123_112513_weather_and_visits.up,
    down: migration_20261123_112513_weather_and_visits.down,
    name: '20261123_112513_weather_and_visits'
  },
];
