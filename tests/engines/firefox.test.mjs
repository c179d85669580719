// The three-engine scenarios (scenarios.mjs) in Firefox ESR, through geckodriver.
import { engineSuite } from './scenarios.mjs';

engineSuite('firefox');
