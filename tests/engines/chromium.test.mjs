// The three-engine scenarios (scenarios.mjs) in Chromium, through chromedriver.
import { engineSuite } from './scenarios.mjs';

engineSuite('chromium');
