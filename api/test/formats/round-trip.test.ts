import { fixtureTables } from '../../src/formats/testing/fixtures.js';
import { roundTripSuite } from './round-trip-suite.js';

// teams.lead_id, users.manager_id (self) and users.team_id: a cycle and forward references
roundTripSuite('hand-made nasty values', fixtureTables(), 3);
