// The three-engine scenarios (scenarios.mjs) in WebKitGTK, through WebKitWebDriver (MiniBrowser on a private Xvfb display).
import { engineSuite } from './scenarios.mjs';

engineSuite('webkit');
